import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { adminRoutes } from '../../sdk/routes/admin.js';
import { platformRoutes } from '../../sdk/routes/platform.js';
import { portalRoutes } from '../../sdk/routes/portal.js';

// The widgets reach the API only through the SDK, and their bundle carries the
// portal's route table only (plus the staff invitation link's one admin route).

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'widgets/dist');
const manifestFile = path.join(dist, 'manifest.json');

interface BuildManifest {
  entries: Record<string, { file: string; imports: string[] }>;
  files: Record<string, unknown>;
}

/** The code of the given built files, concatenated. */
const codeOf = (files: string[]) => files.map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Quoted strings and templates that start like an API path. */
const apiPathLiteral = /['"`](?:\/api\/v1)?\/(?:portal|admin|platform)\//g;

test('no widget source writes an API path: every call goes through a PortalClient method', (t) => {
  const offenders = sourceFiles(path.join(root, 'widgets/src')).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(apiPathLiteral)].map((m) => `${path.relative(root, file)}: ${m[0]}`),
  );
  t.deepEqual(offenders, []);
});

test('the widget files hold every portal route and, of the admin API, only the staff set-password link', (t) => {
  t.true(fs.existsSync(manifestFile), 'widgets/dist/manifest.json is built by `npm test` (or `npm run build`)');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BuildManifest;
  const code = codeOf(Object.keys(manifest.files));
  const paths = (routes: Record<string, { path: string }>) => Object.values(routes).map((r) => r.path);
  t.deepEqual(
    paths(portalRoutes).filter((p) => !code.includes(`"${p}"`)),
    [],
    'every portal route is in the bundle',
  );
  t.deepEqual(
    paths(adminRoutes).filter((p) => code.includes(`"${p}"`)),
    ['/admin/auth/set-password'],
  );
  t.deepEqual(
    paths(platformRoutes).filter((p) => code.includes(`"${p}"`)),
    [],
  );
  t.deepEqual(code.match(/\/(?:admin|platform)\/[\w/:-]*/g), ['/admin/auth/set-password']);
});

test('only the set-password widget carries the admin route: a page with the invoice list never downloads it', (t) => {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BuildManifest;
  const carriers = Object.entries(manifest.entries)
    .filter(([, entry]) => codeOf([entry.file, ...entry.imports]).includes('"/admin/auth/set-password"'))
    .map(([name]) => name);
  t.deepEqual(carriers, ['caseflow-set-password']);
});
