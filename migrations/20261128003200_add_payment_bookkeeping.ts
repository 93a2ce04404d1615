/**
 * Payment bookkeeping: how a manual payment arrived (mode, transaction id, an
 * internal note the portal cannot read: its SELECT becomes column-level), the
 * Stripe payment intent (unique per firm: a payment is recorded once per intent),
 * the paying contact, and the refunded part. Refunds are recorded once per Stripe
 * refund id; money received above an invoice's balance becomes a client credit
 * flagged for the firm (never shown to the portal).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE payments
      ADD COLUMN mode text CHECK (mode IN ('bank_transfer', 'cash', 'check', 'card', 'other')),
      ADD COLUMN transaction_id text CHECK (length(transaction_id) BETWEEN 1 AND 255),
      ADD COLUMN note text CHECK (length(note) BETWEEN 1 AND 2000),
      ADD COLUMN stripe_payment_intent_id text CHECK (length(stripe_payment_intent_id) BETWEEN 1 AND 255),
      ADD COLUMN contact_id uuid,
      ADD COLUMN refunded_amount bigint NOT NULL DEFAULT 0,
      ADD CONSTRAINT payments_refunded_amount_check CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
      ADD CONSTRAINT payments_contact_fkey FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
      ADD CONSTRAINT payments_stripe_payment_intent_key UNIQUE (tenant_id, stripe_payment_intent_id);
    GRANT UPDATE (refunded_amount) ON payments TO caseflow_staff;
    REVOKE SELECT ON payments FROM caseflow_portal;
    GRANT SELECT (tenant_id, id, invoice_id, amount, currency, method, reference, paid_at, created_at,
                  mode, transaction_id, stripe_payment_intent_id, contact_id, refunded_amount)
      ON payments TO caseflow_portal;

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
    CREATE POLICY refunds_staff ON refunds TO caseflow_staff
      USING (tenant_id = caseflow.current_tenant())
      WITH CHECK (tenant_id = caseflow.current_tenant());
    CREATE POLICY refunds_portal ON refunds FOR SELECT TO caseflow_portal
      USING (EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = refunds.tenant_id AND i.id = refunds.invoice_id));
    GRANT SELECT, INSERT ON refunds TO caseflow_staff;
    GRANT SELECT ON refunds TO caseflow_portal;

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
    CREATE POLICY client_credits_staff ON client_credits TO caseflow_staff
      USING (tenant_id = caseflow.current_tenant())
      WITH CHECK (tenant_id = caseflow.current_tenant());
    GRANT SELECT, INSERT, UPDATE (amount, resolved_at, resolution) ON client_credits TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE client_credits;
    DROP TABLE refunds;
    REVOKE SELECT ON payments FROM caseflow_portal;
    GRANT SELECT ON payments TO caseflow_portal;
    REVOKE UPDATE (refunded_amount) ON payments FROM caseflow_staff;
    ALTER TABLE payments DROP CONSTRAINT payments_stripe_payment_intent_key, DROP CONSTRAINT payments_contact_fkey,
      DROP CONSTRAINT payments_refunded_amount_check,
      DROP COLUMN mode, DROP COLUMN transaction_id, DROP COLUMN note, DROP COLUMN stripe_payment_intent_id,
      DROP COLUMN contact_id, DROP COLUMN refunded_amount;
  `);
}
