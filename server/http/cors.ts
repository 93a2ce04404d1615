import cors from '@koa/cors';
import type { Middleware } from 'koa';
import type { TenantDirectory } from './tenant-directory.js';

/**
 * CORS for the API the widgets call from a firm's own site: only origins the
 * firm allowed, per firm, and only for /api/v1/portal. No cookies cross origins
 * (credentials are not allowed): embedded widgets authenticate with bearer tokens.
 */
export function portalCors(tenants: TenantDirectory): Middleware {
  const handler = cors({
    origin: async (ctx) => {
      const origin = ctx.get('origin');
      const slug = (ctx.state as { tenantSlug?: string }).tenantSlug;
      if (!origin || !slug) return '';
      return (await tenants.allowedOrigins(slug)).includes(origin) ? origin : '';
    },
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Caseflow-Tenant', 'Caseflow-CSRF', 'Idempotency-Key'],
    exposeHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
    credentials: false,
  });
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/api/v1/portal/')) return next();
    // Same-origin and server-to-server requests carry no Origin: nothing to allow.
    if (!ctx.get('origin')) {
      ctx.vary('Origin');
      return next();
    }
    return handler(ctx, next);
  };
}
