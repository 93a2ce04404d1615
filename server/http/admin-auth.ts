import { timingSafeEqual } from 'node:crypto';
import { enterAdmin, enterPlatform, type AdminScope } from '../db/request-transaction.js';
import { AppError, AuthenticationError, PermissionError } from '../errors.js';
import { tokenHash } from '../security/tokens.js';
import { guard, type AdminState, type AppContext, type Deps, type Guard, type PlatformState } from './context.js';
import { runInScope, scopeCheck } from './scoped.js';
import { requireTenantSlug } from './tenant.js';

/** Prefixes of the admin credentials: staff session tokens and API keys. */
export const STAFF_SESSION_PREFIX = 'cfs';
export const API_KEY_PREFIX = 'cfa';

function bearer(header: string): string {
  const match = /^Bearer ([A-Za-z0-9_-]{10,200})$/.exec(header);
  if (!match)
    throw new AuthenticationError('invalid_authorization', 'The Authorization header must be "Bearer <token>".');
  return match[1]!;
}

/**
 * Guard of every /admin endpoint: a staff session token or an API key as a
 * bearer token (staff and portal sessions never share a cookie: admin has none).
 * The rest of the request runs in the caseflow_staff transaction that checked it.
 */
export function adminCredential({ pool }: Deps): Guard<AdminState> {
  return guard(async (ctx, next) => {
    const slug = requireTenantSlug(ctx.state);
    const header = ctx.get('authorization');
    if (!header) throw new AuthenticationError('authentication_required', 'Send a staff session token or an API key.');
    const token = bearer(header);
    const kind = token.startsWith(`${API_KEY_PREFIX}_`)
      ? 'api_key'
      : token.startsWith(`${STAFF_SESSION_PREFIX}_`)
        ? 'session'
        : undefined;
    if (!kind) throw new AuthenticationError('invalid_credential', 'This is not a staff session token or an API key.');
    let entered = false;
    try {
      await runInScope<AdminScope>(
        ctx,
        pool,
        enterAdmin(slug, kind, tokenHash(token)),
        (scope) => {
          entered = true;
          ctx.state.admin = scope;
        },
        next,
      );
    } catch (error) {
      if (!entered && error instanceof AuthenticationError && kind === 'api_key') {
        throw new AuthenticationError('invalid_api_key', 'This API key is unknown or has been revoked.');
      }
      throw error;
    }
  });
}

/** The scope the admin credential guard set, for checks mounted after it. */
export function adminOf(ctx: AppContext): AdminScope {
  const admin = ctx.state.admin;
  if (!admin) throw new Error('an admin check is mounted before adminCredential()');
  return admin;
}

/** Only the admin role (a staff user or an API key created with it). */
export function requireAdmin(): Guard {
  return scopeCheck((ctx) => {
    if (adminOf(ctx).role !== 'admin') {
      throw new PermissionError('admin_required', 'Only firm admins may do this.');
    }
  });
}

/** The admin role, or an API key created with exactly this narrow scope. */
export function requireAdminOrScope(scope: string): Guard {
  return scopeCheck((ctx) => {
    const admin = adminOf(ctx);
    if (admin.role !== 'admin' && !admin.scopes.includes(scope)) {
      throw new PermissionError(
        'admin_required',
        `Only firm admins, or an API key with the ${scope} scope, may do this.`,
      );
    }
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = tokenHash(given);
  const b = tokenHash(expected);
  return timingSafeEqual(a, b);
}

/**
 * Guard of every /platform endpoint: the operator key (CASEFLOW_PLATFORM_KEY) as a
 * bearer token, compared in constant time; the request then runs as caseflow_platform.
 */
export function platformKey({ config, pool }: Deps): Guard<PlatformState> {
  return guard(async (ctx, next) => {
    const expected = config.CASEFLOW_PLATFORM_KEY;
    if (!expected)
      throw new AppError(503, 'api_error', 'platform_disabled', 'No operator key is configured on this server.');
    const header = ctx.get('authorization');
    if (!header) throw new AuthenticationError('authentication_required', 'Send the operator key as a bearer token.');
    const match = /^Bearer (\S{1,500})$/.exec(header);
    if (!match || !sameSecret(match[1]!, expected)) {
      throw new AuthenticationError('invalid_platform_key', 'The operator key is not valid.');
    }
    await runInScope<undefined>(ctx, pool, enterPlatform, () => (ctx.state.platform = true), next);
  });
}
