/**
 * A checkout no longer calls Stripe inside a transaction (issue 11): a first
 * short transaction writes the session as `creating` and moves the invoice's
 * open session to `expiring`; Stripe is called with no transaction open; a
 * second short transaction makes the new one `open` (or `failed`, or
 * `expiring` when the invoice changed meanwhile) and the old one `expired` or
 * `complete`. The Stripe session id, url and expiry exist only once Stripe
 * answered: a CHECK ties them to the statuses that need them. At most one
 * session per invoice is `creating` or `open` (a concurrent second checkout
 * hits the index and is told to wait). The reconcile job settles rows left
 * `creating` or `expiring` by a crash or a network failure: it replays the
 * create with the same Stripe idempotency key and parameters (kept on the row,
 * never readable by the portal, which only writes them) and expires what it gets.
 */
import type { Knex } from 'knex';

/** Every column the portal may read: all but the Stripe idempotency key and the create parameters. */
const portalColumns = [
  'tenant_id',
  'id',
  'invoice_id',
  'contact_id',
  'stripe_session_id',
  'amount',
  'currency',
  'status',
  'url',
  'expires_at',
  'created_at',
  'updated_at',
  'previewed_by',
  'client_id',
].join(', ');

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE checkout_sessions
      ALTER COLUMN stripe_session_id DROP NOT NULL,
      ALTER COLUMN url DROP NOT NULL,
      ALTER COLUMN expires_at DROP NOT NULL,
      ALTER COLUMN status SET DEFAULT 'creating',
      DROP CONSTRAINT checkout_sessions_status_check,
      ADD CONSTRAINT checkout_sessions_status_check
        CHECK (status IN ('creating', 'open', 'expiring', 'complete', 'expired', 'failed')),
      ADD CONSTRAINT checkout_sessions_stripe_fields_check
        CHECK (status NOT IN ('open', 'complete')
               OR (stripe_session_id IS NOT NULL AND url IS NOT NULL AND expires_at IS NOT NULL)),
      ADD COLUMN stripe_idempotency_key text,
      -- json, not jsonb: the replay must send the parameters in their first order (Stripe's idempotency compares them).
      ADD COLUMN create_params json;
    DROP INDEX checkout_sessions_one_open;
    CREATE UNIQUE INDEX checkout_sessions_one_active ON checkout_sessions (tenant_id, invoice_id)
      WHERE status IN ('creating', 'open');
    CREATE INDEX checkout_sessions_unsettled ON checkout_sessions (updated_at)
      WHERE status IN ('creating', 'expiring');
    REVOKE SELECT ON checkout_sessions FROM caseflow_portal;
    GRANT SELECT (${portalColumns}) ON checkout_sessions TO caseflow_portal;
    GRANT UPDATE (stripe_session_id, url, expires_at) ON checkout_sessions TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE UPDATE (stripe_session_id, url, expires_at) ON checkout_sessions FROM caseflow_portal;
    REVOKE SELECT (${portalColumns}) ON checkout_sessions FROM caseflow_portal;
    GRANT SELECT ON checkout_sessions TO caseflow_portal;
    DROP INDEX checkout_sessions_unsettled;
    DROP INDEX checkout_sessions_one_active;
    DELETE FROM checkout_sessions WHERE stripe_session_id IS NULL OR url IS NULL OR expires_at IS NULL;
    UPDATE checkout_sessions SET status = 'expired' WHERE status IN ('creating', 'expiring', 'failed');
    CREATE UNIQUE INDEX checkout_sessions_one_open ON checkout_sessions (tenant_id, invoice_id) WHERE status = 'open';
    ALTER TABLE checkout_sessions
      DROP COLUMN create_params,
      DROP COLUMN stripe_idempotency_key,
      DROP CONSTRAINT checkout_sessions_stripe_fields_check,
      DROP CONSTRAINT checkout_sessions_status_check,
      ADD CONSTRAINT checkout_sessions_status_check CHECK (status IN ('open', 'complete', 'expired')),
      ALTER COLUMN status SET DEFAULT 'open',
      ALTER COLUMN expires_at SET NOT NULL,
      ALTER COLUMN url SET NOT NULL,
      ALTER COLUMN stripe_session_id SET NOT NULL;
  `);
}
