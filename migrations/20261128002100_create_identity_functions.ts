/**
 * Credential checks and credential side effects, as definer functions owned by
 * caseflow_auth (the only role that reads hashes and sessions):
 *
 * - enter_portal_session is replaced: each session kind is checked for what it
 *   needs (login and minted: an active, portal-enabled contact; preview: an active
 *   contact and an impersonator who is still an active admin), and it returns the
 *   contact's permissions and who minted the session;
 * - enter_admin checks a staff session or an API key;
 * - issue_one_time_token revokes the person's open links of the same family and
 *   adds the new one, so the request roles never read the tokens table;
 * - triggers revoke a contact's sessions and links when it is deactivated or loses
 *   portal access, and a staff user's when deactivated, whatever path made the change.
 */
import type { Knex } from 'knex';
import { enterPortalSession as previousEnterPortalSession } from './20261128001100_create_session_functions.js';

const enterPortalSession = `
CREATE FUNCTION caseflow.enter_portal_session(p_slug text, p_token_hash bytea)
RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, plan text, locale text, currency text, timezone text,
               session_id uuid, session_kind text, session_expires_at timestamptz,
               contact_id uuid, client_id uuid, impersonator_id uuid, permissions text[],
               minted_by_type text, minted_by_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  t public.tenants%ROWTYPE;
  s record;
BEGIN
  SELECT * INTO t FROM public.tenants WHERE slug = p_slug AND status = 'active';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tenant not found' USING ERRCODE = 'CF404';
  END IF;
  PERFORM set_config('caseflow.tenant_id', t.id::text, true);

  SELECT ses.id, ses.kind, ses.expires_at, ses.last_seen_at, ses.contact_id, ses.impersonator_id,
         ses.minted_by_type, ses.minted_by_id, c.client_id, c.permissions, c.portal_access
    INTO s
    FROM public.sessions ses
    JOIN public.contacts c ON c.tenant_id = ses.tenant_id AND c.id = ses.contact_id
   WHERE ses.tenant_id = t.id
     AND ses.token_hash = p_token_hash
     AND ses.audience = 'portal'
     AND ses.revoked_at IS NULL
     AND ses.expires_at > now()
     AND ses.last_seen_at + ses.idle_timeout > now()
     AND c.active;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no valid session' USING ERRCODE = 'CF401';
  END IF;
  -- A preview needs no portal access but an impersonator who is still an active admin.
  IF s.kind = 'preview' THEN
    IF NOT EXISTS (SELECT FROM public.staff_users su
                    WHERE su.tenant_id = t.id AND su.id = s.impersonator_id AND su.active AND su.role = 'admin') THEN
      RAISE EXCEPTION 'no valid session' USING ERRCODE = 'CF401';
    END IF;
  ELSIF NOT s.portal_access THEN
    RAISE EXCEPTION 'no valid session' USING ERRCODE = 'CF401';
  END IF;
  -- Sliding idle timeout, written at most once a minute to keep reads read-only.
  IF s.last_seen_at < now() - interval '1 minute' THEN
    UPDATE public.sessions SET last_seen_at = now() WHERE sessions.tenant_id = t.id AND id = s.id;
  END IF;
  PERFORM set_config('caseflow.session_id', s.id::text, true);
  PERFORM set_config('caseflow.contact_id', s.contact_id::text, true);
  PERFORM set_config('caseflow.client_id', s.client_id::text, true);
  RETURN QUERY SELECT t.id, t.slug, t.name, t.plan, t.locale, t.currency::text, t.timezone,
                      s.id, s.kind, s.expires_at, s.contact_id, s.client_id, s.impersonator_id, s.permissions,
                      s.minted_by_type, s.minted_by_id;
END $$`;

