/**
 * Counters of the rate limiter (rate-limiter-flexible's PostgreSQL store), created
 * here rather than by the library at run time. Keys are not tenant rows — they
 * name a tenant, a hashed account and an IP — and the limiter runs before any
 * request transaction, so the app login itself gets the grant, on this table only.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE rate_limits (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    );
    CREATE INDEX rate_limits_expire ON rate_limits (expire);
    ALTER TABLE rate_limits ENABLE ROW LEVEL SECURITY;
    ALTER TABLE rate_limits FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO caseflow_app;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE rate_limits`);
}
