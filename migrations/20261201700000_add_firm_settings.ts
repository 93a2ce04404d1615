/**
 * A firm's own settings (issue 14): the details its portal footer and invoice
 * PDFs show (phone, email, website beside the address it already has), the
 * payment instructions that make an invoice payable without Stripe (bank
 * details, remit-to, notes, and when an admin last changed them: changed bank
 * details are how wire fraud works, so clients see the date), and its logo,
 * uploaded and served from our own origin instead of fetched from a `logo_url`.
 *
 * Firm admins now write these columns themselves (the staff role gets UPDATE on
 * exactly them; its policy lives in server/db/sql/policies/tenants/); plan,
 * status, name and public URL stay the operator's. The logo's bytes sit in
 * their own table, so reading a tenant row never drags 256 KB along.
 *
 * Clients also see how each payment arrived (card, bank transfer, cheque…):
 * the portal role may now read a payment's `mode`, not its other bookkeeping.
 */
import type { Knex } from 'knex';

const staffColumns = [
  'primary_color',
  'address',
  'phone',
  'email',
  'website',
  'locale',
  'currency',
  'timezone',
  'invoice_prefix',
  'allowed_origins',
  'payment_bank_details',
  'payment_remit_to',
  'payment_notes',
  'payment_instructions_updated_at',
  'updated_at',
].join(', ');

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE tenants
      ADD COLUMN phone text CHECK (length(phone) BETWEEN 1 AND 40),
      ADD COLUMN email text CHECK (length(email) BETWEEN 3 AND 254),
      ADD COLUMN website text CHECK (website ~ '^https{0,1}://' AND length(website) <= 2000),
      ADD COLUMN payment_bank_details text CHECK (length(payment_bank_details) BETWEEN 1 AND 2000),
      ADD COLUMN payment_remit_to text CHECK (length(payment_remit_to) BETWEEN 1 AND 1000),
      ADD COLUMN payment_notes text CHECK (length(payment_notes) BETWEEN 1 AND 1000),
      ADD COLUMN payment_instructions_updated_at timestamptz;
    GRANT UPDATE (${staffColumns}) ON tenants TO caseflow_staff;
    GRANT SELECT (mode) ON payments TO caseflow_portal;

    CREATE TABLE tenant_logos (
      tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
      media_type text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
      content bytea NOT NULL CHECK (octet_length(content) BETWEEN 1 AND 262144),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      width integer NOT NULL CHECK (width BETWEEN 1 AND 10000),
      height integer NOT NULL CHECK (height BETWEEN 1 AND 10000),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    ALTER TABLE tenant_logos ENABLE ROW LEVEL SECURITY;
    ALTER TABLE tenant_logos FORCE ROW LEVEL SECURITY;
    GRANT SELECT ON tenant_logos TO caseflow_portal, caseflow_worker;
    GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_logos TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE tenant_logos;
    REVOKE SELECT (mode) ON payments FROM caseflow_portal;
    REVOKE UPDATE (${staffColumns}) ON tenants FROM caseflow_staff;
    ALTER TABLE tenants
      DROP COLUMN phone, DROP COLUMN email, DROP COLUMN website,
      DROP COLUMN payment_bank_details, DROP COLUMN payment_remit_to, DROP COLUMN payment_notes,
      DROP COLUMN payment_instructions_updated_at;
  `);
}
