/**
 * The keyring's per-tenant keys, each wrapped (AES-256-GCM) by the master key,
 * which never reaches the database. A wrapped key is useless without it, so the
 * roles that seal or open data may read and add them for their own tenant.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE tenant_keys (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      version integer NOT NULL CHECK (version > 0),
      wrapped_key bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, version)
    );
    ALTER TABLE tenant_keys ENABLE ROW LEVEL SECURITY;
    ALTER TABLE tenant_keys FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT ON tenant_keys TO caseflow_staff, caseflow_portal, caseflow_auth, caseflow_platform;
    GRANT SELECT ON tenant_keys TO caseflow_worker;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE tenant_keys`);
}
