import { declarations } from '../../sdk/theme.js';
import type { TenantScope } from '../db/request-transaction.js';
import { widgetHead } from '../../sdk/widget-manifest.js';
import type { WidgetAssets } from './assets.js';
import type { Branding } from './branding.js';
import { messagesFor, type Msg } from '../i18n/index.js';
import type { Reader } from '../i18n/reader.js';

/** What a page needs to know about the firm it is served for. */
export interface PageFirm extends TenantScope {
  branding: Branding;
}

/** A hosted page, written for its reader (their language, direction and locale). */
export type Page = (firm: PageFirm, assets: WidgetAssets, reader: Reader) => string;

/** English, for the frame's parts when no reader is given. */
const english = messagesFor('en');

/**
 * The portal's sections, in navigation order. Only pages that exist are listed
 * (no dead links); `permission` names the contact permission a section needs,
 * and <caseflow-nav> hides the ones the contact lacks. Labels are in the
 * reader's language (server/i18n/<lang>/pages.ts).
 */
const sections = [
  { id: 'home', label: (msg: Msg) => msg('Home'), href: '/clients/', permission: undefined },
  { id: 'invoices', label: (msg: Msg) => msg('Invoices'), href: '/clients/invoices', permission: 'invoices' },
  { id: 'payments', label: (msg: Msg) => msg('Payments'), href: '/clients/payments', permission: 'invoices' },
  {
    id: 'announcements',
    label: (msg: Msg) => msg('Announcements'),
    href: '/clients/announcements',
    permission: undefined,
  },
  { id: 'profile', label: (msg: Msg) => msg('Profile'), href: '/clients/profile', permission: undefined },
] as const;

type SectionId = (typeof sections)[number]['id'];

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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

/** The firm as the frame shows it: the branding, the name and the locale (a disabled firm's page has none). */
export interface FrameFirm {
  tenant_name: string;
  locale: string;
  branding: Branding;
}

export interface DocumentOptions {
  title: string;
  /** Everything inside <body> after the skip link. */
  body: string;
  /** The hosted script and the widgets' code; error pages run no script. */
  head?: string;
  /** A brand colour stylesheet; none on the neutral page of an unknown firm. */
  primaryHex?: string | null;
  /** The reader's language tag (the widgets read it from <html lang>) and direction; English by default. */
  locale?: string;
  dir?: 'rtl' | 'ltr';
  /** The skip link's words, in the reader's language. */
  msg?: Msg;
  /** The title's suffix (the firm's name). */
  site?: string;
}

/** The HTML document around every hosted page and error page: the skip link comes first. */
export function htmlDocument({
  title,
  body,
  head,
  primaryHex,
  locale = 'en',
  dir = 'ltr',
  msg = english,
  site,
}: DocumentOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}${site ? ` · ${escapeHtml(site)}` : ''}</title>
<link rel="stylesheet" href="/clients/portal.css">
${primaryHex ? `<link rel="stylesheet" href="${brandStylesheet(primaryHex)}">\n` : ''}${head ? `${head}\n` : ''}</head>
<body>
<a class="cf-skip" href="#main">${escapeHtml(msg('Skip to content'))}</a>
${body}
</body>
</html>`;
}

/**
 * The frame's header: the firm's logo and name, one link home. The name is
 * visible beside the logo, so the logo's alt is empty (a screen reader hears
 * the name once); `end` is what sits on the other side (the account menu).
 */
export function frameHeader(firm: FrameFirm, end = ''): string {
  const { logoPath } = firm.branding;
  const name = escapeHtml(firm.tenant_name);
  return `<header class="cf-header">
