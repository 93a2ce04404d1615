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
import { portalAuthRoutes } from './modules/portal-auth/routes.js';
import { invoiceRoutes } from './modules/invoices/routes.js';
import { adminInvoiceRoutes } from './modules/invoices/admin-routes.js';
import { matterRoutes } from './modules/matters/routes.js';
import { noteRoutes } from './modules/notes/routes.js';
import { threadRoutes } from './modules/threads/routes.js';
import { practiceAreaRoutes } from './modules/practice-areas/routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { leadRoutes } from './modules/leads/routes.js';
import { matterPartyRoutes } from './modules/matter-parties/routes.js';
import { conflictCheckRoutes } from './modules/conflict-checks/routes.js';
import { portalBillingRoutes } from './modules/payments-portal/routes.js';
import { adminAuthRoutes } from './modules/staff-auth/routes.js';
import { staffRoutes } from './modules/staff/routes.js';
import { apiKeyRoutes } from './modules/api-keys/routes.js';
import { clientRoutes } from './modules/clients/routes.js';
import { contactRoutes } from './modules/contacts/routes.js';
import { portalSessionRoutes } from './modules/portal-sessions/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { tenantRoutes } from './modules/tenants/routes.js';
import { impersonationRoutes } from './modules/impersonations/routes.js';
import { announcementRoutes } from './modules/announcements/routes.js';
import { assetRoutes, type loadWidgetAssets } from './portal/assets.js';
import { hostedPortalRoutes } from './portal/routes.js';
import { stripeRoutes } from './modules/stripe/routes.js';

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
  portalAuthRoutes(api, options, routeOptions);
  invoiceRoutes(api, options, routeOptions);
  adminInvoiceRoutes(api, options, routeOptions);
  matterRoutes(api, options, routeOptions);
  noteRoutes(api, options, routeOptions);
  threadRoutes(api, options, routeOptions);
  practiceAreaRoutes(api, options, routeOptions);
  reportRoutes(api, options, routeOptions);
  leadRoutes(api, options, routeOptions);
  matterPartyRoutes(api, options, routeOptions);
  conflictCheckRoutes(api, options, routeOptions);
  portalBillingRoutes(api, options, routeOptions);
  adminAuthRoutes(api, options, routeOptions);
  staffRoutes(api, options, routeOptions);
  apiKeyRoutes(api, options, routeOptions);
  clientRoutes(api, options, routeOptions);
  contactRoutes(api, options, routeOptions);
  portalSessionRoutes(api, options, routeOptions);
  auditRoutes(api, options, routeOptions);
  tenantRoutes(api, options, routeOptions);
  stripeRoutes(api, options, routeOptions);
  impersonationRoutes(api, options, routeOptions);
  announcementRoutes(api, options, routeOptions);
  options.extraRoutes?.(api, options, routeOptions);

  const site = new Router<AppState, AppExtensions>({ strict: true });
  healthRoutes(site, options.pool, options.jobs);
  assetRoutes(site, options.assets);
  hostedPortalRoutes(site, options, options.assets);

  app.use(requestId());
  app.use(accessLog(logger));
  app.use(errorEnvelope(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'https:'],
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
