/**
 * Expiring Checkout Sessions whose amount no longer matches the invoice: after
 * a payment (manual or Stripe), a refund, a cancellation, or of every invoice
 * when the firm disables payments. Run by the expire-checkout-sessions
 * subscriber as caseflow_worker acting for the firm, never inside a
 * transaction that waits on Stripe (issue 11): a short transaction moves the
 * sessions to `expiring` (a session still `creating` too: its checkout sees
 * that and expires it itself); Stripe expires them with no transaction open; a
 * second short transaction records what Stripe answered. Idempotent: a retry
 * picks up the sessions still `expiring`.
 */
import type { Pool } from '../../../db/pool.js';
import { inFirm } from '../../../jobs/worker-scope.js';
import { webhookSecrets, type StripeDeps } from './accounts.js';
import { expireAtStripe } from './checkout.js';

export interface ExpiryDeps extends StripeDeps {
  pool: Pool;
}

/** Expires the firm's open sessions of one invoice (or of all its invoices); answers how many Stripe closed. */
export async function expireOpenSessions(
  deps: ExpiryDeps,
  tenantId: string,
  invoiceId: string | null,
): Promise<number> {
  const claimed = await inFirm(deps.pool, tenantId, async (db) => {
    await db.query(
      `UPDATE checkout_sessions SET status = 'expiring', updated_at = now()
        WHERE status IN ('open', 'creating') AND ($1::uuid IS NULL OR invoice_id = $1::uuid)`,
      [invoiceId],
    );
    const sessions = await db.query<{ id: string; stripe_session_id: string }>(
      `SELECT id, stripe_session_id FROM checkout_sessions
        WHERE status = 'expiring' AND stripe_session_id IS NOT NULL AND ($1::uuid IS NULL OR invoice_id = $1::uuid)`,
      [invoiceId],
    );
    if (sessions.length === 0) return undefined;
    const secrets = await webhookSecrets(deps, db, tenantId);
    return secrets ? { sessions, secretKey: secrets.secretKey } : undefined;
  });
  if (!claimed) return 0;
  const stripe = deps.stripe(claimed.secretKey);
  const closed: { id: string; status: 'expired' | 'complete' }[] = [];
  let failure: unknown;
  for (const session of claimed.sessions) {
    try {
      closed.push({ id: session.id, status: await expireAtStripe(stripe, session.stripe_session_id) });
    } catch (error) {
      failure ??= error; // the others still go; this one stays expiring for the retry
    }
  }
  if (closed.length) {
    await inFirm(deps.pool, tenantId, async (db) => {
      for (const session of closed) {
        await db.query(
          `UPDATE checkout_sessions SET status = $2, updated_at = now() WHERE id = $1 AND status = 'expiring'`,
          [session.id, session.status],
        );
      }
    });
  }
  if (failure) throw failure;
  return closed.length;
}