<a class="cf-brand" href="/clients/">${logoPath ? `<img class="cf-logo" src="${escapeHtml(logoPath)}" alt="">` : ''}<span class="cf-firm"><bdi>${name}</bdi></span></a>
${end}</header>`;
}

/** A phone number as a tel: URL: digits and a leading plus only. */
const telHref = (phone: string) => `tel:${phone.replace(/(?!^\+)[^\d]/g, '')}`;

/** The website as people read it: no scheme, no trailing slash. */
const readableUrl = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

/**
 * The frame's footer: the firm's address, phone, email and website, leaving
 * out what the firm has not given. Phone numbers, emails and URLs are
 * isolated left to right (<bdi dir="ltr">), the firm's name and each address
 * line in their own direction (<bdi>), so an Arabic page shows
 * "+44 20 7946 0000" and "1 Fleet Street" as written, aligned to the right.
 */
export function frameFooter(firm: FrameFirm, msg: Msg = english): string {
  const { address, phone, email, website } = firm.branding.contact;
  const name = escapeHtml(firm.tenant_name);
  const item = (href: string, label: string, value: string) =>
    `<li><a href="${escapeHtml(href)}"><span class="cf-label">${escapeHtml(label)}</span> <span class="cf-value"><bdi dir="ltr">${escapeHtml(value)}</bdi></span></a></li>`;
  const items = [
    phone ? item(telHref(phone), msg('Phone'), phone) : '',
    email ? item(`mailto:${email}`, msg('Email'), email) : '',
    website ? item(website, msg('Website'), readableUrl(website)) : '',
  ].filter(Boolean);
  const lines = address
    ?.split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    // Each line in its own direction: "1 Fleet Street" stays as written on an Arabic page.
    .map((line) => `<bdi>${escapeHtml(line)}</bdi>`);
  const contactLabel = msg('Contact {firm}', { firm: firm.tenant_name });
  return `<footer class="cf-footer">
<div class="cf-footer-inner">
<h2 class="cf-footer-name"><bdi>${name}</bdi></h2>
${lines?.length ? `<address class="cf-address">${lines.join('<br>')}</address>\n` : ''}${items.length ? `<ul class="cf-contact" aria-label="${escapeHtml(contactLabel)}">\n${items.join('\n')}\n</ul>\n` : ''}</div>
</footer>`;
}

interface ShellOptions {
  title: string;
  body: string;
}

/** A page of the portal: the frame around it, the hosted script and the widgets it shows. */
function shell(firm: PageFirm, assets: WidgetAssets, reader: Reader, { title, body }: ShellOptions): string {
  return htmlDocument({
    title,
    body,
    head: scripts(assets, body),
    primaryHex: firm.branding.primaryHex,
    locale: reader.locale,
    dir: reader.dir,
    msg: reader.msg,
    site: firm.tenant_name,
  });
}

/**
 * A signed-in page: the header with the account menu, the navigation filtered
 * by <caseflow-nav>, the page's own content and the footer, all inside the
 * portal (the account menu and the navigation need its profile).
 */
function portalPage(
  firm: PageFirm,
  assets: WidgetAssets,
  reader: Reader,
  /** The navigation's current section; undefined for a page below one (an invoice marks Invoices). */
  current: SectionId,
  main: string,
  title: string = sections.find((s) => s.id === current)!.label(reader.msg),
): string {
  const { msg } = reader;
  const links = sections
    .map(
      (s) =>
        `<a href="${s.href}"${s.permission ? ` data-section="${s.permission}"` : ''}${s.id === current ? ' aria-current="page"' : ''}>${escapeHtml(s.label(msg))}</a>`,
    )
    .join('\n');
  return shell(firm, assets, reader, {
    title,
    body: `<caseflow-portal class="cf-page" theme="auto">
${frameHeader(firm, '<caseflow-account class="cf-account" profile-href="/clients/profile"></caseflow-account>\n')}
<div class="cf-app">
<caseflow-preview-banner class="cf-preview" hidden></caseflow-preview-banner>
<caseflow-nav class="cf-nav" label="${escapeHtml(msg('Client portal'))}">
${links}
</caseflow-nav>
<main class="cf-main" id="main" tabindex="-1">
${main}
</main>
</div>
${frameFooter(firm, msg)}
</caseflow-portal>`,
  });
}

/** A page for someone without a session: one heading and one widget. */
function publicPage(
  firm: PageFirm,
  assets: WidgetAssets,
  reader: Reader,
  title: string,
  heading: string,
  content: string,
): string {
  return shell(firm, assets, reader, {
    title,
    body: `<div class="cf-page">
