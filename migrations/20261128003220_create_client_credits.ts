/**
 * Client credits: money received above an invoice's balance becomes a credit
 * flagged for the firm (never shown to the portal). Split out of
 * 20261128003200_add_payment_bookkeeping, which used to create this table too:
 * a database that ran that migration whole has the table already, and this one
 * then changes nothing (later migrations changed the table and its grants, so
 * nothing here may run again on it).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('client_credits')) return;
  await knex.raw(`
    CREATE TABLE client_credits (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      invoice_id uuid NOT NULL,
      payment_id uuid NOT NULL,
      -- What is still owed to the client; original_amount is what the overpayment was.
      amount bigint NOT NULL CHECK (amount >= 0),
      original_amount bigint NOT NULL CHECK (original_amount > 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      reason text NOT NULL DEFAULT 'overpayment' CHECK (reason IN ('overpayment')),
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolution text CHECK (resolution IN ('refunded')),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
      FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id),
      UNIQUE (tenant_id, payment_id),
      CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
      CHECK (amount <= original_amount)
    );
    CREATE INDEX client_credits_open ON client_credits (tenant_id, created_at DESC, id DESC) WHERE resolved_at IS NULL;
    ALTER TABLE client_credits ENABLE ROW LEVEL SECURITY;
    ALTER TABLE client_credits FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE (amount, resolved_at, resolution) ON client_credits TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE client_credits`);
}
