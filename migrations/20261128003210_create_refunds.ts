/**
 * Refunds, recorded once per Stripe refund id. Split out of
 * 20261128003200_add_payment_bookkeeping, which used to create this table too:
 * a database that ran that migration whole has the table already, and this one
 * then changes nothing (later migrations changed the table and its grants, so
 * nothing here may run again on it).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('refunds')) return;
  await knex.raw(`
    CREATE TABLE refunds (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      payment_id uuid NOT NULL,
      invoice_id uuid NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      stripe_refund_id text CHECK (length(stripe_refund_id) BETWEEN 1 AND 255),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id),
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
      UNIQUE (tenant_id, stripe_refund_id)
    );
    CREATE INDEX refunds_invoice ON refunds (tenant_id, invoice_id, created_at);
    ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
    ALTER TABLE refunds FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT ON refunds TO caseflow_staff;
    GRANT SELECT ON refunds TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE refunds`);
}
