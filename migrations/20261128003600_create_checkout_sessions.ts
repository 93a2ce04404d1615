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
    CREATE POLICY checkout_sessions_staff ON checkout_sessions TO caseflow_staff
      USING (tenant_id = caseflow.current_tenant())
      WITH CHECK (tenant_id = caseflow.current_tenant());
    -- The portal: sessions of the invoices it can see (the invoices policy applies inside EXISTS);
    -- it opens them only as itself, and may expire one another contact of its client opened.
    CREATE POLICY checkout_sessions_portal_read ON checkout_sessions FOR SELECT TO caseflow_portal
      USING (tenant_id = caseflow.current_tenant()
             AND EXISTS (SELECT 1 FROM invoices i
                          WHERE i.tenant_id = checkout_sessions.tenant_id AND i.id = checkout_sessions.invoice_id));
    CREATE POLICY checkout_sessions_portal_open ON checkout_sessions FOR INSERT TO caseflow_portal
      WITH CHECK (tenant_id = caseflow.current_tenant()
             AND contact_id = NULLIF(current_setting('caseflow.contact_id', true), '')::uuid
             AND EXISTS (SELECT 1 FROM invoices i
                          WHERE i.tenant_id = checkout_sessions.tenant_id AND i.id = checkout_sessions.invoice_id));
    CREATE POLICY checkout_sessions_portal_close ON checkout_sessions FOR UPDATE TO caseflow_portal
      USING (tenant_id = caseflow.current_tenant()
             AND EXISTS (SELECT 1 FROM invoices i
                          WHERE i.tenant_id = checkout_sessions.tenant_id AND i.id = checkout_sessions.invoice_id))
      WITH CHECK (tenant_id = caseflow.current_tenant());
    GRANT SELECT, INSERT, UPDATE ON checkout_sessions TO caseflow_staff;
    GRANT SELECT, INSERT ON checkout_sessions TO caseflow_portal;
    GRANT UPDATE (status, updated_at) ON checkout_sessions TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE checkout_sessions`);
}
