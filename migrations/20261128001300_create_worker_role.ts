/**
 * The role of the background mail worker. Unlike the request roles it works
 * across tenants (it delivers every firm's outbox), so it gets its own role with
 * grants on the outbox and the wrapped tenant keys only.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'caseflow_worker') THEN
        CREATE ROLE caseflow_worker NOLOGIN NOINHERIT;
      END IF;
    END $$;
    GRANT caseflow_worker TO caseflow_app;
    GRANT USAGE ON SCHEMA caseflow TO caseflow_worker;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`REVOKE USAGE ON SCHEMA caseflow FROM caseflow_worker`);
}
