/**
 * Settles the Checkout Sessions a checkout or an expiry left half-done (a crash
 * between its transactions, a network failure at Stripe): rows `creating` or
 * `expiring` untouched for 10 minutes. Stripe is asked with no transaction
 * open. A row with a Stripe session id is expired at Stripe. A row without one
 * (Stripe may or may not have created its session) replays the create with the
 * row's own idempotency key and parameters, which answers the session Stripe
 * made (or makes it now), and expires that; when another row holds that session
 * (a retry of the same request opened it), this row is only marked expired.
 * Each row is settled on its own: a failure is logged and retried next run.
 */
import type { Logger } from 'pino';
import type Stripe from 'stripe';
import type { Pool } from '../../../db/pool.js';
import { acrossFirms, inFirm } from '../../../jobs/worker-scope.js';
import { webhookSecrets, type StripeDeps } from './accounts.js';
import { expireAtStripe, mayHaveCreated } from './checkout.js';
import type { Row } from '../../../db/model.js';
import type { CheckoutSessionModel } from '../models.js';

export interface ReconcileDeps extends StripeDeps {
  pool: Pool;
  logger: Logger;
}

/** How long a session may stay `creating` or `expiring` before the sweep settles it. */
export const UNSETTLED_AFTER_MINUTES = 10;

type Unsettled = Pick<
  Row<CheckoutSessionModel>,
  'id' | 'stripe_session_id' | 'stripe_idempotency_key' | 'create_params'
> & { status: 'creating' | 'expiring' };

/** What Stripe said of one row: its final status and, when it had none, the session it turned out to be. */
interface Settlement {
  status: 'expired' | 'complete' | 'failed';
  session?: Stripe.Checkout.Session;
}

async function settleAtStripe(
  deps: ReconcileDeps,
  tenantId: string,
  stripe: Stripe,
  row: Unsettled,
): Promise<Settlement> {
  if (row.stripe_session_id) return { status: await expireAtStripe(stripe, row.stripe_session_id) };
  // Rows from before this sweep existed carry no key: nothing at Stripe can be found for them.
  if (!row.stripe_idempotency_key || !row.create_params) return { status: 'failed' };
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(row.create_params, {
      idempotencyKey: row.stripe_idempotency_key,
    });
  } catch (error) {
    // Stripe refuses the replay outright (it made nothing then, and will not now): nothing is left to expire.
    if (!mayHaveCreated(error)) return { status: 'failed' };
    throw error;
  }
  const [holder] = await inFirm(deps.pool, tenantId, (db) =>
    db.query<{ id: string }>(`SELECT id FROM checkout_sessions WHERE stripe_session_id = $1 AND id <> $2`, [
      session.id,
      row.id,
    ]),
  );
  // Another row (a retry of the same request) owns this session: it is that row's to keep or expire.
  if (holder) return { status: 'expired' };
  return { status: await expireAtStripe(stripe, session.id), session };
}

/** One sweep over every firm; answers how many rows were settled. */
export async function reconcileCheckoutSessions(deps: ReconcileDeps): Promise<number> {
  const tenants = await acrossFirms(deps.pool, (db) =>
    db.query<{ tenant_id: string }>(
      `SELECT DISTINCT tenant_id FROM checkout_sessions
        WHERE status IN ('creating', 'expiring') AND updated_at < now() - make_interval(mins => $1)`,
      [UNSETTLED_AFTER_MINUTES],
    ),
  );
  let settled = 0;
  for (const { tenant_id: tenantId } of tenants) {
    const found = await inFirm(deps.pool, tenantId, async (db) => {
      const rows = await db.query<Unsettled>(
        `SELECT id, status, stripe_session_id, stripe_idempotency_key, create_params FROM checkout_sessions
          WHERE status IN ('creating', 'expiring') AND updated_at < now() - make_interval(mins => $1)
          ORDER BY updated_at LIMIT 100`,
        [UNSETTLED_AFTER_MINUTES],
      );
      const secrets = rows.length ? await webhookSecrets(deps, db, tenantId) : undefined;
      return { rows, secretKey: secrets?.secretKey };
    });
    if (!found.secretKey) continue;
    const stripe = deps.stripe(found.secretKey);
    for (const row of found.rows) {
      let outcome: Settlement;
      try {
        outcome = await settleAtStripe(deps, tenantId, stripe, row);
      } catch (error) {
        deps.logger.warn({ err: error, tenantId, checkout_session: row.id }, 'could not settle a Checkout Session');
        continue;
      }
      const session = outcome.session;
      await inFirm(deps.pool, tenantId, (db) =>
        db.query(
          `UPDATE checkout_sessions
              SET status = $3, updated_at = now(),
                  stripe_session_id = COALESCE(stripe_session_id, $4), url = COALESCE(url, $5),
                  expires_at = COALESCE(expires_at, $6)
            WHERE id = $1 AND status = $2`,
          [
            row.id,
            row.status,
            outcome.status,
            session?.id ?? null,
            session?.url ?? null,
            session ? new Date(session.expires_at * 1000) : null,
          ],
        ),
      );
      settled += 1;
    }
  }
  return settled;
}
