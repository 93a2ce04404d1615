import type pg from 'pg';
import type { RequestDb } from '../db/request-db.js';
import { inScope } from '../db/request-transaction.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A short transaction as caseflow_worker acting for one firm: the policies then
 * show the firm's rows only, as they would to its staff. Jobs name their firm in
 * their payload; nothing else decides it.
 */
export function inFirm<T>(pool: pg.Pool, tenantId: string, fn: (db: RequestDb) => Promise<T>): Promise<T> {
  if (!uuid.test(tenantId)) throw new Error(`not a firm id: ${tenantId}`);
  return inScope<undefined, T>(
    pool,
    `SELECT set_config('caseflow.tenant_id', '${tenantId}', true); SET LOCAL ROLE caseflow_worker;`,
    (db) => fn(db),
  );
}

/** A short transaction as caseflow_worker across firms (sweeps and purges that name no firm). */
export function acrossFirms<T>(pool: pg.Pool, fn: (db: RequestDb) => Promise<T>): Promise<T> {
  return inScope<undefined, T>(pool, 'SET LOCAL ROLE caseflow_worker;', (db) => fn(db));
}
