/**
 * The background worker purges idempotency keys past their 24 hours (requests
 * already ignore and overwrite them; this keeps the table small).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
    GRANT SELECT, DELETE ON idempotency_keys TO caseflow_worker;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE SELECT, DELETE ON idempotency_keys FROM caseflow_worker;
    DROP INDEX idempotency_keys_created;
  `);
}
