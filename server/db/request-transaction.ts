import type { Knex } from 'knex';
import { AuthenticationError, TenantNotFoundError } from '../errors.js';
import { slugPattern } from '../http/tenant.js';

export type RequestRole = 'caseflow_auth' | 'caseflow_staff' | 'caseflow_portal' | 'caseflow_platform';

export interface TenantScope {
  tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  plan: 'solo' | 'growth' | 'multi_practice';
  locale: string;
  currency: string;
  timezone: string;
}

export interface PortalScope extends TenantScope {
  session_id: string;
  session_kind: 'login' | 'preview' | 'minted';
  session_expires_at: Date;
  contact_id: string;
  client_id: string;
  impersonator_id: string | null;
}

const roles = new Set<RequestRole>(['caseflow_auth', 'caseflow_staff', 'caseflow_portal', 'caseflow_platform']);

// Preambles are inlined into a simple query: each value is checked to be a slug,
// a hex digest or one of our role names before it gets there.
function checkedSlug(slug: string): string {
  if (!slugPattern.test(slug)) throw new TenantNotFoundError();
  return slug;
}
function checkedRole(role: RequestRole): RequestRole {
  if (!roles.has(role)) throw new Error(`unknown role ${role}`);
  return role;
}

export function enterTenant(slug: string, role: RequestRole): string {
  return `SELECT * FROM caseflow.enter_tenant('${checkedSlug(slug)}'); SET LOCAL ROLE ${checkedRole(role)};`;
}

export function enterPortalSession(slug: string, tokenHash: Buffer): string {
  if (tokenHash.length !== 32)
    throw new AuthenticationError('session_invalid', 'Your session has ended. Log in again.');
  return (
    `SELECT * FROM caseflow.enter_portal_session('${checkedSlug(slug)}', '\\x${tokenHash.toString('hex')}'::bytea); ` +
    `SET LOCAL ROLE caseflow_portal;`
  );
}

/**
 * Runs `fn` in one transaction whose first round trip checks the tenant (and
 * credential), sets the caseflow.* settings and switches to the request role.
 * Nothing touches tenant data outside such a transaction.
 */
export async function inScope<Scope, T>(
  knex: Knex,
  preamble: string,
  fn: (trx: Knex.Transaction, scope: Scope) => Promise<T>,
): Promise<T> {
  let scope: Scope | undefined;
  try {
    return await knex.transaction(async (trx) => fn(trx, scope as Scope), {
      preamble: { sql: preamble, onRows: (rows: Record<string, unknown>[]) => (scope = rows[0] as Scope) },
    } as Knex.TransactionConfig);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CF404') throw new TenantNotFoundError();
    if (code === 'CF401') throw new AuthenticationError('session_invalid', 'Your session has ended. Log in again.');
    throw error;
  }
}