const enterAdmin = `
CREATE FUNCTION caseflow.enter_admin(p_slug text, p_kind text, p_token_hash bytea)
RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, plan text, locale text, currency text, timezone text,
               principal_type text, principal_id uuid, role text, scopes text[], session_id uuid)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  t public.tenants%ROWTYPE;
  s record;
BEGIN
  SELECT * INTO t FROM public.tenants WHERE slug = p_slug AND status = 'active';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tenant not found' USING ERRCODE = 'CF404';
  END IF;
  PERFORM set_config('caseflow.tenant_id', t.id::text, true);

  IF p_kind = 'session' THEN
    SELECT ses.id AS session_id, ses.last_seen_at, su.id AS principal_id, su.role
      INTO s
      FROM public.sessions ses
      JOIN public.staff_users su ON su.tenant_id = ses.tenant_id AND su.id = ses.staff_user_id
     WHERE ses.tenant_id = t.id
       AND ses.token_hash = p_token_hash
       AND ses.audience = 'staff'
       AND ses.revoked_at IS NULL
       AND ses.expires_at > now()
       AND ses.last_seen_at + ses.idle_timeout > now()
       AND su.active;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no valid session' USING ERRCODE = 'CF401';
    END IF;
    IF s.last_seen_at < now() - interval '1 minute' THEN
      UPDATE public.sessions SET last_seen_at = now() WHERE sessions.tenant_id = t.id AND id = s.session_id;
    END IF;
    PERFORM set_config('caseflow.session_id', s.session_id::text, true);
    RETURN QUERY SELECT t.id, t.slug, t.name, t.plan, t.locale, t.currency::text, t.timezone,
                        'staff'::text, s.principal_id, s.role, '{}'::text[], s.session_id;
  ELSIF p_kind = 'api_key' THEN
    SELECT k.id AS principal_id, k.role, k.scopes, k.last_used_at
      INTO s
      FROM public.api_keys k
     WHERE k.tenant_id = t.id AND k.key_hash = p_token_hash AND k.revoked_at IS NULL;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'no valid key' USING ERRCODE = 'CF401';
    END IF;
    IF s.last_used_at IS NULL OR s.last_used_at < now() - interval '1 minute' THEN
      UPDATE public.api_keys SET last_used_at = now() WHERE api_keys.tenant_id = t.id AND id = s.principal_id;
    END IF;
    RETURN QUERY SELECT t.id, t.slug, t.name, t.plan, t.locale, t.currency::text, t.timezone,
                        'api_key'::text, s.principal_id, s.role, s.scopes, NULL::uuid;
  ELSE
    RAISE EXCEPTION 'no valid credential' USING ERRCODE = 'CF401';
  END IF;
END $$`;

const endStaffSession = `
CREATE FUNCTION caseflow.end_staff_session()
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = caseflow.current_tenant() AND id = caseflow.current_session()
     AND audience = 'staff' AND revoked_at IS NULL
$$`;

const issueOneTimeToken = `
CREATE FUNCTION caseflow.issue_one_time_token(p_purpose text, p_contact_id uuid, p_staff_user_id uuid,
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
     AND used_at IS NULL AND revoked_at IS NULL
     AND contact_id IS NOT DISTINCT FROM p_contact_id
     AND staff_user_id IS NOT DISTINCT FROM p_staff_user_id;
  INSERT INTO public.one_time_tokens (tenant_id, token_hash, purpose, contact_id, staff_user_id, expires_at)
  VALUES (caseflow.current_tenant(), p_token_hash, p_purpose, p_contact_id, p_staff_user_id, expires);
  RETURN expires;
END $$`;

const contactRevocation = `
CREATE FUNCTION caseflow.revoke_contact_credentials()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  -- Row-level security reads the tenant setting: name the row's own tenant, so the
  -- revocation also happens when the owner role makes the change (maintenance).
  PERFORM set_config('caseflow.tenant_id', NEW.tenant_id::text, true);
  -- Deactivation ends every session; losing portal access ends all but previews,
  -- which need no portal access.
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND contact_id = NEW.id AND revoked_at IS NULL
     AND (NOT NEW.active OR kind <> 'preview');
  UPDATE public.one_time_tokens SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND contact_id = NEW.id AND used_at IS NULL AND revoked_at IS NULL;
  RETURN NULL;
END $$`;

