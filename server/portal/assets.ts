import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Router from '@koa/router';
import type { AppExtensions, AppState } from '../http/context.js';

export const widgetsDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widgets/dist');
const bundles = ['caseflow-widgets.js', 'hosted-portal.js'] as const;

export interface WidgetAssets {
  /** Content hash of the bundles: part of their URL, so they can be cached for a year. */
  version: string;
  url(file: (typeof bundles)[number]): string;
}

/** Reads the built widget bundles once; the server refuses to start without them. */
export function loadWidgetAssets(): WidgetAssets & { files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  const hash = createHash('sha256');
  for (const name of bundles) {
    const file = path.join(widgetsDist, name);
    if (!fs.existsSync(file)) throw new Error(`widget bundle ${file} is missing: run "npm run build" first`);
    const content = fs.readFileSync(file);
    files.set(name, content);
    hash.update(content);
  }
  const version = hash.digest('hex').slice(0, 12);
  return { version, files, url: (file) => `/assets/widgets/${version}/${file}` };
}

export function assetRoutes(router: Router<AppState, AppExtensions>, assets: ReturnType<typeof loadWidgetAssets>) {
  router.get('/assets/widgets/:version/:file', (ctx) => {
    const content = assets.files.get(ctx.params.file!);
    if (ctx.params.version !== assets.version || !content) return; // falls through to the 404 envelope
    ctx.type = 'text/javascript; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    // Widgets are embedded on firms' own sites.
    ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.body = content;
  });
}
