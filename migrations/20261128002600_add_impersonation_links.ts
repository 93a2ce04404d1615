/**
 * "Login as client" links (DESIGN §2): a single-use token of purpose
 * `impersonation`, naming the primary contact, the admin behind it and, when an
 * admin API key asked for it, that key. The preview session it opens records the
 * same admin and key, so revoking the key ends its previews, as demoting or
 * deactivating the admin does (enter_portal_session checks the admin).
 *
 * - issue_impersonation_link adds a link without touching the contact's other
 *   open links (two previews may be opened side by side);
 * - issue_one_time_token no longer revokes impersonation links when a welcome or
 *   reset link is sent to the same contact (they are not one family).
 */
import type { Knex } from 'knex';

const issueOneTimeToken = (keepImpersonation: boolean) => `
CREATE OR REPLACE FUNCTION caseflow.issue_one_time_token(p_purpose text, p_contact_id uuid, p_staff_user_id uuid,
                                                         p_token_hash bytea, p_ttl interval)
RETURNS timestamptz
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  expires timestamptz := now() + p_ttl;
BEGIN
  -- A contact's welcome and reset links are one family: a new one kills any open one.
  UPDATE public.one_time_tokens SET revoked_at = now()
   WHERE tenant_id = caseflow.current_tenant()
     AND used_at IS NULL AND revoked_at IS NULL${keepImpersonation ? `\n     AND purpose <> 'impersonation'` : ''}
     AND contact_id IS NOT DISTINCT FROM p_contact_id
     AND staff_user_id IS NOT DISTINCT FROM p_staff_user_id;
  INSERT INTO public.one_time_tokens (tenant_id, token_hash, purpose, contact_id, staff_user_id, expires_at)
  VALUES (caseflow.current_tenant(), p_token_hash, p_purpose, p_contact_id, p_staff_user_id, expires);
  RETURN expires;
END $$`;

const issueImpersonationLink = `
CREATE FUNCTION caseflow.issue_impersonation_link(p_contact_id uuid, p_impersonator_id uuid, p_key_id uuid,
                                                  p_token_hash bytea, p_ttl interval, p_reason text)
RETURNS timestamptz
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
  INSERT INTO public.one_time_tokens (tenant_id, token_hash, purpose, contact_id, impersonator_id,
                                      impersonator_key_id, reason, expires_at)
  VALUES (caseflow.current_tenant(), p_token_hash, 'impersonation', p_contact_id, p_impersonator_id,
          p_key_id, p_reason, now() + p_ttl)
  RETURNING expires_at
$$`;

const revokeKeyPreviews = `
CREATE FUNCTION caseflow.revoke_api_key_previews()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM set_config('caseflow.tenant_id', NEW.tenant_id::text, true);
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND impersonator_key_id = NEW.id AND revoked_at IS NULL;
  UPDATE public.one_time_tokens SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND impersonator_key_id = NEW.id AND used_at IS NULL AND revoked_at IS NULL;
  RETURN NULL;
END $$`;

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
  for (const sql of [issueOneTimeToken(true), issueImpersonationLink, revokeKeyPreviews]) await knex.raw(sql);
  await knex.raw(`
    GRANT CREATE ON SCHEMA caseflow TO caseflow_auth;
    ALTER FUNCTION caseflow.issue_impersonation_link(uuid, uuid, uuid, bytea, interval, text) OWNER TO caseflow_auth;
    ALTER FUNCTION caseflow.revoke_api_key_previews() OWNER TO caseflow_auth;
    REVOKE CREATE ON SCHEMA caseflow FROM caseflow_auth;
    REVOKE ALL ON FUNCTION caseflow.issue_impersonation_link(uuid, uuid, uuid, bytea, interval, text),
                           caseflow.revoke_api_key_previews() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION caseflow.issue_impersonation_link(uuid, uuid, uuid, bytea, interval, text)
      TO caseflow_staff;
    GRANT EXECUTE ON FUNCTION caseflow.revoke_api_key_previews() TO caseflow_staff, caseflow_platform;
    CREATE TRIGGER api_keys_revoke_previews
      AFTER UPDATE OF revoked_at ON api_keys
      FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL)
      EXECUTE FUNCTION caseflow.revoke_api_key_previews();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER api_keys_revoke_previews ON api_keys;
    DROP FUNCTION caseflow.revoke_api_key_previews();
    DROP FUNCTION caseflow.issue_impersonation_link(uuid, uuid, uuid, bytea, interval, text);
    DROP INDEX sessions_impersonator_key;
    ALTER TABLE sessions DROP CONSTRAINT sessions_preview, DROP COLUMN impersonator_key_id;
    DELETE FROM one_time_tokens WHERE purpose = 'impersonation';
    ALTER TABLE one_time_tokens
      DROP CONSTRAINT one_time_tokens_impersonation,
      DROP COLUMN reason, DROP COLUMN impersonator_key_id, DROP COLUMN impersonator_id,
      DROP CONSTRAINT one_time_tokens_purpose_check,
      ADD CONSTRAINT one_time_tokens_purpose_check CHECK (purpose IN ('contact_welcome', 'contact_reset', 'staff_invite'));
  `);
  await knex.raw(issueOneTimeToken(false));
}
