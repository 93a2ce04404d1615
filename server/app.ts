import Koa from 'koa';
import Router from '@koa/router';
import helmet from 'koa-helmet';
import type { AppExtensions, AppState, Deps } from './http/context.js';
import { requestId } from './http/request-id.js';
import { accessLog } from './http/logging.js';
import { errorEnvelope } from './http/errors.js';
import { resolveTenant } from './http/tenant.js';
import { portalCors } from './http/cors.js';
import { noScope } from './http/scoped.js';
import type { QueueHealth } from './jobs/queue.js';
import { healthRoutes } from './modules/health/routes.js';
import { openApiRoutes } from './modules/openapi/routes.js';
import { apiModules } from './modules/index.js';
import { assetRoutes, type loadWidgetAssets } from './portal/assets.js';
import { hostedPortalRoutes, readPageVisit } from './portal/routes.js';
import type { PageRequestContext } from './i18n/reader.js';
import { portalCookieName } from './http/portal-session.js';
import { brandedErrorPages } from './portal/error-pages.js';

export interface AppOptions extends Deps {
  version: string;
  jobs: { health(): Promise<QueueHealth> };
  assets: ReturnType<typeof loadWidgetAssets>;
  /** Routes outside the contract, mounted after it: only tests pass them (e.g. the streaming test's upload). */
  extraRoutes?: (router: Router<AppState, AppExtensions>, deps: Deps, opts: { validateResponses: boolean }) => void;
}

/** The Koa composition: middleware order lives here and only here. */
export function createApp(options: AppOptions): Koa<AppState, AppExtensions> {
  const { config, logger } = options;
  // Behind N trusted proxies the client IP is the N-th X-Forwarded-For entry from the right
  // (never the left-most, which the client writes); the firm's host and the scheme come
  // from X-Forwarded-Host/-Proto only then. Without a proxy, Host and the socket alone.
  const app = new Koa<AppState, AppExtensions>({
    proxy: config.TRUST_PROXY > 0,
    maxIpsCount: config.TRUST_PROXY,
  });
  const routeOptions = { validateResponses: config.NODE_ENV === 'test' };
  // Guards that open a scope replace it on the request; without one it is a bug to call.
  app.context.transaction = noScope;
  // What Koa still sees after errorEnvelope (a connection that broke while a body or an answer streamed,
  // e.g. bytes past an upload's Content-Length) goes to the log, not to stderr.
  app.on('error', (error: unknown, ctx?: { state?: AppState }) =>
    logger.warn({ err: error, req_id: ctx?.state?.requestId }, 'connection error while streaming'),
  );

  const api = new Router<AppState, AppExtensions>({ prefix: '/api/v1' });
  openApiRoutes(api, options.version);
  for (const module of apiModules) module.routes(api, options, routeOptions);
  options.extraRoutes?.(api, options, routeOptions);

  const site = new Router<AppState, AppExtensions>({ strict: true });
  healthRoutes(site, options.pool, options.jobs);
  assetRoutes(site, options.assets);
  hostedPortalRoutes(site, options, options.assets);

  app.use(requestId());
  app.use(accessLog(logger));
  // Around the envelope: a browser's failed page request on a firm's host gets an HTML page, the API its JSON.
  const sessionCookie = portalCookieName(options.config);
  const errorPageFirm = async (slug: string, ctx: PageRequestContext) => {
    const { firm, contactLanguage } = await readPageVisit(options.pool, slug, ctx.cookies.get(sessionCookie));
    return { ...firm, contactLanguage };
  };
  app.use(brandedErrorPages(errorPageFirm, logger));
  app.use(errorEnvelope(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          // The hosted pages' one inline script is the import map, allowed by its hash.
          scriptSrc: ["'self'", options.assets.importMapHash],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginResourcePolicy: { policy: 'same-origin' },
      strictTransportSecurity: config.PUBLIC_SCHEME === 'https',
    }),
  );
  app.use(resolveTenant(config));
  app.use(portalCors(options.tenants));
  // Request bodies are read by mount(), as each endpoint's kind says (JSON, upload, raw).
  // The API never needs the hosted pages' routes: skip matching them on its hot path.
  const siteRoutes = site.routes();
  app.use((ctx, next) => (ctx.path.startsWith('/api/') ? next() : siteRoutes(ctx as never, next)));
  app.use(api.routes());
  app.use(api.allowedMethods());
  return app;
}
