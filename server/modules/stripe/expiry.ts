/**
 * Expiring open Checkout Sessions whose amount no longer matches the invoice:
 * after a manual payment, a cancellation, a Stripe payment of another session,
 * or when the firm disables payments. Runs after the change committed, in its
 * own transaction as caseflow_staff acting for the firm (no user is behind it).
 */
import type { Logger } from 'pino';
import type { Pool } from '../../db/pool.js';
import { actAsTenant, inScope } from '../../db/request-transaction.js';
import { webhookSecrets, type StripeDeps } from './accounts.js';
import { expireAtStripe } from './checkout.js';

export interface ExpiryDeps extends StripeDeps {
  pool: Pool;
  logger: Logger;
}

/** Expires the firm's open sessions of one invoice (or all of them); answers how many were closed. */
export async function expireOpenSessions(
  deps: ExpiryDeps,
  tenantId: string,
  invoiceId: string | null,
): Promise<number> {
  return inScope<undefined, number>(deps.pool, 'SET LOCAL ROLE caseflow_staff;', async (db) => {
    await actAsTenant(db, tenantId);
    if (invoiceId) await db.query(`SELECT pg_advisory_xact_lock(hashtext('checkout:' || $1))`, [invoiceId]);
    const open = await db.query<{ id: string; stripe_session_id: string }>(
      `SELECT id, stripe_session_id FROM checkout_sessions
        WHERE status = 'open' AND ($1::uuid IS NULL OR invoice_id = $1::uuid)
        FOR UPDATE SKIP LOCKED`,
      [invoiceId],
    );
    if (open.length === 0) return 0;
    const secrets = await webhookSecrets(deps, db, tenantId);
    if (!secrets) return 0;
    const stripe = deps.stripe(secrets.secretKey);
    for (const session of open) {
      const status = await expireAtStripe(stripe, session.stripe_session_id);
      await db.query(`UPDATE checkout_sessions SET status = $2, updated_at = now() WHERE id = $1`, [
        session.id,
        status,
      ]);
    }
    return open.length;
  });
}

/** Deps.balanceChanged: never throws (the change it follows has committed); a failure is logged. */
export function balanceChangedHook(deps: ExpiryDeps): (tenantId: string, invoiceId: string) => Promise<void> {
  return async (tenantId, invoiceId) => {
    try {
      await expireOpenSessions(deps, tenantId, invoiceId);
    } catch (error) {
      deps.logger.warn({ err: error, tenantId, invoiceId }, 'could not expire open Stripe Checkout Sessions');
    }
  };
}
