/**
 * The record of the repeatable step (server/db/sql-objects.ts): which file of
 * server/db/sql/ was applied with which sha256, so a changed function, policy
 * or trigger file is applied again, and /readyz can tell when the database runs
 * other definitions than the ones this code ships. Only the owner reads and
 * writes it; the app role reads the hashes through caseflow.sql_object_hashes().
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE caseflow.sql_objects (
      name text PRIMARY KEY CHECK (name ~ '^(functions|policies/[a-z0-9_.]+|triggers/[a-z0-9_.]+)/[a-z0-9_]+\\.sql$'),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      applied_at timestamptz NOT NULL DEFAULT now()
    );
    REVOKE ALL ON caseflow.sql_objects FROM PUBLIC;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE caseflow.sql_objects`);
}
