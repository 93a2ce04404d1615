import type { Config } from '../config.js';
import { enterPortalSession, type PortalPermission, type PortalScope } from '../db/request-transaction.js';
import { AuthenticationError, PermissionError, PlanUpgradeRequiredError } from '../errors.js';
import { tokenHash } from '../security/tokens.js';
import { guard, type AppContext, type Deps, type Guard, type PortalState } from './context.js';
import { runInScope, scopeCheck } from './scoped.js';
import { requireTenantSlug } from './tenant.js';

export function portalCookieName(config: Config): string {
  // The __Host- prefix pins the cookie to this exact host over HTTPS.
  return config.PUBLIC_SCHEME === 'https' ? '__Host-caseflow_portal' : 'caseflow_portal';
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Guard of every authenticated portal endpoint: finds the token (bearer header,
 * else the hosted portal's cookie), and runs the rest of the request inside the
 * portal transaction whose first round trip checks the session (see scoped.ts).
 */
export function portalSession({ config, pool }: Deps): Guard<PortalState> {
  const cookieName = portalCookieName(config);
  return guard(async (ctx, next) => {
    const slug = requireTenantSlug(ctx.state);
    const authorization = ctx.get('authorization');
    let token: string | undefined;
    if (authorization) {
      const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(authorization);
      if (!match)
        throw new AuthenticationError('invalid_authorization', 'The Authorization header must be "Bearer <token>".');
      token = match[1];
      ctx.state.portalTransport = 'bearer';
    } else {
      token = ctx.cookies.get(cookieName) ?? undefined;
      ctx.state.portalTransport = 'cookie';
      if (token && !safeMethods.has(ctx.method)) checkSameOrigin(ctx);
    }
    if (!token) throw new AuthenticationError();
    await runInScope<PortalScope>(
      ctx,
      pool,
      enterPortalSession(slug, tokenHash(token)),
      (scope) => (ctx.state.portal = scope),
      next,
    );
  });
}

/** The custom header the SDK sends on every write; a cross-site form cannot set it. */
export const CSRF_HEADER = 'caseflow-csrf';

/**
 * CSRF defence for cookie-authenticated writes: the browser's Origin must be this
 * very host, and the request must carry the Caseflow-CSRF header (which a form
 * cannot send, and a cross-origin script only after a CORS preflight, whose
 * answer never allows credentials, so no cookie goes with it).
 * Koa 3's ctx.origin echoes the Origin header, so the host's origin is built here.
 */
export function checkSameOrigin(ctx: AppContext): void {
  if (ctx.get('origin') !== `${ctx.protocol}://${ctx.host}` || ctx.get(CSRF_HEADER) !== '1') {
    throw new PermissionError(
      'csrf_failed',
      'This request did not come from the portal page; reload it and try again.',
    );
  }
}

/** The scope the portal session guard set, for checks mounted after it. */
export function portalOf(ctx: AppContext): PortalScope {
  const portal = ctx.state.portal;
  if (!portal) throw new Error('a portal check is mounted before portalSession()');
  return portal;
}

/** A per-contact permission (Growth+): without it the section's endpoints answer 403. */
export function requirePermission(permission: PortalPermission): Guard {
  return scopeCheck((ctx) => {
    if (!portalOf(ctx).permissions.includes(permission)) {
      throw new PermissionError(
        'permission_denied',
        `Your firm has not given you access to ${permission}. Ask them if you need it.`,
      );
    }
  });
}

const planOrder = { solo: 0, growth: 1, multi_practice: 2 } as const;

/** Whether `plan` has what `minimum` brings (plans are ordered: solo < growth < multi_practice). */
export function planIncludes(plan: PortalScope['plan'], minimum: keyof typeof planOrder): boolean {
  return planOrder[plan] >= planOrder[minimum];
}

/** The portal's features need Growth or above; login and /me work on every plan. */
export function requirePlan(minimum: keyof typeof planOrder): Guard {
  return scopeCheck((ctx) => {
    if (!planIncludes(portalOf(ctx).plan, minimum)) throw new PlanUpgradeRequiredError(minimum);
  });
}
