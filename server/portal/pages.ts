import { declarations } from '../../sdk/theme.js';
import type { TenantScope } from '../db/request-transaction.js';
import { widgetHead } from '../../sdk/widget-manifest.js';
import type { WidgetAssets } from './assets.js';
import type { Branding } from './branding.js';

/** What a page needs to know about the firm it is served for. */
export interface PageFirm extends TenantScope {
  branding: Branding;
}

export type Page = (firm: PageFirm, assets: WidgetAssets) => string;

// Every heading and title of the hosted pages, in one place for review and translation.
const messages = {
  loginTitle: 'Log in',
  loginHeading: 'Client portal',
  invoices: 'Invoices',
  invoice: 'Invoice',
  allInvoices: 'All invoices',
  payments: 'Payments',
  profile: 'Profile',
  logOut: 'Log out',
  welcomeTitle: 'Choose your password',
  resetTitle: 'Reset your password',
  staffTitle: 'Choose your password',
  staffIntro: 'This password is for your staff account at this firm.',
  impersonateTitle: 'Admin preview',
  announcements: 'Announcements',
  nav: 'Client portal',
};

/**
 * The portal's sections, in navigation order. Only pages that exist are listed
 * (no dead links); `permission` names the contact permission a section needs,
 * and <caseflow-nav> hides the ones the contact lacks.
 */
const sections = [
  { id: 'invoices', label: messages.invoices, href: '/clients/invoices', permission: 'invoices' },
  { id: 'payments', label: messages.payments, href: '/clients/payments', permission: 'invoices' },
  { id: 'profile', label: messages.profile, href: '/clients/profile', permission: undefined },
] as const;

