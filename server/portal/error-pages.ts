import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { TenantNotFoundError } from '../errors.js';
import type { AppExtensions, AppState } from '../http/context.js';
import type { Language } from '../../sdk/i18n.js';
import { requestReader, type PageRequestContext, type Reader } from '../i18n/reader.js';
import { escapeHtml, frameFooter, frameHeader, htmlDocument, type FrameFirm } from './pages.js';

/** The firm of an error page and, when the browser holds a live session, its contact's own language. */
export interface ErrorPageFirm extends FrameFirm {
  contactLanguage?: Language | null;
}

/** The part of the error envelope (server/http/errors.ts) a page needs. */
interface Envelope {
  code: string;
  request_id?: string;
}

function envelopeOf(body: unknown): Envelope | undefined {
  const error = (body as { error?: unknown } | null | undefined)?.error as Partial<Envelope> | undefined;
  return typeof error?.code === 'string' ? (error as Envelope) : undefined;
}

/** A person's browser opening a page: GET or HEAD, outside the API, preferring HTML to JSON. */
function wantsPage(ctx: { method: string; path: string; accepts(...types: string[]): string | false }): boolean {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return false;
  if (ctx.path === '/api' || ctx.path.startsWith('/api/')) return false;
  // JSON first: a client that takes anything (*/*, or no Accept) keeps the envelope.
  return ctx.accepts('json', 'html') === 'html';
}

/** The page for an unknown or disabled firm: nothing of any firm on it. */
export function noFirmPage(reader: Reader): string {
  const { msg } = reader;
  const title = msg('No firm is served at this address');
  return htmlDocument({
    title,
    locale: reader.locale,
    dir: reader.dir,
    msg,
    body: `<div class="cf-page">
<main class="cf-main cf-narrow cf-error cf-neutral" id="main" tabindex="-1">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(msg('Check the address in the email or the link your firm sent you.'))}</p>
</main>
</div>`,
  });
}

/** An error page's heading (also its title) and sentence for a status. */
function wordsOf(status: number, reader: Reader): [title: string, sentence: string] {
  const { msg } = reader;
  if (status === 404)
    return [
      msg('Page not found'),
      msg('There is no page at this address. The link may be out of date, or part of it may be missing.'),
    ];
  if (status >= 500)
    return [msg('Something went wrong'), msg('We could not show this page. Please try again in a few minutes.')];
  return [msg('This page could not be shown'), msg('Your browser asked for something this page cannot answer.')];
}

/** What an error page says for a status: a heading, a sentence, and for a server error the reference to quote. */
function errorContent(status: number, requestId: string | undefined, reader: Reader): string {
  const { msg } = reader;
  const [title, sentence] = wordsOf(status, reader);
  const reference =
    status >= 500 && requestId
      ? `<p class="cf-request">${escapeHtml(msg('If it keeps happening, quote this reference when you contact your firm: {id}', { id: requestId }))}</p>\n`
      : '';
  return `<main class="cf-main cf-narrow cf-error" id="main" tabindex="-1">
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(sentence)}</p>
${reference}<p><a class="cf-home-link" href="/clients/">${escapeHtml(msg('Go to your portal home'))}</a></p>
</main>`;
}

/**
 * A firm's error page in the frame's look (logo, name, colour, footer) or,
 * when its branding could not be read, the same words without them.
 */
export function firmErrorPage(
  firm: FrameFirm | undefined,
  status: number,
  requestId: string | undefined,
  reader: Reader,
): string {
  const content = errorContent(status, requestId, reader);
  const [title] = wordsOf(status, reader);
  const words = { title, locale: reader.locale, dir: reader.dir, msg: reader.msg };
  if (!firm) return htmlDocument({ ...words, body: `<div class="cf-page">\n${content}\n</div>` });
  return htmlDocument({
    ...words,
    primaryHex: firm.branding.primaryHex,
    site: firm.tenant_name,
    body: `<div class="cf-page">
${frameHeader(firm)}
${content}
${frameFooter(firm, reader.msg)}
</div>`,
  });
}

/**
 * Branded error pages: mounted around the error envelope, it turns the JSON
 * answer of a failed page request on a firm's host (an unknown page, a bad id,
 * a server error, an unknown or disabled firm) into an HTML page with the same
 * status. The API, and any client that does not prefer HTML, keeps the JSON.
 * `readFirm` gives the firm's name and branding (throwing TenantNotFoundError
 * when no firm is served) and, from the request's session, its contact's
 * language, which the page is written in before the cookie, the firm's locale
 * and the browser's (server/i18n/reader.ts).
 */
export function brandedErrorPages(
  readFirm: (slug: string, ctx: PageRequestContext) => Promise<ErrorPageFirm>,
  logger: Logger,
): Middleware<AppState, AppExtensions> {
  return async (ctx, next) => {
    await next();
    if (ctx.status < 400 || !wantsPage(ctx)) return;
    const envelope = envelopeOf(ctx.body);
    if (!envelope) return;
    const slug = ctx.state.tenantSlug;
    // A firm's host only: on the bare API host there is no firm to show.
    if (envelope.code !== 'tenant_not_found' && !slug) return;
    const status = ctx.status;
    let page: string;
    if (envelope.code === 'tenant_not_found' || !slug) page = noFirmPage(requestReader(ctx, undefined));
    else {
      try {
        const firm = await readFirm(slug, ctx);
        page = firmErrorPage(firm, status, envelope.request_id, requestReader(ctx, firm, firm.contactLanguage));
      } catch (error) {
        // A disabled firm's host answers like an unknown one's; a database failure keeps the words, not the look.
        if (error instanceof TenantNotFoundError) page = noFirmPage(requestReader(ctx, undefined));
        else {
          logger.error({ err: error, req_id: ctx.state.requestId }, 'error page without branding');
          page = firmErrorPage(undefined, status, envelope.request_id, requestReader(ctx, undefined));
        }
      }
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page;
    ctx.status = status;
  };
}
