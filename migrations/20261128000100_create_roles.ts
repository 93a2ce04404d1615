/**
 * Creates the database roles the application switches between, and the schema
 * that holds the functions row-level security policies read the request's scope
 * from (caseflow.current_tenant() and its siblings: server/db/sql/functions/).
 *
 * Roles belong to the whole cluster, so they are created only when missing:
 * several databases (every test database, for one) share them. For the same
 * reason `down` leaves the roles in place and drops only this database's schema.
 */
import type { Knex } from 'knex';

const requestRoles = ['caseflow_auth', 'caseflow_staff', 'caseflow_portal', 'caseflow_platform'];

export async function up(knex: Knex): Promise<void> {
  for (const role of requestRoles) {
    await knex.raw(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
          CREATE ROLE ${role} NOLOGIN NOINHERIT;
        END IF;
      END $$`);
  }
  await knex.raw(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'caseflow_app') THEN
        CREATE ROLE caseflow_app LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
      END IF;
    END $$`);
  await knex.raw(`GRANT ${requestRoles.join(', ')} TO caseflow_app`);

  await knex.raw(`CREATE SCHEMA caseflow`);
  await knex.raw(`GRANT USAGE ON SCHEMA caseflow TO caseflow_app, ${requestRoles.join(', ')}`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP SCHEMA caseflow CASCADE`);
}
