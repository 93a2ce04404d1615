/**
 * Clients of a firm, numbered per firm. A portal request sees its own client only.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE clients (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      number integer NOT NULL CHECK (number > 0),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, number)
    );
    ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
    ALTER TABLE clients FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON clients TO caseflow_staff;
    GRANT SELECT ON clients TO caseflow_portal, caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE clients`);
}
