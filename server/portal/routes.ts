import type Router from '@koa/router';
import { enterTenant, inScope, type TenantScope } from '../db/request-transaction.js';
import { TenantNotFoundError } from '../errors.js';
import type { AppContext, AppExtensions, AppState, Deps } from '../http/context.js';
import { requireTenantSlug } from '../http/tenant.js';
import type { WidgetAssets } from './assets.js';
import { invoicesPage, loginPage, notFoundPage, portalCss } from './pages.js';

/** The hosted portal: server-rendered shells on the firm's host that compose the widgets. */
export function hostedPortalRoutes(router: Router<AppState, AppExtensions>, deps: Deps, assets: WidgetAssets) {
  const render = (page: (tenant: TenantScope, assets: WidgetAssets) => string) => async (ctx: AppContext) => {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    try {
      const slug = requireTenantSlug(ctx.state);
      const tenant = await inScope<TenantScope, TenantScope>(
        deps.pool,
        enterTenant(slug, 'caseflow_portal'),
        async (_trx, t) => t,
      );
      ctx.body = page(tenant, assets);
    } catch (error) {
      if (!(error instanceof TenantNotFoundError)) throw error;
      ctx.status = 404;
      ctx.body = notFoundPage();
    }
  };
  router.get('/clients', (ctx) => ctx.redirect('/clients/'));
  router.get('/clients/', render(invoicesPage));
  router.get('/clients/login', render(loginPage));
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
}
