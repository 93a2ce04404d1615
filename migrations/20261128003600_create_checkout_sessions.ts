/**
 * The Stripe Checkout Sessions opened for invoices. At most one is open per
 * invoice (a partial unique index): a new checkout, or any change of the
 * balance, expires the previous one at Stripe first. The portal sees and opens
 * sessions only for the invoices it can see.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE checkout_sessions (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      invoice_id uuid NOT NULL,
      contact_id uuid NOT NULL,
      stripe_session_id text NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'complete', 'expired')),
      url text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, stripe_session_id),
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
      FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id)
    );
    CREATE UNIQUE INDEX checkout_sessions_one_open ON checkout_sessions (tenant_id, invoice_id) WHERE status = 'open';
    ALTER TABLE checkout_sessions ENABLE ROW LEVEL SECURITY;
    ALTER TABLE checkout_sessions FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON checkout_sessions TO caseflow_staff;
    GRANT SELECT, INSERT ON checkout_sessions TO caseflow_portal;
    GRANT UPDATE (status, updated_at) ON checkout_sessions TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE checkout_sessions`);
}