${frameHeader(firm)}
<main class="cf-main cf-narrow" id="main" tabindex="-1">
<h1>${escapeHtml(heading)}</h1>
${content}
</main>
${frameFooter(firm, reader.msg)}
</div>`,
  });
}

export const loginPage: Page = (firm, assets, reader) =>
  publicPage(
    firm,
    assets,
    reader,
    reader.msg('Log in'),
    reader.msg('Client portal'),
    '<caseflow-portal theme="auto"><caseflow-login transport="cookie"></caseflow-login></caseflow-portal>',
  );

/** Where an invoice's own page is; the widgets link numbers to it. */
const invoiceHref = '/clients/invoices/{id}';

/**
 * The home page: the summary of what waits for the contact, the unread
 * announcements (hidden while there are none), and always the way to every
 * announcement, read ones included.
 */
export const homePage: Page = (firm, assets, reader) =>
  portalPage(
    firm,
    assets,
    reader,
    'home',
    `<h1>${escapeHtml(reader.msg('Home'))}</h1>
<caseflow-home hosted-links invoice-href="${invoiceHref}"></caseflow-home>
<caseflow-announcements unread-only hidden></caseflow-announcements>
<p class="cf-all"><a href="/clients/announcements">${escapeHtml(reader.msg('All announcements'))}</a></p>`,
  );

/**
 * The invoices (where Stripe Checkout returns by default), inside a gate so
 * that a contact without the permission (or a firm without the portal) never
 * loads them.
 */
export const invoicesPage: Page = (firm, assets, reader) =>
  portalPage(
    firm,
    assets,
    reader,
    'invoices',
    `<caseflow-gate section="invoices"><template>
<h1>${escapeHtml(reader.msg('Invoices'))}</h1>
<caseflow-invoice-list invoice-href="${invoiceHref}"></caseflow-invoice-list>
</template></caseflow-gate>`,
  );

/**
 * One invoice; `id` is a UUID (checked by the route), so it is safe in the
 * attribute. The widget renders the page's one heading ("Invoice INV-0002").
 */
export const invoicePage =
  (id: string): Page =>
  (firm, assets, reader) =>
    portalPage(
      firm,
      assets,
      reader,
      'invoices',
      `<caseflow-gate section="invoices"><template>
<p class="cf-back"><a href="/clients/invoices">${escapeHtml(reader.msg('All invoices'))}</a></p>
<caseflow-invoice invoice-id="${escapeHtml(id)}" heading-level="1" back-href="/clients/invoices"></caseflow-invoice>
</template></caseflow-gate>`,
      reader.msg('Invoice'),
    );

export const paymentsPage: Page = (firm, assets, reader) =>
  portalPage(
    firm,
    assets,
    reader,
    'payments',
    `<caseflow-gate section="invoices"><template>
