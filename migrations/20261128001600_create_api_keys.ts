/**
 * API keys of a firm: they act with the role they were created with (admin or
 * staff), or with one narrow scope. Only the SHA-256 of the secret is stored and
 * only the authentication role reads it; staff see the rest.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE api_keys (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      role text NOT NULL CHECK (role IN ('admin', 'staff')),
      scopes text[] NOT NULL DEFAULT '{}' CHECK (scopes <@ ARRAY['portal_sessions:mint']::text[]),
      prefix text NOT NULL,
      key_hash bytea NOT NULL CHECK (length(key_hash) = 32),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, key_hash),
      FOREIGN KEY (tenant_id, created_by) REFERENCES staff_users (tenant_id, id)
    );
    CREATE INDEX api_keys_recent ON api_keys (tenant_id, created_at DESC, id DESC);
    ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
    ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
    GRANT SELECT (tenant_id, id, name, role, scopes, prefix, created_by, created_at, last_used_at, revoked_at),
          INSERT (tenant_id, id, name, role, scopes, prefix, key_hash, created_by),
          UPDATE (revoked_at)
      ON api_keys TO caseflow_staff;
    GRANT SELECT, UPDATE (last_used_at) ON api_keys TO caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE api_keys`);
}
