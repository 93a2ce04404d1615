import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { TenantNotFoundError } from '../errors.js';
import type { AppExtensions, AppState } from '../http/context.js';
import { escapeHtml, frameFooter, frameHeader, htmlDocument, type FrameFirm } from './pages.js';

// Every sentence of the error pages, in one place for review and translation.
const messages = {
  notFoundTitle: 'Page not found',
  notFound: 'There is no page at this address. The link may be out of date, or part of it may be missing.',
  serverTitle: 'Something went wrong',
  server: 'We could not show this page. Please try again in a few minutes.',
  reference: (id: string) => `If it keeps happening, quote this reference when you contact your firm: ${id}`,
  otherTitle: 'This page could not be shown',
  other: 'Your browser asked for something this page cannot answer.',
  home: 'Go to your portal home',
  noFirmTitle: 'No firm is served at this address',
  noFirm: 'Check the address in the email or the link your firm sent you.',
};

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
export function noFirmPage(): string {
  return htmlDocument({
    title: messages.noFirmTitle,
    body: `<div class="cf-page">
<main class="cf-main cf-narrow cf-error cf-neutral" id="main" tabindex="-1">
<h1>${messages.noFirmTitle}</h1>
<p>${messages.noFirm}</p>
</main>
</div>`,
  });
}

/** What an error page says for a status: a heading, a sentence, and for a server error the reference to quote. */
function errorContent(status: number, requestId: string | undefined): string {
  const [title, sentence] =
    status === 404
      ? [messages.notFoundTitle, messages.notFound]
      : status >= 500
        ? [messages.serverTitle, messages.server]
        : [messages.otherTitle, messages.other];
  const reference =
    status >= 500 && requestId ? `<p class="cf-request">${escapeHtml(messages.reference(requestId))}</p>\n` : '';
  return `<main class="cf-main cf-narrow cf-error" id="main" tabindex="-1">
<h1>${title}</h1>
<p>${sentence}</p>
${reference}<p><a class="cf-home-link" href="/clients/">${messages.home}</a></p>
</main>`;
}

const titleOf = (status: number) =>
  status === 404 ? messages.notFoundTitle : status >= 500 ? messages.serverTitle : messages.otherTitle;

/**
 * A firm's error page in the frame's look (logo, name, colour, footer) or,
 * when its branding could not be read, the same words without them.
 */
export function firmErrorPage(firm: FrameFirm | undefined, status: number, requestId: string | undefined): string {
  const content = errorContent(status, requestId);
  if (!firm) return htmlDocument({ title: titleOf(status), body: `<div class="cf-page">\n${content}\n</div>` });
  return htmlDocument({
    title: titleOf(status),
    primaryHex: firm.branding.primaryHex,
    locale: firm.locale,
    site: firm.tenant_name,
    body: `<div class="cf-page">
${frameHeader(firm)}
${content}
${frameFooter(firm)}
</div>`,
  });
}

/**
 * Branded error pages: mounted around the error envelope, it turns the JSON
 * answer of a failed page request on a firm's host (an unknown page, a bad id,
 * a server error, an unknown or disabled firm) into an HTML page with the same
 * status. The API, and any client that does not prefer HTML, keeps the JSON.
 * `readFirm` gives the firm's name and branding (throwing TenantNotFoundError
 * when no firm is served).
 */
export function brandedErrorPages(
  readFirm: (slug: string) => Promise<FrameFirm>,
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
    if (envelope.code === 'tenant_not_found' || !slug) page = noFirmPage();
    else {
      try {
        page = firmErrorPage(await readFirm(slug), status, envelope.request_id);
      } catch (error) {
        // A disabled firm's host answers like an unknown one's; a database failure keeps the words, not the look.
        if (error instanceof TenantNotFoundError) page = noFirmPage();
        else {
          logger.error({ err: error, req_id: ctx.state.requestId }, 'error page without branding');
          page = firmErrorPage(undefined, status, envelope.request_id);
        }
      }
    }
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page;
    ctx.status = status;
  };
}
