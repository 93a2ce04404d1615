/**
 * Email addresses in any script (issue 15): an address is stored in its normal
 * form (Unicode NFC, the domain lower-cased; sdk/email-address.ts), and two
 * addresses are the same account when they are equal ignoring case in every
 * script. The unique indexes were on `lower(email)`, which under the database's
 * C locale folds ASCII only (`Δοκιμή` and `δοκιμή` would be two accounts): they
 * are rebuilt on ICU's case folding ("und-x-icu": the same on every server),
 * keeping their names (the services map a violation by name). The lookups
 * (login, forgot password, the contact list's email filter) compare the same
 * expression.
 *
 * The rows already stored are brought to the normal form (until now only ASCII
 * was accepted, so this lower-cases domains typed in capitals). The tables force
 * row-level security even on their owner, so the update runs with it lifted,
 * inside this migration's transaction.
 */
import type { Knex } from 'knex';

const normalForm = (column: string) =>
  `normalize(substring(${column} from '^(.*)@'), NFC) || '@' ||
   normalize(lower(substring(${column} from '@([^@]*)$') COLLATE "und-x-icu"), NFC)`;

export async function up(knex: Knex): Promise<void> {
  for (const table of ['contacts', 'staff_users']) {
    await knex.raw(`
      ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY;
      UPDATE ${table} SET email = ${normalForm('email')}
       WHERE position('@' in email) > 0 AND email IS DISTINCT FROM ${normalForm('email')};
      ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
      DROP INDEX ${table}_email;
      CREATE UNIQUE INDEX ${table}_email ON ${table} (tenant_id, lower(email COLLATE "und-x-icu"));
    `);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['contacts', 'staff_users']) {
    await knex.raw(`
      DROP INDEX ${table}_email;
      CREATE UNIQUE INDEX ${table}_email ON ${table} (tenant_id, lower(email));
    `);
  }
}
