import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Router from '@koa/router';
import {
  importMapText,
  type WidgetEntry,
  type WidgetImportMap,
  type WidgetManifest,
} from '../../sdk/widget-manifest.js';
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

export interface WidgetAssets {
  /** The package version: the path segment the files are served under. */
  version: string;
  /** The manifest the server publishes at /assets/widgets/manifest.json, with URLs on `origin`. */
  manifest(origin: string): WidgetManifest;
  /** The entries and import map with same-origin paths, as the hosted pages use them. */
  sameOrigin: Pick<WidgetManifest, 'entries' | 'importmap'>;
  /** The CSP source ('sha256-…') that allows the hosted pages' inline import map. */
  importMapHash: string;
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

  /** The entry `name` (`caseflow-invoice-list`, `hosted-portal`) with URLs on `origin` ('' for paths). */
  const entry = (name: string, origin = ''): WidgetEntry => {
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
  /** An import map that carries the integrity of every file, so chunks an entry imports are checked too. */
  const importMap = (origin = ''): WidgetImportMap => ({
    imports: {},
    integrity: Object.fromEntries(Object.keys(build.files).map((f) => [origin + filePath(f), integrityOf(f)])),
  });
  // The hosted pages' own, same-origin: built once, not per page.
  const sameOrigin = {
    importmap: importMap(),
    entries: Object.fromEntries(Object.keys(build.entries).map((name) => [name, entry(name)])),
  };
  const json = importMapText(sameOrigin.importmap);
  const importMapHash = `'sha256-${createHash('sha256').update(json).digest('base64')}'`;
  return {
    version: build.version,
    files,
    manifest: (origin) => ({
      version: build.version,
      entries: Object.fromEntries(Object.keys(build.entries).map((name) => [name, entry(name, origin)])),
      importmap: importMap(origin),
      licenses: origin + filePath(licencesFile),
    }),
    sameOrigin,
    importMapHash,
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
