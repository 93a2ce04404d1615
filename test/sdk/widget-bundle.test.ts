import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { adminRoutes } from '../../sdk/routes/admin.js';
import { platformRoutes } from '../../sdk/routes/platform.js';
import { portalRoutes } from '../../sdk/routes/portal.js';

// The widgets reach the API only through the SDK, and their bundle carries the
// portal's route table only (plus the staff invitation link's one admin route).

const root = path.resolve(import.meta.dirname, '../..');
const bundle = path.join(root, 'widgets/dist/caseflow-widgets.js');

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

test('the widget bundle holds every portal route and, of the admin API, only the staff set-password link', (t) => {
  t.true(fs.existsSync(bundle), 'widgets/dist/caseflow-widgets.js is built by `npm test` (or `npm run build`)');
  const code = fs.readFileSync(bundle, 'utf8');
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
