/**
 * The widget manifest a portal host publishes at /assets/widgets/manifest.json,
 * and the <head> lines a firm's page needs to load widgets from it. Zod-free and
 * DOM-free: a firm's backend renders its pages with it, as the embed demo does.
 */

/** One widget entry: its URL, integrity, and the chunks it imports (now, and on demand). */
export interface WidgetEntry {
  url: string;
  integrity: string;
  imports: string[];
  dynamicImports: string[];
  /** Gzipped bytes of the entry and every chunk it imports statically. */
  gzip: number;
}

export interface WidgetImportMap {
  imports: Record<string, string>;
  /** Every built file's Subresource Integrity hash, by URL. */
  integrity: Record<string, string>;
}

export interface WidgetManifest {
  version: string;
  /** By entry name: `caseflow-invoice-list`, … (and `hosted-portal`, the hosted pages' own). */
  entries: Record<string, WidgetEntry>;
  importmap: WidgetImportMap;
  /** The bundled packages' licences, as text. */
  licenses: string;
}

/** The import map's text as widgetHead inlines it: what a page's CSP hashes (`script-src 'sha256-…'`). */
export const importMapText = (importmap: WidgetImportMap): string => JSON.stringify(importmap);

/**
 * The import map (it makes every chunk the entries import checked too) and one
 * module script with its integrity per entry named.
 * @example widgetHead(await (await fetch(`${portal}/assets/widgets/manifest.json`)).json(), ['caseflow-invoice-list'])
 */
export function widgetHead(manifest: Pick<WidgetManifest, 'entries' | 'importmap'>, entries: string[]): string {
  const scripts = entries.map((name) => {
    const entry = manifest.entries[name];
    if (!entry) throw new Error(`the widget manifest has no entry ${name}`);
    return `<script type="module" src="${entry.url}" integrity="${entry.integrity}" crossorigin="anonymous"></script>`;
  });
  return [`<script type="importmap">${importMapText(manifest.importmap)}</script>`, ...scripts].join('\n');
}
