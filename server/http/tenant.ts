import type { Middleware } from 'koa';
import type { Config } from '../config.js';
import { BadRequestError, TenantNotFoundError } from '../errors.js';

export const slugPattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Which firm a request is for: the subdomain of BASE_DOMAIN, or on the bare host
 * the Caseflow-Tenant header (Node cannot resolve *.localhost, so the SDK and the
 * CLI use it). Nothing is looked up here: the request transaction's first
 * statement checks the slug against the database.
 */
export function resolveTenant(config: Config): Middleware {
  const suffix = `.${config.BASE_DOMAIN}`;
  return async (ctx, next) => {
    const host = ctx.hostname.toLowerCase();
    const header = ctx.get('caseflow-tenant').trim().toLowerCase();
    let fromHost: string | undefined;
    if (host.endsWith(suffix)) {
      fromHost = host.slice(0, -suffix.length);
      if (!slugPattern.test(fromHost)) throw new TenantNotFoundError();
    }
    if (header && !slugPattern.test(header)) {
      throw new BadRequestError(
        'invalid_tenant_header',
        'The Caseflow-Tenant header must be a firm slug such as "acme".',
      );
    }
    if (fromHost && header && header !== fromHost) {
      throw new BadRequestError(
        'tenant_mismatch',
        `The Caseflow-Tenant header "${header}" contradicts the host "${host}".`,
      );
    }
    ctx.state.tenantSlug = fromHost ?? (header || undefined);
    await next();
  };
}

/** The slug of the request, or a clear 400 when the request names no firm. */
export function requireTenantSlug(state: { tenantSlug?: string }): string {
  if (!state.tenantSlug) {
    throw new BadRequestError(
      'tenant_required',
      'Name the firm: use its host ({firm}.domain) or the Caseflow-Tenant header.',
    );
  }
  return state.tenantSlug;
}
