import type Router from '@koa/router';
import type { Language } from '../../sdk/i18n.js';
import { AuthenticationError } from '../errors.js';
import {
  enterPortalSession,
  enterTenant,
  inScope,
  type PortalScope,
  type TenantScope,
} from '../db/request-transaction.js';
import type { Pool } from '../db/pool.js';
import type { AppContext, AppExtensions, AppState, Deps } from '../http/context.js';
import { requireTenantSlug } from '../http/tenant.js';
import { portalCookieName } from '../http/portal-session.js';
import { requestReader } from '../i18n/reader.js';
import { tokenHash } from '../security/tokens.js';
import type { WidgetAssets } from './assets.js';
import { brandCss, hexPattern, readBranding } from './branding.js';
import { mountLogo } from './logo.js';
import {
  homePage,
  impersonatePage,
  announcementsPage,
  invoicePage,
  invoicesPage,
  paymentsPage,
  loginPage,
  portalCss,
  profilePage,
  resetPage,
  staffSetPasswordPage,
  welcomePage,
  type Page,
  type PageFirm,
} from './pages.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The firm a page is for, with its branding; throws TenantNotFoundError for an unknown or disabled firm. */
export function readPageFirm(pool: Pool, slug: string): Promise<PageFirm> {
  return inScope<TenantScope, PageFirm>(pool, enterTenant(slug, 'caseflow_portal'), async (db, tenant) => ({
    ...tenant,
    branding: await readBranding(db),
  }));
}

/** A page's firm and, when the browser holds a live session, its contact's own language (null: none chosen). */
export interface PageVisit {
  firm: PageFirm;
  contactLanguage?: Language | null;
}

/**
 * The firm of a page and who reads it. With a session cookie, one transaction
 * enters as its contact (reading the firm and the contact's language); a
 * cookie whose session has ended reads the firm as for anyone.
 */
export async function readPageVisit(pool: Pool, slug: string, sessionToken: string | undefined): Promise<PageVisit> {
  if (sessionToken) {
    try {
      const preamble = enterPortalSession(slug, tokenHash(sessionToken));
      return await inScope<PortalScope, PageVisit>(pool, preamble, async (db, session) => {
        const branding = await readBranding(db);
        const [contact] = await db.query<{ language: Language | null }>(`SELECT language FROM contacts WHERE id = $1`, [
          session.contact_id,
        ]);
        const { tenant_id, tenant_slug, tenant_name, plan, locale, currency, timezone } = session;
        const firm = { tenant_id, tenant_slug, tenant_name, plan, locale, currency, timezone, branding };
        return { firm, contactLanguage: contact?.language ?? null };
      });
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
    }
  }
  return { firm: await readPageFirm(pool, slug) };
}

/**
 * The hosted portal: server-rendered shells on the firm's host that compose the
 * widgets. An unknown or disabled firm throws, and the error pages
 * (error-pages.ts) answer with the neutral page.
 */
export function hostedPortalRoutes(router: Router<AppState, AppExtensions>, deps: Deps, assets: WidgetAssets) {
  const render = (page: Page) => async (ctx: AppContext) => {
    const { firm, contactLanguage } = await readPageVisit(
      deps.pool,
      requireTenantSlug(ctx.state),
      ctx.cookies.get(portalCookieName(deps.config)),
    );
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    // The page's language depends on these request headers (and the cookies): caches must keep them apart.
    ctx.vary('Accept-Language');
    ctx.vary('Cookie');
    ctx.body = page(firm, assets, requestReader(ctx, firm, contactLanguage));
  };
  // The address `caseflow tenants create` prints: the portal's home. Elsewhere (no firm) it stays a 404.
  router.get('/', (ctx) => {
    if (ctx.state.tenantSlug) ctx.redirect('/clients/');
  });
  router.get('/clients', (ctx) => ctx.redirect('/clients/'));
  router.get('/clients/', render(homePage));
  router.get('/clients/invoices', render(invoicesPage));
  router.get('/clients/invoices/:id', (ctx) => {
    const id = ctx.params.id!;
    if (!uuidPattern.test(id)) return; // falls through to the 404 (an error page for a browser)
    return render(invoicePage(id.toLowerCase()))(ctx);
  });
  router.get('/clients/payments', render(paymentsPage));
  router.get('/clients/login', render(loginPage));
  router.get('/clients/profile', render(profilePage));
  // Targets of the links in welcome, reset and invitation emails (the token is in the #fragment).
  router.get('/clients/set-password', render(welcomePage));
  router.get('/clients/reset-password', render(resetPage));
  router.get('/staff/set-password', render(staffSetPasswordPage));
  router.get('/clients/impersonate', render(impersonatePage));
  router.get('/clients/announcements', render(announcementsPage));
  // Browsers ask for it on every page; an empty answer keeps their consoles clean.
  router.get('/favicon.ico', (ctx) => {
    ctx.status = 204;
    ctx.set('Cache-Control', 'public, max-age=86400');
  });
  router.get('/clients/portal.css', (ctx) => {
    ctx.type = 'text/css; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=3600');
    ctx.body = portalCss;
  });
  // A firm's colour as a stylesheet (no inline styles under the CSP). The colour
  // is the URL, so the answer never changes: a new colour is a new URL.
  router.get('/clients/brand/:file', (ctx) => {
    const hex = /^(.{6})\.css$/.exec(ctx.params.file!)?.[1];
    if (!hex || !hexPattern.test(hex)) return; // falls through to the 404 envelope
    ctx.type = 'text/css; charset=utf-8';
    ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
    ctx.body = brandCss(hex);
  });
  mountLogo(router, deps);
}
