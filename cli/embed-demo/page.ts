import { createHash } from 'node:crypto';
import { importMapText, widgetHead, type WidgetManifest } from '../../sdk/widget-manifest.js';
import { blocksFor, type DemoContext, type WidgetBlock } from './catalogue.js';

export interface PageInput extends DemoContext {
  manifest: WidgetManifest;
  /** The portal session token the backend minted for this visit. */
  token: string;
  /** Who the session is for, as the page says it ("Nora North, Northwind Traders"). */
  signedInAs: string;
  /** This page's own origin. */
  origin: string;
  /** The source of /appearance.js, shown beside the block it themes. */
  appearanceScript: string;
}

/** The three themed blocks: each is one <caseflow-portal> around every session widget. */
export const themes = [
  {
    id: 'default',
    title: 'Default theme',
    what: 'The widgets as they come: the light tokens the portal declares.',
    attributes: '',
  },
  {
    id: 'branded',
    title: 'Your brand, through appearance',
    what: 'The same widgets with an appearance object set from this page’s own script file (/appearance.js, shown below): a violet brand colour whose hover, link and focus shades are derived with AA contrast, square corners and a serif font.',
    attributes: ' id="branded-portal"',
  },
  {
    id: 'dark',
    title: 'Dark mode',
    what: 'The same widgets with theme="dark" (theme="auto" follows the visitor’s system setting instead).',
    attributes: ' theme="dark"',
  },
] as const;

export const tokenPlaceholder = '{the portal session token your backend minted}';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The entries a firm's page loads for these tags, in the manifest's words. */
function entriesFor(manifest: WidgetManifest): string[] {
  return Object.keys(manifest.entries).filter((name) => name.startsWith('caseflow-'));
}

/** The <head> lines that load the widgets (sdk/widget-manifest.ts), and the import map's text its CSP hashes. */
function loadingHead(manifest: WidgetManifest): { html: string; importMap: string } {
  return { html: widgetHead(manifest, entriesFor(manifest)), importMap: importMapText(manifest.importmap) };
}

/** A portal's markup as a firm writes it: the widgets one per line. */
function portalSnippet(portal: string, token: string, attributes: string, blocks: WidgetBlock[], context: DemoContext) {
  const widgets = blocks
    .map((b) => b.markup(context))
    .filter((markup) => markup !== undefined)
    .map((markup) => `  ${markup}`)
    .join('\n');
  return `<caseflow-portal base-url="${portal}" token="${token}"${attributes}>\n${widgets}\n</caseflow-portal>`;
}

const snippet = (code: string, label: string) =>
  `<details class="snippet"><summary>${escapeHtml(label)}</summary><pre><code>${escapeHtml(code)}</code></pre></details>`;

/** The Content-Security-Policy of the page: no inline script but the import map, allowed by its hash. */
export function contentSecurityPolicy(input: { importMap: string; portal: string; assetOrigins: string[] }): string {
  const hash = createHash('sha256').update(input.importMap).digest('base64');
  return [
    "default-src 'none'",
    `script-src 'self' ${input.assetOrigins.join(' ')} 'sha256-${hash}'`,
    "style-src 'self'",
    `connect-src ${input.portal}`,
    `img-src 'self' data: ${input.portal}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The demo page and the policy it is served with. */
export function renderPage(input: PageInput): { html: string; csp: string } {
  const { manifest, portal, token } = input;
  const context: DemoContext = { portal, ...(input.invoiceId ? { invoiceId: input.invoiceId } : {}) };
  const blocks = blocksFor(Object.keys(manifest.entries));
  const head = loadingHead(manifest);
  const assetOrigins = [...new Set(Object.keys(manifest.importmap.integrity).map((url) => new URL(url).origin))];

  const themed = themes.map((theme) => {
    const articles = blocks.session.map(
      (b) => `<article class="block${b.wide ? ' wide' : ''}" data-widget="${b.tag}">
  <h3>${escapeHtml(b.title)} <code>&lt;${b.tag}&gt;</code></h3>
  <p>${escapeHtml(b.what)}</p>
  ${b.markup(context) ?? `<p class="unavailable">${escapeHtml(b.unavailable ?? '')}</p>`}
</article>`,
    );
    const code = portalSnippet(portal, tokenPlaceholder, theme.attributes, blocks.session, context);
    return `<section id="${theme.id}" class="theme" aria-labelledby="${theme.id}-title">
<h2 id="${theme.id}-title">${escapeHtml(theme.title)}</h2>
<p>${escapeHtml(theme.what)}</p>
${snippet(code, 'The markup of this block')}
${theme.id === 'branded' ? snippet(input.appearanceScript, '/appearance.js, the script that sets appearance') : ''}
<caseflow-portal base-url="${portal}" token="${escapeHtml(token)}"${theme.attributes}>
<div class="blocks">
${articles.join('\n')}
</div>
</caseflow-portal>
</section>`;
  });

  const publicBlocks = blocks.public.map(
    (w) => `<article class="block" data-widget="${w.tag}">
  <h3>${escapeHtml(w.title)} <code>&lt;${w.tag}&gt;</code></h3>
  <p>${escapeHtml(w.what)}</p>
  ${snippet(w.markup(portal), 'Its markup')}
  ${w.markup(portal)}
</article>`,
  );

  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CaseFlow widgets — embed demo</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo.css">
${head.html}
<script type="module" src="/appearance.js"></script>
</head>
<body>
<header class="intro">
<h1>CaseFlow widgets on your own website</h1>
<p>This page stands for a firm’s website. It is served by its own small backend at <code>${escapeHtml(input.origin)}</code>,
another origin than the firm’s portal <code>${escapeHtml(portal)}</code>, and that origin is in the firm’s
<code>allowed_origins</code>, so the API answers it (CORS, bearer tokens only).</p>
<p>For this visit the backend minted a portal session for <strong>${escapeHtml(input.signedInAs)}</strong> with an API key
it keeps to itself (<code>admin.portalSessions.create({ contact_id })</code> in the SDK) and put only the session’s
token in the page. Reload to get a new one.</p>
<nav aria-label="On this page"><a href="#load">Load the widgets</a> · ${themes.map((t) => `<a href="#${t.id}">${escapeHtml(t.title)}</a>`).join(' · ')} · <a href="#public">Without a session</a></nav>
</header>
<main>
<section id="load" aria-labelledby="load-title">
<h2 id="load-title">Load the widgets</h2>
<p>Copy these lines into your page’s <code>&lt;head&gt;</code> from the manifest your portal serves at
<code>/assets/widgets/manifest.json</code>: one module script per widget you use, with its <code>integrity</code>,
and the import map, whose <code>integrity</code> covers the shared chunks those scripts import. A changed byte in any
file and the browser refuses to run it. The files never change at a given address, so they are cached for a year.
With a Content-Security-Policy, allow the import map by its hash, as this page does.</p>
${snippet(head.html, 'The <head> of this page')}
</section>
${themed.join('\n')}
<section id="public" aria-labelledby="public-title">
<h2 id="public-title">Without a session</h2>
<p>Widgets that work before anyone is signed in.</p>
<div class="blocks">
${publicBlocks.join('\n')}
</div>
</section>
</main>
</body>
</html>
`;
  return { html, csp: contentSecurityPolicy({ importMap: head.importMap, portal, assetOrigins }) };
}