type SectionId = (typeof sections)[number]['id'];

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Languages written right to left; the page's `dir` follows the firm's locale. */
const rtlLanguages = new Set(['ar', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);
const direction = (locale: string) => (rtlLanguages.has(locale.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr');

/** Stylesheet URL of a brand colour: the colour is in the path, so any firm's can be cached for good. */
export const brandStylesheet = (hex: string) => `/clients/brand/${hex}.css`;

/** The widget tags a page shows at once: those inside a <template> (a gate's section) load only when it opens. */
export function visibleWidgets(body: string): string[] {
  const outside = body.replace(/<template>[\s\S]*?<\/template>/g, '');
  return [...new Set([...outside.matchAll(/<(caseflow-[a-z-]+)[\s>]/g)].map((m) => m[1]!))];
}

/**
 * The import map first (it carries the integrity of every file, so each chunk
 * an entry imports, now or when a section opens, is checked), then the hosted
 * script with its own integrity; it loads each widget's code as the widget
 * appears on the page. The widgets the page shows at once, and their chunks,
 * are preloaded, so they arrive with the hosted script instead of after it.
 */
function scripts(assets: WidgetAssets, body: string): string {
  const { entries, importmap } = assets.sameOrigin;
  const shown = ['hosted-portal', ...visibleWidgets(body)].map((name) => entries[name]!);
  const urls = new Set(shown.flatMap((entry, i) => (i === 0 ? entry.imports : [entry.url, ...entry.imports])));
  const preload = [...urls]
    .map((url) => `<link rel="modulepreload" href="${url}" integrity="${importmap.integrity[url]}">`)
    .join('\n');
  return `${widgetHead(assets.sameOrigin, ['hosted-portal'])}${preload ? `\n${preload}` : ''}`;
}

interface ShellOptions {
  title: string;
  body: string;
  /** Pages of a signed-in contact get the Log out button. */
  signedIn?: boolean;
}

function shell(firm: PageFirm, assets: WidgetAssets, { title, body, signedIn = false }: ShellOptions): string {
  const { primaryHex, logoPath } = firm.branding;
  const name = escapeHtml(firm.tenant_name);
  return `<!doctype html>
<html lang="${escapeHtml(firm.locale)}" dir="${direction(firm.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} · ${name}</title>
<link rel="stylesheet" href="/clients/portal.css">
${primaryHex ? `<link rel="stylesheet" href="${brandStylesheet(primaryHex)}">\n` : ''}${scripts(assets, body)}
</head>
<body>
<header class="cf-header">
${logoPath ? `<img class="cf-logo" src="${escapeHtml(logoPath)}" alt="">\n` : ''}<span class="cf-firm">${name}</span>
${signedIn ? `<button type="button" id="caseflow-logout">${messages.logOut}</button>\n` : ''}</header>
${body}
</body>
</html>`;
}

/** A signed-in page: the navigation filtered by <caseflow-nav>, and the page's own content. */
function portalPage(
  firm: PageFirm,
  assets: WidgetAssets,
  /** The navigation's current section; undefined for a page outside the navigation. */
  current: SectionId | undefined,
  main: string,
  title = sections.find((s) => s.id === current)!.label,
): string {
  const links = sections
    .map(
      (s) =>
        `<a href="${s.href}"${s.permission ? ` data-section="${s.permission}"` : ''}${s.id === current ? ' aria-current="page"' : ''}>${escapeHtml(s.label)}</a>`,
    )
    .join('\n');
  return shell(firm, assets, {
    title,
    signedIn: true,
    body: `<caseflow-portal class="cf-app" theme="auto">
<caseflow-preview-banner class="cf-preview" hidden></caseflow-preview-banner>
<caseflow-nav class="cf-nav" label="${escapeHtml(messages.nav)}">
${links}
</caseflow-nav>
<main class="cf-main">
${main}
</main>
</caseflow-portal>`,
  });
}

/** A page for someone without a session: one heading and one widget. */
function publicPage(firm: PageFirm, assets: WidgetAssets, title: string, heading: string, content: string): string {
  return shell(firm, assets, {
    title,
    body: `<main class="cf-main cf-narrow">
<h1>${escapeHtml(heading)}</h1>
${content}
</main>`,
  });
}

export const loginPage: Page = (firm, assets) =>
  publicPage(
    firm,
    assets,
    messages.loginTitle,
    messages.loginHeading,
    '<caseflow-portal theme="auto"><caseflow-login transport="cookie"></caseflow-login></caseflow-portal>',
  );

/** Where an invoice's own page is; the widgets link numbers to it. */
const invoiceHref = '/clients/invoices/{id}';

/**
 * The home page (also /clients/invoices, where Stripe Checkout returns by
 * default): the summary of what waits for the contact, then the invoices, inside a gate so that a contact without the
 * permission (or a firm without the portal) never loads them.
 */
export const invoicesPage: Page = (firm, assets) =>
  portalPage(
    firm,
    assets,
    'invoices',
    `<caseflow-home hosted-links invoice-href="${invoiceHref}"></caseflow-home>
<caseflow-announcements unread-only all-href="/clients/announcements" hidden></caseflow-announcements>
<caseflow-gate section="invoices"><template>
<h1>${messages.invoices}</h1>
<caseflow-invoice-list invoice-href="${invoiceHref}"></caseflow-invoice-list>
</template></caseflow-gate>`,
  );

/** One invoice; `id` is a UUID (checked by the route), so it is safe in the attribute. */
export const invoicePage =
  (id: string): Page =>
  (firm, assets) =>
    portalPage(
      firm,
      assets,
      'invoices',
      `<caseflow-gate section="invoices"><template>
<p><a href="/clients/invoices">${messages.allInvoices}</a></p>
<h1>${messages.invoice}</h1>
<caseflow-invoice invoice-id="${escapeHtml(id)}"></caseflow-invoice>
</template></caseflow-gate>`,
      messages.invoice,
    );

export const paymentsPage: Page = (firm, assets) =>
  portalPage(
    firm,
    assets,
    'payments',
    `<caseflow-gate section="invoices"><template>
<h1>${messages.payments}</h1>
<caseflow-payment-history invoice-href="${invoiceHref}"></caseflow-payment-history>
</template></caseflow-gate>`,
  );

// Announcements need no permission: the firm writes them to every client. The
// home page shows the unread ones above the invoices and links here; on solo the
// widget shows nothing and the navigation the upgrade prompt.
export const announcementsPage: Page = (firm, assets) =>
  portalPage(
    firm,
    assets,
    undefined,
    `<h1>${messages.announcements}</h1>\n<caseflow-announcements></caseflow-announcements>`,
    messages.announcements,
  );

export const profilePage: Page = (firm, assets) =>
  portalPage(firm, assets, 'profile', `<h1>${messages.profile}</h1>\n<caseflow-profile></caseflow-profile>`);

// The set-password pages hold no token: it stays in the link's #fragment, which
// browsers never send, so opening or prefetching a page spends nothing.

export const welcomePage: Page = (firm, assets) =>
  publicPage(
    firm,
    assets,
    messages.welcomeTitle,
    messages.welcomeTitle,
    '<caseflow-set-password purpose="welcome"></caseflow-set-password>',
  );

export const resetPage: Page = (firm, assets) =>
  publicPage(
    firm,
    assets,
    messages.resetTitle,
    messages.resetTitle,
    '<caseflow-set-password purpose="reset"></caseflow-set-password>',
  );

export const staffSetPasswordPage: Page = (firm, assets) =>
  publicPage(
    firm,
    assets,
    messages.staffTitle,
    messages.staffTitle,
    `<p>${messages.staffIntro}</p>\n<caseflow-set-password purpose="staff"></caseflow-set-password>`,
  );

// "Login as client": the admin's link lands here; the token stays in the
// #fragment and is spent only when the admin presses the widget's button.
export const impersonatePage: Page = (firm, assets) =>
  publicPage(
    firm,
    assets,
    messages.impersonateTitle,
    messages.impersonateTitle,
    '<caseflow-impersonate></caseflow-impersonate>',
  );

export function notFoundPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
<body><h1>No firm is served at this address.</h1></body></html>`;
}

/**
 * The pages' own stylesheet (served as a file: the CSP allows no inline styles
 * or scripts). Logical properties only, so `dir="rtl"` mirrors the layout.
 */
export const portalCss = `
:root { ${declarations('light')} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { ${declarations('dark')} } }
:root { font-family: var(--caseflow-font-family); color: var(--caseflow-color-text); background: var(--caseflow-color-background); }
body { margin: 0; }
a { color: var(--caseflow-color-link); }
[hidden] { display: none !important; }
.cf-header { display: flex; align-items: center; gap: 0.75rem; padding-block: 0.75rem; padding-inline: 1.5rem; background: var(--caseflow-color-surface);
  border-block-start: 4px solid var(--caseflow-color-primary); border-block-end: 1px solid var(--caseflow-color-border); }
.cf-logo { block-size: 2rem; inline-size: auto; }
.cf-firm { font-weight: 600; }
#caseflow-logout { margin-inline-start: auto; }
.cf-preview { grid-column: 1 / -1; }
.cf-app { display: grid; grid-template-columns: minmax(10rem, 14rem) minmax(0, 1fr); gap: 1.5rem;
  max-inline-size: 1200px; margin-inline: auto; padding: 1.5rem; background: transparent; }
.cf-nav a { display: block; padding-block: 0.5rem; padding-inline: 0.75rem; border-radius: var(--caseflow-radius); color: inherit; text-decoration: none; }
.cf-nav a:hover { background: var(--caseflow-color-primary-soft); }
.cf-nav a[aria-current="page"] { font-weight: 600; background: var(--caseflow-color-surface); border-inline-start: 3px solid var(--caseflow-color-primary); }
.cf-nav a:focus-visible { outline: 2px solid var(--caseflow-color-focus); outline-offset: 2px; }
.cf-main { min-inline-size: 0; }
.cf-narrow { max-inline-size: 28rem; margin-inline: auto; padding: 1.5rem; }
h1 { font-size: var(--caseflow-font-size-xl); margin-block-start: 0; }
button { font: inherit; min-block-size: 2.75rem; padding-block: 0.4rem; padding-inline: 0.9rem; border-radius: var(--caseflow-radius);
  border: 1px solid var(--caseflow-color-border); background: var(--caseflow-color-surface); color: var(--caseflow-color-text); cursor: pointer; }
@media (max-width: 40rem) { .cf-app { grid-template-columns: minmax(0, 1fr); } }
`;
