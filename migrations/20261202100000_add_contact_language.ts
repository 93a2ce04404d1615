/**
 * A contact's own language (en, es, fr, de or ar; null: the firm's default),
 * which picks the language of their portal, emails and PDFs. Staff set it for
 * a contact; the contact sets it for themselves (the portal role may update
 * this one column, of its own row only: the policy contacts_portal_language).
 * The jobs that email a contact (the reset link, the payment receipt) run as
 * caseflow_worker and write in that language, so the worker reads it too.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE contacts
      ADD COLUMN language text CHECK (language IN ('en', 'es', 'fr', 'de', 'ar'));
    GRANT SELECT (language) ON contacts TO caseflow_portal, caseflow_staff, caseflow_worker;
    GRANT INSERT (language), UPDATE (language) ON contacts TO caseflow_staff;
    GRANT UPDATE (language, updated_at) ON contacts TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE contacts DROP COLUMN language`);
}
