/**
 * Conflict checks search contacts by normalised full name and email: stored
 * generated columns with indexes (see 20261201100000). Contacts have column
 * grants, so the staff role is granted SELECT on the two new columns; the portal
 * role gets none (it has no use for them).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE contacts
      ADD COLUMN name_key text GENERATED ALWAYS AS (caseflow.normalize_party_name(first_name || ' ' || last_name)) STORED,
      ADD COLUMN email_key text GENERATED ALWAYS AS (caseflow.normalize_email(email)) STORED;
    CREATE INDEX contacts_name_key ON contacts (tenant_id, name_key);
    CREATE INDEX contacts_email_key ON contacts (tenant_id, email_key);
    GRANT SELECT (name_key, email_key) ON contacts TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE contacts DROP COLUMN name_key, DROP COLUMN email_key`);
}
