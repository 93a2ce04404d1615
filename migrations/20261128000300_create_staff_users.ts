/**
 * Firm staff. The portal may read names only (column grants); password hashes
 * are readable by the authentication role alone.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE staff_users (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      first_name text NOT NULL,
      last_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('admin', 'staff')),
      active boolean NOT NULL DEFAULT true,
      password_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX staff_users_email ON staff_users (tenant_id, lower(email));
    ALTER TABLE staff_users ENABLE ROW LEVEL SECURITY;
    ALTER TABLE staff_users FORCE ROW LEVEL SECURITY;
    GRANT SELECT (tenant_id, id, first_name, last_name) ON staff_users TO caseflow_portal;
    GRANT SELECT (tenant_id, id, email, first_name, last_name, role, active, created_at, updated_at),
          INSERT (tenant_id, id, email, first_name, last_name, role, active),
          UPDATE (email, first_name, last_name, role, active, updated_at)
      ON staff_users TO caseflow_staff, caseflow_platform;
    GRANT SELECT, UPDATE (password_hash, updated_at) ON staff_users TO caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE staff_users`);
}
