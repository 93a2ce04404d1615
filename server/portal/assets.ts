import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Router from '@koa/router';
import type { AppExtensions, AppState } from '../http/context.js';

export const widgetsDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widgets/dist');

const licencesFile = 'THIRD-PARTY-LICENSES.txt';

/** widgets/dist/manifest.json, as the rollup build writes it. */
interface BuildManifest {
  version: string;
  entries: Record<
    string,
    { file: string; imports: string[]; dynamicImports: string[]; gzip: number; totalGzip: number }
  >;
  files: Record<string, { integrity: string; bytes: number; gzip: number }>;
}

/** An entry as the served manifest describes it: where it is, and everything it needs checked. */
export interface ServedEntry {
  url: string;
  integrity: string;
  /** The chunks it imports statically (fetched with it) and on demand. */
  imports: string[];
  dynamicImports: string[];
  /** Gzipped bytes of the entry and every chunk it imports statically. */
  gzip: number;
}

export interface WidgetAssets {
  /** The package version: the path segment the files are served under. */
  version: string;
  /** URL path of a file: `/assets/widgets/<version>/<file>`. */
  path(file: string): string;
  /** The entry `name` (`caseflow-invoice-list`, `hosted-portal`) for a page on `origin` ('' for same-origin paths). */
  entry(name: string, origin?: string): ServedEntry;
  /** An import map that carries the integrity of every file, so chunks an entry imports are checked too. */
  importMap(origin?: string): { imports: Record<string, string>; integrity: Record<string, string> };
  /** The manifest the server publishes at /assets/widgets/manifest.json. */
  manifest(origin: string): unknown;
  /** The import map as the hosted pages inline it, and its CSP hash ('sha256-…'). */
  inlineImportMap: { json: string; cspHash: string };
}

/** Reads the built widget files once; the server refuses to start without them. */
export function loadWidgetAssets(): WidgetAssets & { files: Map<string, Buffer> } {
  const manifestFile = path.join(widgetsDist, 'manifest.json');
  if (!fs.existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: run "npm run build" first`);
  const build = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BuildManifest;
  const files = new Map<string, Buffer>();
  for (const [name, { integrity }] of Object.entries(build.files)) {
    const content = fs.readFileSync(path.join(widgetsDist, name));
    const actual = `sha384-${createHash('sha384').update(content).digest('base64')}`;
    if (actual !== integrity) throw new Error(`widgets/dist/${name} does not match its manifest: run "npm run build"`);
    files.set(name, content);
  }
  // The bundled packages' licences (their notices are stripped from the code).
  const licences = path.join(widgetsDist, licencesFile);
  if (fs.existsSync(licences)) files.set(licencesFile, fs.readFileSync(licences));
  const filePath = (file: string) => `/assets/widgets/${build.version}/${file}`;
  const integrityOf = (file: string) => build.files[file]!.integrity;

  const entry = (name: string, origin = ''): ServedEntry => {
    const found = build.entries[name];
    if (!found) throw new Error(`no widget entry named ${name}`);
    return {
      url: origin + filePath(found.file),
      integrity: integrityOf(found.file),
      imports: found.imports.map((f) => origin + filePath(f)),
      dynamicImports: found.dynamicImports.map((f) => origin + filePath(f)),
      gzip: found.totalGzip,
    };
  };
  const importMap = (origin = '') => ({
    imports: {},
    integrity: Object.fromEntries(Object.keys(build.files).map((f) => [origin + filePath(f), integrityOf(f)])),
  });
  const json = JSON.stringify(importMap());
  return {
    version: build.version,
    files,
    path: filePath,
    entry,
    importMap,
    manifest: (origin) => ({
      version: build.version,
      entries: Object.fromEntries(Object.keys(build.entries).map((name) => [name, entry(name, origin)])),
      importmap: importMap(origin),
      licenses: origin + filePath(licencesFile),
    }),
    inlineImportMap: { json, cspHash: `'sha256-${createHash('sha256').update(json).digest('base64')}'` },
  };
}

export function assetRoutes(router: Router<AppState, AppExtensions>, assets: ReturnType<typeof loadWidgetAssets>) {
  // What a firm's developer copies from: every entry with its URL, integrity and
  // imports, and the import map. Short-lived: it names the current build.
  router.get('/assets/widgets/manifest.json', (ctx) => {
    ctx.set('Cache-Control', 'public, max-age=300');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // Koa 3's ctx.origin echoes the Origin header: the URLs name this very host.
    ctx.body = assets.manifest(`${ctx.protocol}://${ctx.host}`);
  });
  const licences = assets.files.get(licencesFile);
  const serve = (folder: string) => (ctx: Parameters<Parameters<typeof router.get>[1]>[0]) => {
    const content = assets.files.get(folder + ctx.params.file!);
    if (ctx.params.version !== assets.version || !content) return; // falls through to the 404 envelope
    ctx.type = ctx.params.file === licencesFile ? 'text/plain; charset=utf-8' : 'text/javascript; charset=utf-8';
    // The name carries the content's hash: the same URL never changes (the licences' name does not).
    ctx.set('Cache-Control', content === licences ? 'public, max-age=86400' : 'public, max-age=31536000, immutable');
    // Widgets are embedded on firms' own sites, as scripts with `integrity` (CORS mode).
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = content;
  };
  router.get('/assets/widgets/:version/:file', serve(''));
  router.get('/assets/widgets/:version/chunks/:file', serve('chunks/'));
}
