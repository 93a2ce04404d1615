/**
 * Conflict checks search clients by normalised name: a stored generated column
 * (caseflow.normalize_party_name) with an index, so a check is an index lookup
 * under row-level security however many clients a firm has.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE clients ADD COLUMN name_key text GENERATED ALWAYS AS (caseflow.normalize_party_name(name)) STORED;
    CREATE INDEX clients_name_key ON clients (tenant_id, name_key);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE clients DROP COLUMN name_key`);
}
