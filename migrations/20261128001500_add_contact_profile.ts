/**
 * The rest of a contact: title, phone, text direction, invoice emails, and the
 * per-contact portal permissions (every section by default).
 */
import type { Knex } from 'knex';

export const portalPermissions = ['invoices', 'estimates', 'contracts', 'proposals', 'documents', 'vault', 'matters'];

export async function up(knex: Knex): Promise<void> {
  const all = `ARRAY[${portalPermissions.map((p) => `'${p}'`).join(', ')}]::text[]`;
  await knex.raw(`
    ALTER TABLE contacts
      ADD COLUMN title text CHECK (length(title) <= 200),
      ADD COLUMN phone text CHECK (length(phone) <= 50),
      ADD COLUMN text_direction text NOT NULL DEFAULT 'ltr' CHECK (text_direction IN ('ltr', 'rtl')),
      ADD COLUMN receives_invoice_emails boolean NOT NULL DEFAULT true,
      ADD COLUMN permissions text[] NOT NULL DEFAULT ${all} CHECK (permissions <@ ${all});
    -- One primary per client, checked at the end of each statement (a plain unique
    -- index checks row by row), so one UPDATE can move the flag from one contact to another.
    DROP INDEX contacts_one_primary;
    ALTER TABLE contacts ADD CONSTRAINT contacts_one_primary
      EXCLUDE USING btree (tenant_id WITH =, client_id WITH =) WHERE (is_primary) DEFERRABLE INITIALLY IMMEDIATE;
    GRANT SELECT (title, phone, text_direction, receives_invoice_emails, permissions) ON contacts
      TO caseflow_portal, caseflow_staff;
    GRANT INSERT (title, phone, text_direction, receives_invoice_emails, permissions),
          UPDATE (title, phone, text_direction, receives_invoice_emails, permissions)
      ON contacts TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE contacts DROP CONSTRAINT contacts_one_primary;
    CREATE UNIQUE INDEX contacts_one_primary ON contacts (tenant_id, client_id) WHERE is_primary;
    ALTER TABLE contacts DROP COLUMN title, DROP COLUMN phone, DROP COLUMN text_direction,
      DROP COLUMN receives_invoice_emails, DROP COLUMN permissions;
  `);
}
