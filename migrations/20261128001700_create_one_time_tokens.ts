/**
 * Single-use links (set password, reset password, staff invite; impersonation
 * later). Hashed at rest, expiring, consumed atomically. Issuing a new one for
 * the same person and purpose revokes the old, inside caseflow.issue_one_time_token:
 * the request roles never read this table.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE one_time_tokens (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      token_hash bytea NOT NULL CHECK (length(token_hash) = 32),
      purpose text NOT NULL CHECK (purpose IN ('contact_welcome', 'contact_reset', 'staff_invite')),
      contact_id uuid,
      staff_user_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, token_hash),
      FOREIGN KEY (tenant_id, contact_id) REFERENCES contacts (tenant_id, id),
      FOREIGN KEY (tenant_id, staff_user_id) REFERENCES staff_users (tenant_id, id),
      CHECK ((contact_id IS NULL) <> (staff_user_id IS NULL))
    );
    CREATE INDEX one_time_tokens_open ON one_time_tokens (tenant_id, contact_id, staff_user_id)
      WHERE used_at IS NULL AND revoked_at IS NULL;
    ALTER TABLE one_time_tokens ENABLE ROW LEVEL SECURITY;
    ALTER TABLE one_time_tokens FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE (used_at, revoked_at) ON one_time_tokens TO caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE one_time_tokens`);
}
