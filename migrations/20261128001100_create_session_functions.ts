/**
 * The entry points of every request transaction run as caseflow_auth (the only
 * role that may read sessions): enter_tenant, enter_portal_session,
 * end_portal_session and schema_version, defined in server/db/sql/functions/
 * and applied by the repeatable step after the migrations. What stays here is
 * the grant that step needs: the migrating role must be a member of
 * caseflow_auth to hand a definer function to it (a superuser is one already).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    DO $$ BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT caseflow_auth TO %I', current_user);
      END IF;
    END $$;
  `);
}

export async function down(): Promise<void> {
  // The membership stays: roles belong to the cluster, and other databases may rely on it.
}
