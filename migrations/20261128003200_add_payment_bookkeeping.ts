/**
 * Payment bookkeeping: how a manual payment arrived (mode, transaction id, an
 * internal note the portal cannot read: its SELECT becomes column-level), the
 * Stripe payment intent (unique per firm: a payment is recorded once per intent),
 * the paying contact, and the refunded part. (This migration used to create the
 * refunds and client_credits tables too; they now have their own migrations,
 * right after this one.)
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
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE SELECT ON payments FROM caseflow_portal;
    GRANT SELECT ON payments TO caseflow_portal;
    REVOKE UPDATE (refunded_amount) ON payments FROM caseflow_staff;
    ALTER TABLE payments DROP CONSTRAINT payments_stripe_payment_intent_key, DROP CONSTRAINT payments_contact_fkey,
      DROP CONSTRAINT payments_refunded_amount_check,
      DROP COLUMN mode, DROP COLUMN transaction_id, DROP COLUMN note, DROP COLUMN stripe_payment_intent_id,
      DROP COLUMN contact_id, DROP COLUMN refunded_amount;
  `);
}
