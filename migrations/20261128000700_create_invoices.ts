/**
 * Invoices. Amounts are integer minor units of the invoice's currency. Drafts
 * have no number and never reach the portal; "overdue" is derived at read time.
 * Internal notes will live in their own table, which the portal cannot read.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE invoices (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      number text,
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'unpaid', 'partially_paid', 'paid', 'cancelled')),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      issue_date date NOT NULL,
      due_date date,
      subtotal bigint NOT NULL DEFAULT 0,
      tax bigint NOT NULL DEFAULT 0,
      total bigint NOT NULL DEFAULT 0 CHECK (total >= 0),
      amount_paid bigint NOT NULL DEFAULT 0 CHECK (amount_paid >= 0),
      client_note text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
      UNIQUE (tenant_id, number),
      CHECK (total = subtotal + tax),
      CHECK ((status = 'draft') = (number IS NULL))
    );
    -- The portal list: one client's issued invoices, newest first, keyset-paginated.
    CREATE INDEX invoices_client_recent ON invoices (tenant_id, client_id, created_at DESC, id DESC)
      WHERE status <> 'draft';
    ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
    ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON invoices TO caseflow_staff;
    GRANT SELECT ON invoices TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE invoices`);
}