const staffRevocation = `
CREATE FUNCTION caseflow.revoke_staff_credentials()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
BEGIN
  PERFORM set_config('caseflow.tenant_id', NEW.tenant_id::text, true);
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND staff_user_id = NEW.id AND revoked_at IS NULL;
  UPDATE public.one_time_tokens SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND staff_user_id = NEW.id AND used_at IS NULL AND revoked_at IS NULL;
  RETURN NULL;
END $$`;

const functions = [
  'caseflow.enter_portal_session(text, bytea)',
  'caseflow.enter_admin(text, text, bytea)',
  'caseflow.end_staff_session()',
  'caseflow.issue_one_time_token(text, uuid, uuid, bytea, interval)',
  'caseflow.revoke_contact_credentials()',
  'caseflow.revoke_staff_credentials()',
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`DROP FUNCTION caseflow.enter_portal_session(text, bytea)`);
  for (const sql of [
    enterPortalSession,
    enterAdmin,
    endStaffSession,
    issueOneTimeToken,
    contactRevocation,
    staffRevocation,
  ]) {
    await knex.raw(sql);
  }
  await knex.raw(`
    GRANT CREATE ON SCHEMA caseflow TO caseflow_auth;
    ${functions.map((f) => `ALTER FUNCTION ${f} OWNER TO caseflow_auth;`).join('\n')}
    REVOKE CREATE ON SCHEMA caseflow FROM caseflow_auth;
    ${functions.map((f) => `REVOKE ALL ON FUNCTION ${f} FROM PUBLIC;`).join('\n')}
    GRANT EXECUTE ON FUNCTION caseflow.enter_portal_session(text, bytea), caseflow.enter_admin(text, text, bytea)
      TO caseflow_app;
    GRANT EXECUTE ON FUNCTION caseflow.end_staff_session() TO caseflow_staff;
    GRANT EXECUTE ON FUNCTION caseflow.issue_one_time_token(text, uuid, uuid, bytea, interval)
      TO caseflow_staff, caseflow_auth, caseflow_platform;
    GRANT EXECUTE ON FUNCTION caseflow.revoke_contact_credentials(), caseflow.revoke_staff_credentials()
      TO caseflow_staff, caseflow_auth, caseflow_platform;
    CREATE TRIGGER contacts_revoke_credentials
      AFTER UPDATE OF active, portal_access ON contacts
      FOR EACH ROW WHEN ((OLD.active AND NOT NEW.active) OR (OLD.portal_access AND NOT NEW.portal_access))
      EXECUTE FUNCTION caseflow.revoke_contact_credentials();
    CREATE TRIGGER staff_users_revoke_credentials
      AFTER UPDATE OF active ON staff_users
      FOR EACH ROW WHEN (OLD.active AND NOT NEW.active)
      EXECUTE FUNCTION caseflow.revoke_staff_credentials();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TRIGGER staff_users_revoke_credentials ON staff_users;
    DROP TRIGGER contacts_revoke_credentials ON contacts;
    DROP FUNCTION caseflow.revoke_staff_credentials();
    DROP FUNCTION caseflow.revoke_contact_credentials();
    DROP FUNCTION caseflow.issue_one_time_token(text, uuid, uuid, bytea, interval);
    DROP FUNCTION caseflow.end_staff_session();
    DROP FUNCTION caseflow.enter_admin(text, text, bytea);
    DROP FUNCTION caseflow.enter_portal_session(text, bytea);
  `);
  await knex.raw(previousEnterPortalSession);
  await knex.raw(`
    GRANT CREATE ON SCHEMA caseflow TO caseflow_auth;
    ALTER FUNCTION caseflow.enter_portal_session(text, bytea) OWNER TO caseflow_auth;
    REVOKE CREATE ON SCHEMA caseflow FROM caseflow_auth;
    REVOKE ALL ON FUNCTION caseflow.enter_portal_session(text, bytea) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION caseflow.enter_portal_session(text, bytea) TO caseflow_app;
  `);
}
