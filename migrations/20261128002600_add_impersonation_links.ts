/**
 * "Login as client" links (DESIGN §2): a single-use token of purpose
 * `impersonation`, naming the primary contact, the admin behind it and, when an
 * admin API key asked for it, that key. The preview session it opens records the
 * same admin and key, so revoking the key ends its previews, as demoting or
 * deactivating the admin does (enter_portal_session checks the admin).
 *
 * The functions that go with it live in server/db/sql/functions/:
 * issue_impersonation_link adds a link without touching the contact's other
 * open links (two previews may be opened side by side), issue_one_time_token
 * does not revoke impersonation links when a welcome or reset link is sent, and
 * revoke_api_key_previews is the trigger's.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE one_time_tokens
      DROP CONSTRAINT one_time_tokens_purpose_check,
      ADD CONSTRAINT one_time_tokens_purpose_check
        CHECK (purpose IN ('contact_welcome', 'contact_reset', 'staff_invite', 'impersonation')),
      ADD COLUMN impersonator_id uuid,
      ADD COLUMN impersonator_key_id uuid,
      ADD COLUMN reason text CHECK (length(reason) <= 500),
      ADD CONSTRAINT one_time_tokens_impersonator FOREIGN KEY (tenant_id, impersonator_id)
        REFERENCES staff_users (tenant_id, id),
      ADD CONSTRAINT one_time_tokens_impersonator_key FOREIGN KEY (tenant_id, impersonator_key_id)
        REFERENCES api_keys (tenant_id, id),
      ADD CONSTRAINT one_time_tokens_impersonation CHECK (
        (purpose = 'impersonation') = (impersonator_id IS NOT NULL)
        AND (purpose = 'impersonation' OR (impersonator_key_id IS NULL AND reason IS NULL))
      );
    ALTER TABLE sessions
      ADD COLUMN impersonator_key_id uuid,
      ADD CONSTRAINT sessions_impersonator_key FOREIGN KEY (tenant_id, impersonator_key_id)
        REFERENCES api_keys (tenant_id, id),
      ADD CONSTRAINT sessions_preview CHECK (
        (kind = 'preview') = (impersonator_id IS NOT NULL) AND (kind = 'preview' OR impersonator_key_id IS NULL)
      );
    CREATE INDEX sessions_impersonator_key ON sessions (tenant_id, impersonator_key_id)
      WHERE impersonator_key_id IS NOT NULL AND revoked_at IS NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX sessions_impersonator_key;
    ALTER TABLE sessions DROP CONSTRAINT sessions_preview, DROP COLUMN impersonator_key_id;
    DELETE FROM one_time_tokens WHERE purpose = 'impersonation';
    ALTER TABLE one_time_tokens
      DROP CONSTRAINT one_time_tokens_impersonation,
      DROP COLUMN reason, DROP COLUMN impersonator_key_id, DROP COLUMN impersonator_id,
      DROP CONSTRAINT one_time_tokens_purpose_check,
      ADD CONSTRAINT one_time_tokens_purpose_check CHECK (purpose IN ('contact_welcome', 'contact_reset', 'staff_invite'));
  `);
}