<h1>${escapeHtml(reader.msg('Payments'))}</h1>
<caseflow-payment-history invoice-href="${invoiceHref}"></caseflow-payment-history>
</template></caseflow-gate>`,
  );

// Announcements need no permission: the firm writes them to every client. Read
// ones stay listed (without the "New" badge); on solo the widget shows nothing
// and the navigation the upgrade prompt.
export const announcementsPage: Page = (firm, assets, reader) =>
  portalPage(
    firm,
    assets,
    reader,
    'announcements',
    `<h1>${escapeHtml(reader.msg('Announcements'))}</h1>\n<caseflow-announcements></caseflow-announcements>`,
  );

export const profilePage: Page = (firm, assets, reader) =>
  portalPage(
    firm,
    assets,
    reader,
    'profile',
    `<h1>${escapeHtml(reader.msg('Profile'))}</h1>\n<caseflow-profile></caseflow-profile>`,
  );

// The set-password pages hold no token: it stays in the link's #fragment, which
// browsers never send, so opening or prefetching a page spends nothing.

export const welcomePage: Page = (firm, assets, reader) =>
  publicPage(
    firm,
    assets,
    reader,
    reader.msg('Choose your password'),
    reader.msg('Choose your password'),
    '<caseflow-set-password purpose="welcome"></caseflow-set-password>',
  );

export const resetPage: Page = (firm, assets, reader) =>
  publicPage(
    firm,
    assets,
    reader,
    reader.msg('Reset your password'),
    reader.msg('Reset your password'),
    '<caseflow-set-password purpose="reset"></caseflow-set-password>',
  );

export const staffSetPasswordPage: Page = (firm, assets, reader) =>
  publicPage(
    firm,
    assets,
    reader,
    reader.msg('Choose your password'),
    reader.msg('Choose your password'),
    `<p>${escapeHtml(reader.msg('This password is for your staff account at this firm.'))}</p>\n<caseflow-set-password purpose="staff"></caseflow-set-password>`,
  );

// "Login as client": the admin's link lands here; the token stays in the
// #fragment and is spent only when the admin presses the widget's button.
export const impersonatePage: Page = (firm, assets, reader) =>
  publicPage(
    firm,
    assets,
    reader,
    reader.msg('Admin preview'),
    reader.msg('Admin preview'),
    '<caseflow-impersonate></caseflow-impersonate>',
  );

/**
 * The pages' own stylesheet (served as a file: the CSP allows no inline styles
 * or scripts). Logical properties only, so `dir="rtl"` mirrors the layout.
 * From 320 px up nothing is wider than the screen: long names, emails and
 * addresses wrap anywhere; below 48rem the navigation is a menu button
 * (inside <caseflow-nav>) and the page one column. Links and buttons of the
 * frame are at least 44 px tall.
 */
export const portalCss = `
:root { ${declarations('light')} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { ${declarations('dark')} } }
:root { font-family: var(--caseflow-font-family); line-height: var(--caseflow-line-height); color: var(--caseflow-color-text); background: var(--caseflow-color-background); }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; }
/* Long names, emails and addresses wrap rather than widen the page (the widgets keep their own wrapping). */
.cf-header, .cf-footer, .cf-main h1, .cf-error { overflow-wrap: anywhere; }
a { color: var(--caseflow-color-link); }
a:focus-visible, button:focus-visible, main:focus-visible { outline: 2px solid var(--caseflow-color-focus); outline-offset: 2px; }
main:focus:not(:focus-visible) { outline: none; }
[hidden] { display: none !important; }
.cf-skip { position: absolute; inset-inline-start: 0.5rem; inset-block-start: -10rem; z-index: 10; padding: 0.75rem 1rem;
  background: var(--caseflow-color-surface); color: var(--caseflow-color-link); border: 2px solid var(--caseflow-color-focus); border-radius: var(--caseflow-radius); }
.cf-skip:focus { inset-block-start: 0.5rem; }
.cf-page { display: flex; flex-direction: column; min-block-size: 100vh; background: transparent; }
.cf-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1rem;
  padding-block: 0.5rem; padding-inline: clamp(0.75rem, 3vw, 1.5rem); background: var(--caseflow-color-surface);
  border-block-start: 4px solid var(--caseflow-color-primary); border-block-end: 1px solid var(--caseflow-color-border); }
.cf-brand { display: inline-flex; align-items: center; gap: 0.75rem; min-block-size: 2.75rem; min-inline-size: 0;
  color: var(--caseflow-color-text); text-decoration: none; }
.cf-brand:hover .cf-firm { text-decoration: underline; }
.cf-logo { block-size: 2.5rem; inline-size: auto; max-inline-size: 10rem; object-fit: contain; flex: none; }
.cf-firm { font-weight: 600; font-size: var(--caseflow-font-size-lg); min-inline-size: 0; }
.cf-account { margin-inline-start: auto; }
.cf-app { flex: 1; display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; inline-size: 100%;
  max-inline-size: 1200px; margin-inline: auto; padding-block: 1rem 2rem; padding-inline: clamp(0.75rem, 3vw, 1.5rem); }
