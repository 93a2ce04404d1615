/**
 * Client contacts: the people who log in to the portal. A client has at most one
 * primary contact (partial unique index). The portal reads its own client's
 * contacts without the password hash; only the authentication role reads it.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE contacts (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      first_name text NOT NULL,
      last_name text NOT NULL,
      email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
      is_primary boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      portal_access boolean NOT NULL DEFAULT false,
      password_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id)
    );
    CREATE UNIQUE INDEX contacts_email ON contacts (tenant_id, lower(email));
    CREATE UNIQUE INDEX contacts_one_primary ON contacts (tenant_id, client_id) WHERE is_primary;
    CREATE INDEX contacts_client ON contacts (tenant_id, client_id);
    ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
    ALTER TABLE contacts FORCE ROW LEVEL SECURITY;
    GRANT SELECT (tenant_id, id, client_id, first_name, last_name, email, is_primary, active, portal_access, created_at, updated_at)
      ON contacts TO caseflow_portal, caseflow_staff;
    GRANT INSERT (tenant_id, id, client_id, first_name, last_name, email, is_primary, active, portal_access),
          UPDATE (first_name, last_name, email, is_primary, active, portal_access, updated_at)
      ON contacts TO caseflow_staff;
    GRANT SELECT, UPDATE (password_hash, updated_at) ON contacts TO caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE contacts`);
}
