import type { TenantScope } from '../db/request-transaction.js';
import type { WidgetAssets } from './assets.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function shell(tenant: TenantScope, assets: WidgetAssets, title: string, body: string): string {
  const lang = escapeHtml(tenant.locale);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} · ${escapeHtml(tenant.tenant_name)}</title>
<link rel="stylesheet" href="/clients/portal.css">
<script type="module" src="${assets.url('caseflow-widgets.js')}"></script>
<script type="module" src="${assets.url('hosted-portal.js')}"></script>
</head>
<body>
<header class="cf-header"><span class="cf-firm">${escapeHtml(tenant.tenant_name)}</span></header>
<main class="cf-main">
${body}
</main>
</body>
</html>`;
}

export function loginPage(tenant: TenantScope, assets: WidgetAssets): string {
  return shell(
    tenant,
    assets,
    'Log in',
    `<h1>Client portal</h1>
<caseflow-portal><caseflow-login transport="cookie"></caseflow-login></caseflow-portal>`,
  );
}

export function invoicesPage(tenant: TenantScope, assets: WidgetAssets): string {
  return shell(
    tenant,
    assets,
    'Invoices',
    `<caseflow-portal>
<div class="cf-toolbar"><h1>Invoices</h1><button type="button" id="caseflow-logout">Log out</button></div>
<caseflow-invoice-list></caseflow-invoice-list>
</caseflow-portal>`,
  );
}

export function notFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>No firm is served at this address.</h1></body></html>`;
}

/** The pages' own stylesheet (served as a file: the CSP allows no inline styles or scripts). */
export const portalCss = `
:root { color-scheme: light; font-family: system-ui, sans-serif; color: #1f2933; background: #f5f7fa; }
body { margin: 0; }
.cf-header { padding-block: 0.75rem; padding-inline: 1.5rem; background: #fff; border-block-end: 1px solid #e4e7eb; }
.cf-firm { font-weight: 600; }
.cf-main { max-inline-size: 960px; margin-inline: auto; padding: 1.5rem; }
.cf-toolbar { display: flex; align-items: center; justify-content: space-between; gap: 1rem; }
h1 { font-size: 1.5rem; }
button { font: inherit; padding-block: 0.4rem; padding-inline: 0.9rem; border-radius: 6px; border: 1px solid #cbd2d9; background: #fff; cursor: pointer; }
`;