.cf-preview { grid-column: 1 / -1; }
.cf-nav a { display: flex; align-items: center; min-block-size: 2.75rem; padding-block: 0.5rem; padding-inline: 0.75rem;
  border-radius: var(--caseflow-radius); color: inherit; text-decoration: none; }
.cf-nav a:hover { background: var(--caseflow-color-primary-soft); }
.cf-nav a[aria-current="page"] { font-weight: 600; background: var(--caseflow-color-surface); border-inline-start: 3px solid var(--caseflow-color-primary); }
.cf-main { min-inline-size: 0; }
.cf-narrow { flex: 1; inline-size: 100%; max-inline-size: 28rem; margin-inline: auto; padding-block: 1.5rem 2rem; padding-inline: clamp(0.75rem, 3vw, 1.5rem); }
h1 { font-size: var(--caseflow-font-size-xl); line-height: 1.25; margin-block: 0 1rem; }
.cf-main > * + * { margin-block-start: 1rem; }
.cf-main > caseflow-gate > :not(template) + * { margin-block-start: 1rem; }
.cf-all, .cf-back { margin-block: 0; }
.cf-all a, .cf-back a { display: inline-flex; align-items: center; min-block-size: 2.75rem; }
button { font: inherit; min-block-size: 2.75rem; padding-block: 0.4rem; padding-inline: 0.9rem; border-radius: var(--caseflow-radius);
  border: 1px solid var(--caseflow-color-border); background: var(--caseflow-color-surface); color: var(--caseflow-color-text); cursor: pointer; }
.cf-footer { margin-block-start: auto; background: var(--caseflow-color-surface); border-block-start: 1px solid var(--caseflow-color-border); }
.cf-footer-inner { display: grid; gap: 0.5rem 2rem; grid-template-columns: minmax(0, 1fr); max-inline-size: 1200px; margin-inline: auto;
  padding-block: 1.25rem; padding-inline: clamp(0.75rem, 3vw, 1.5rem); font-size: var(--caseflow-font-size-sm); color: var(--caseflow-color-muted); }
.cf-footer-name { grid-column: 1 / -1; margin: 0; font-size: var(--caseflow-font-size); color: var(--caseflow-color-text); }
.cf-address { font-style: normal; }
.cf-contact { list-style: none; margin: 0; padding: 0; display: grid; }
.cf-contact a { display: grid; align-content: center; min-block-size: 2.75rem; padding-block: 0.25rem; text-decoration: none; }
.cf-contact .cf-value { text-decoration: underline; }
.cf-contact .cf-label { color: var(--caseflow-color-muted); }
.cf-error { display: grid; gap: 1rem; justify-items: start; align-content: start; }
.cf-error p { margin: 0; }
.cf-neutral { padding-block-start: clamp(2rem, 12vh, 6rem); }
.cf-error .cf-request { font-size: var(--caseflow-font-size-sm); color: var(--caseflow-color-muted); }
.cf-home-link { display: inline-flex; align-items: center; min-block-size: 2.75rem; padding-inline: 1rem; border-radius: var(--caseflow-radius);
  background: var(--caseflow-color-primary); color: var(--caseflow-color-on-primary); font-weight: 600; text-decoration: none; }
.cf-home-link:hover { background: var(--caseflow-color-primary-hover); }
@media (min-width: 48rem) {
  .cf-app { grid-template-columns: minmax(10rem, 13rem) minmax(0, 1fr); gap: 1.5rem; padding-block-start: 1.5rem; }
  .cf-footer-inner { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  .cf-contact a { display: flex; align-items: center; column-gap: 0.5rem; }
  .cf-contact .cf-label { flex: none; min-inline-size: 4.5rem; }
}
`;
