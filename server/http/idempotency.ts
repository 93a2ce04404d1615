/**
 * Idempotency keys (DESIGN §5) for the endpoints flagged `idempotent` in the
 * contract: the first answer per firm, caller and key is kept for 24 hours and
 * a retry gets it back; the same key with other parameters is a 409.
 *
 * The key's row is inserted in the request's own transaction before the work
 * and completed with the answer at the end, so:
 * - a concurrent duplicate blocks on the primary key until the first request
 *   ends: if it committed, the duplicate replays its answer; if it rolled back
 *   (an error), nothing was written and the duplicate does the work itself;
 * - errors are not stored: a failed request left nothing behind, so its retry
 *   runs again (and may succeed once the cause is fixed).
 */
import { createHash } from 'node:crypto';
import { BadRequestError, ConflictError } from '../errors.js';
import type { RequestDb } from '../db/request-db.js';
import type { AppContext } from './context.js';
import type { Row } from '../db/model.js';
import type { IdempotencyKeyModel } from './models.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export const idempotencyMessages = {
  badKey: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
  reused: 'This Idempotency-Key was already used with other parameters: use a new key for a new request.',
  inUse: 'A request with this Idempotency-Key is still being processed: retry in a moment.',
};

/** A stored key as the claim reads it back, and whether it is within its lifetime. */
type Stored = Pick<
  Row<IdempotencyKeyModel>,
  'principal' | 'request_hash' | 'status' | 'response_status' | 'response_body'
> & { fresh: boolean };

/**
 * Who the key belongs to: keys are scoped per caller, so one caller can never
 * replay another's answer. The firm is the request transaction's: the policies
 * keep each firm's keys apart.
 */
function principalOf(ctx: AppContext): string | undefined {
  const { admin, portal } = ctx.state;
  if (admin) return `${admin.principal_type}:${admin.principal_id}`;
  if (portal) return `contact:${portal.contact_id}`;
  return undefined;
}

/** JSON with sorted keys, so the same parameters hash the same whatever their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function requestHash(method: string, path: string, input: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonical(input)}`)
    .digest('hex');
}

export interface Replay {
  status: number;
  body: unknown;
}

/**
 * Claims the request's key. Returns the stored answer to replay, or undefined
 * when this request must do the work (then call `completeIdempotency`).
 * Without the header, or outside a firm's admin/portal transaction, it does nothing.
 */
export async function claimIdempotencyKey(ctx: AppContext, input: unknown): Promise<Replay | undefined> {
  const key = ctx.get(IDEMPOTENCY_HEADER);
  if (!key) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new BadRequestError('invalid_idempotency_key', idempotencyMessages.badKey);
  const principal = principalOf(ctx);
  if (!principal) return undefined;
  const hash = requestHash(ctx.method, ctx.path, input);
  // Inserts the claim, or takes over an expired row; a live row of another transaction makes this wait for it.
  const [claimed] = await ctx.db.query<{ claimed: boolean }>(
    `INSERT INTO idempotency_keys (tenant_id, principal, key, request_hash)
     VALUES (caseflow.current_tenant(), $1, $2, $3)
     ON CONFLICT (tenant_id, principal, key) DO UPDATE
       SET request_hash = excluded.request_hash, status = 'in_progress', response_status = NULL,
           response_body = NULL, created_at = now()
       WHERE idempotency_keys.created_at <= now() - interval '24 hours'
     RETURNING true AS claimed`,
    [principal, key, hash],
  );
  ctx.state.idempotencyKey = key;
  if (claimed) {
    ctx.state.idempotencyClaim = { principal, key };
    return undefined;
  }
  const [stored] = await ctx.db.query<Stored>(
    `SELECT principal, request_hash, status, response_status, response_body, true AS fresh
       FROM idempotency_keys WHERE principal = $1 AND key = $2`,
    [principal, key],
  );
  if (!stored || stored.status !== 'completed') {
    throw new ConflictError('idempotency_key_in_use', idempotencyMessages.inUse);
  }
  if (stored.request_hash !== hash) throw new ConflictError('idempotency_key_reused', idempotencyMessages.reused);
  return { status: stored.response_status!, body: stored.response_body };
}

/** Stores the answer of the request that claimed the key, in its transaction. */
export async function completeIdempotency(ctx: AppContext, status: number, body: unknown): Promise<void> {
  const claim = ctx.state.idempotencyClaim;
  if (!claim) return;
  await ctx.db.query(
    `UPDATE idempotency_keys SET status = 'completed', response_status = $3, response_body = $4
      WHERE principal = $1 AND key = $2`,
    [claim.principal, claim.key, status, body === undefined ? null : JSON.stringify(body)],
  );
}

/** Gives up the claim of a request that failed (endpoints that own their transactions), so a retry does the work. */
export async function releaseIdempotencyKey(ctx: AppContext): Promise<void> {
  const claim = ctx.state.idempotencyClaim;
  if (!claim) return;
  ctx.state.idempotencyClaim = undefined;
  await ctx.db.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status = 'in_progress'`, [
    claim.principal,
    claim.key,
  ]);
}

/**
 * A worker job (as caseflow_worker, across firms): deletes up to 500 keys past
 * their 24 hours; true while there may be more.
 */
export async function purgeExpiredIdempotencyKeys(db: RequestDb): Promise<boolean> {
  const rows = await db.query(
    `DELETE FROM idempotency_keys WHERE ctid = ANY (ARRAY(
       SELECT ctid FROM idempotency_keys WHERE created_at <= now() - interval '24 hours' LIMIT 500))
     RETURNING 1`,
  );
  return rows.length === 500;
}
