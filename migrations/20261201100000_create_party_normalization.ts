/**
 * How conflict checks compare names and emails: two IMMUTABLE SQL functions, so
 * tables can keep the normalised form in STORED generated columns with ordinary
 * indexes. (An expression index on the function would not do: under row-level
 * security PostgreSQL refuses to use a non-leakproof function of a column as an
 * index condition, while `key_column = $1` is leakproof.)
 *
 * A name is case-folded (with ICU's "und-x-icu" collation: the same on every
 * server, whatever the database's locale), its accents removed (translate() over a fixed table, so
 * no `unaccent` extension is needed), apostrophes and dots dropped ("O'Brien" →
 * "obrien", "L.L.C." → "llc"), other punctuation turned into spaces, whitespace
 * collapsed, and trailing company suffixes removed ("Northwind Traders, LLC" →
 * "northwind traders"). An email is trimmed and lower-cased.
 *
 * Both are defined in server/db/sql/functions/. The generated columns of the
 * next migrations call them as they are created, so this migration applies the
 * two files itself (the repeatable step applies them again after the
 * migrations, unchanged). Changing either function later means recomputing
 * every stored key: change its file, and rewrite the generated columns in a
 * new migration.
 */
import type { Knex } from 'knex';
import { applySqlObjectFiles } from '../server/db/sql-objects.js';

export async function up(knex: Knex): Promise<void> {
  await applySqlObjectFiles(knex, ['functions/normalize_party_name.sql', 'functions/normalize_email.sql']);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION caseflow.normalize_email(text);
    DROP FUNCTION caseflow.normalize_party_name(text);
  `);
}
