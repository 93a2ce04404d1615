import type Router from '@koa/router';
import { enterTenant, inScope, type TenantScope } from '../db/request-transaction.js';
import type { Pool } from '../db/pool.js';
import type { AppContext, AppExtensions, AppState, Deps } from '../http/context.js';
import { requireTenantSlug } from '../http/tenant.js';
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

/**
 * The hosted portal: server-rendered shells on the firm's host that compose the
 * widgets. An unknown or disabled firm throws, and the error pages
 * (error-pages.ts) answer with the neutral page.
 */
export function hostedPortalRoutes(router: Router<AppState, AppExtensions>, deps: Deps, assets: WidgetAssets) {
  const render = (page: Page) => async (ctx: AppContext) => {
    const firm = await readPageFirm(deps.pool, requireTenantSlug(ctx.state));
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = page(firm, assets);
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
