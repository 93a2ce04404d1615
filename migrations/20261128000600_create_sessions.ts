/**
 * Sessions of contacts (portal) and staff. Only the SHA-256 of a token is kept;
 * only the authentication role can read the table at all.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE sessions (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
      audience text NOT NULL CHECK (audience IN ('portal', 'staff')),
      kind text NOT NULL CHECK (kind IN ('login', 'preview', 'minted')),
      contact_id uuid,
      staff_user_id uuid,
      impersonator_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      idle_timeout interval NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      ip inet,
      user_agent text,
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, token_hash),
      FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
      FOREIGN KEY (tenant_id, staff_user_id) REFERENCES staff_users (tenant_id, id),
      FOREIGN KEY (tenant_id, impersonator_id) REFERENCES staff_users (tenant_id, id),
      CHECK ((audience = 'portal') = (contact_id IS NOT NULL)),
      CHECK ((audience = 'staff') = (staff_user_id IS NOT NULL))
    );
    CREATE INDEX sessions_contact ON sessions (tenant_id, contact_id) WHERE revoked_at IS NULL;
    ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
    ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE (last_seen_at, revoked_at) ON sessions TO caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE sessions`);
}
