/**
 * The job queue logs in as its own role, caseflow_jobs: it may read and write
 * the queue's schema and nothing else (no tenant data; the subscribers it runs
 * reach tenant data through the app's pool as caseflow_worker, naming the firm).
 * Like every role it is cluster-wide, so it is created only if missing. The
 * queue's private tables have row-level security on and no policy of their own:
 * caseflow_jobs sees every row of them through the policies caseflow_jobs_all
 * (server/db/sql/policies/graphile_worker.*).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'caseflow_jobs') THEN
        CREATE ROLE caseflow_jobs LOGIN NOINHERIT;
      END IF;
    END $$;
    GRANT USAGE ON SCHEMA graphile_worker TO caseflow_jobs;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO caseflow_jobs;
    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO caseflow_jobs;
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO caseflow_jobs;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE ALL ON ALL FUNCTIONS IN SCHEMA graphile_worker FROM caseflow_jobs;
    REVOKE ALL ON ALL SEQUENCES IN SCHEMA graphile_worker FROM caseflow_jobs;
    REVOKE ALL ON ALL TABLES IN SCHEMA graphile_worker FROM caseflow_jobs;
    REVOKE USAGE ON SCHEMA graphile_worker FROM caseflow_jobs;
  `);
}
