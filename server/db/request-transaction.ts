import type pg from 'pg';
import { AuthenticationError, TenantNotFoundError } from '../errors.js';
import { slugPattern } from '../http/tenant.js';
import { RequestDb } from './request-db.js';

export type RequestRole = 'caseflow_auth' | 'caseflow_staff' | 'caseflow_portal' | 'caseflow_platform';

export type PortalPermission = 'invoices' | 'estimates' | 'contracts' | 'proposals' | 'documents' | 'vault' | 'matters';

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
  permissions: PortalPermission[];
  minted_by_type: 'staff' | 'api_key' | null;
  minted_by_id: string | null;
}

/** A staff session or an API key, as enter_admin found it. */
export interface AdminScope extends TenantScope {
  principal_type: 'staff' | 'api_key';
  principal_id: string;
  role: 'admin' | 'staff';
  scopes: string[];
  /** The staff session (null for API keys). */
  session_id: string | null;
}

/**
 * The result columns of enter_tenant, enter_portal_session and enter_admin
 * (server/db/sql/functions/), with their SQL types, key for key with the scope
 * types above: test/server/db/scope-columns.test.ts compares them with the
 * functions in the database, so a change on either side fails it.
 */
export const tenantScopeColumns = {
  tenant_id: 'uuid',
  tenant_slug: 'text',
  tenant_name: 'text',
  plan: 'text',
  locale: 'text',
  currency: 'text',
  timezone: 'text',
} as const satisfies Record<keyof TenantScope, string>;

export const portalScopeColumns = {
  ...tenantScopeColumns,
  session_id: 'uuid',
  session_kind: 'text',
  session_expires_at: 'timestamp with time zone',
  contact_id: 'uuid',
  client_id: 'uuid',
  impersonator_id: 'uuid',
  permissions: 'text[]',
  minted_by_type: 'text',
  minted_by_id: 'uuid',
} as const satisfies Record<keyof PortalScope, string>;

export const adminScopeColumns = {
  ...tenantScopeColumns,
  principal_type: 'text',
  principal_id: 'uuid',
  role: 'text',
  scopes: 'text[]',
  session_id: 'uuid',
} as const satisfies Record<keyof AdminScope, string>;

const roles = new Set<RequestRole>(['caseflow_auth', 'caseflow_staff', 'caseflow_portal', 'caseflow_platform']);

// Preambles are sent as one simple query (several statements, no parameters):
// each value is checked to be a slug, a digest or one of our role names first.
function checkedSlug(slug: string): string {
  if (!slugPattern.test(slug)) throw new TenantNotFoundError();
  return slug;
}
function checkedRole(role: RequestRole): RequestRole {
  if (!roles.has(role)) throw new Error(`unknown role ${role}`);
  return role;
}

/** Enter a tenant with no credential yet (login, public pages), as `role`. */
export function enterTenant(slug: string, role: RequestRole): string {
  return `SELECT * FROM caseflow.enter_tenant('${checkedSlug(slug)}'); SET LOCAL ROLE ${checkedRole(role)};`;
}

/** Enter a tenant as the contact whose session token hashes to `tokenHash`. */
export function enterPortalSession(slug: string, tokenHash: Buffer): string {
  if (tokenHash.length !== 32)
    throw new AuthenticationError('session_invalid', 'Your session has ended. Log in again.');
  return (
    `SELECT * FROM caseflow.enter_portal_session('${checkedSlug(slug)}', '\\x${tokenHash.toString('hex')}'::bytea); ` +
    `SET LOCAL ROLE caseflow_portal;`
  );
}

/** Enter a tenant with a staff session token (`session`) or an API key (`api_key`), as caseflow_staff. */
export function enterAdmin(slug: string, kind: 'session' | 'api_key', tokenHash: Buffer): string {
  if (tokenHash.length !== 32)
    throw new AuthenticationError('session_invalid', 'Your session has ended. Log in again.');
  return (
    `SELECT * FROM caseflow.enter_admin('${checkedSlug(slug)}', '${kind === 'session' ? 'session' : 'api_key'}', ` +
    `'\\x${tokenHash.toString('hex')}'::bytea); SET LOCAL ROLE caseflow_staff;`
  );
}

/** The platform operator works across tenants; services name the tenant they touch with `actAsTenant`. */
export const enterPlatform = 'SET LOCAL ROLE caseflow_platform;';

/**
 * For the cross-tenant roles (platform, worker): names the one firm the rest of
 * the transaction acts for, so the row-level security policies apply to it.
 */
export async function actAsTenant(db: RequestDb, tenantId: string): Promise<void> {
  await db.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [tenantId]);
}

function mapPreambleError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'CF404') return new TenantNotFoundError();
  if (code === 'CF401') return new AuthenticationError('session_invalid', 'Your session has ended. Log in again.');
  return error;
}

/**
 * Runs `fn` in one transaction whose first round trip (BEGIN, the preamble's
 * credential check and settings, SET LOCAL ROLE) comes before any data query.
 * Nothing touches tenant data outside such a transaction. Commits when `fn`
 * resolves, rolls back when it throws.
 */
export async function inScope<Scope, T>(
  pool: pg.Pool,
  preamble: string,
  fn: (db: RequestDb, scope: Scope) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  // Set when the connection's state is unknown: the pool then destroys it.
  let broken: Error | undefined;
  const rollback = () => client.query('ROLLBACK').catch((e: Error) => void (broken = e));
  try {
    let scope: Scope;
    try {
      const results = (await client.query(`BEGIN; ${preamble}`)) as unknown as pg.QueryResult[];
      scope = results.find((r) => r.command === 'SELECT')?.rows[0] as Scope;
    } catch (error) {
      await rollback();
      throw mapPreambleError(error);
    }
    let result: T;
    try {
      result = await fn(new RequestDb(client), scope);
    } catch (error) {
      await rollback();
      throw error;
    }
    await client.query('COMMIT').catch((error: Error) => {
      broken = error;
      throw error;
    });
    return result;
  } finally {
    client.release(broken);
  }
}
