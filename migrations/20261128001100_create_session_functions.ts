/**
 * The entry points of every request transaction. They run as caseflow_auth (the
 * only role that may read sessions), check the tenant and the credential, and set
 * the caseflow.* settings that row-level security reads; the caller then switches
 * to its request role with SET LOCAL ROLE (a definer function cannot).
 *
 * Errors use our own SQLSTATEs so the server can map them without parsing text:
 * CF404 unknown or disabled tenant, CF401 no valid session.
 */
import type { Knex } from 'knex';

const enterTenant = `
CREATE FUNCTION caseflow.enter_tenant(p_slug text)
RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, plan text, locale text, currency text, timezone text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
DECLARE
  t public.tenants%ROWTYPE;
BEGIN
  SELECT * INTO t FROM public.tenants WHERE slug = p_slug AND status = 'active';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'tenant not found' USING ERRCODE = 'CF404';
  END IF;
  PERFORM set_config('caseflow.tenant_id', t.id::text, true);
  RETURN QUERY SELECT t.id, t.slug, t.name, t.plan, t.locale, t.currency::text, t.timezone;
END $$`;

/** Exported for the migration that replaces it, whose `down` brings it back. */
export const enterPortalSession = `
CREATE FUNCTION caseflow.enter_portal_session(p_slug text, p_token_hash bytea)
RETURNS TABLE (tenant_id uuid, tenant_slug text, tenant_name text, plan text, locale text, currency text, timezone text,
               session_id uuid, session_kind text, session_expires_at timestamptz,
               contact_id uuid, client_id uuid, impersonator_id uuid)
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

  SELECT ses.id, ses.kind, ses.expires_at, ses.last_seen_at, ses.contact_id, ses.impersonator_id, c.client_id
    INTO s
    FROM public.sessions ses
    JOIN public.contacts c ON c.tenant_id = ses.tenant_id AND c.id = ses.contact_id
   WHERE ses.tenant_id = t.id
     AND ses.token_hash = p_token_hash
     AND ses.audience = 'portal'
     AND ses.revoked_at IS NULL
     AND ses.expires_at > now()
     AND ses.last_seen_at + ses.idle_timeout > now()
     AND c.active
     AND (ses.kind <> 'login' OR c.portal_access);
  IF NOT FOUND THEN
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
                      s.id, s.kind, s.expires_at, s.contact_id, s.client_id, s.impersonator_id;
END $$`;

const endPortalSession = `
CREATE FUNCTION caseflow.end_portal_session()
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
AS $$
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = caseflow.current_tenant() AND id = caseflow.current_session() AND revoked_at IS NULL
$$`;

const schemaVersion = `
CREATE FUNCTION caseflow.schema_version()
RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, public
AS $$ BEGIN RETURN (SELECT max(name) FROM public.knex_migrations); END $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(enterTenant);
  await knex.raw(enterPortalSession);
  await knex.raw(endPortalSession);
  await knex.raw(schemaVersion);
  // Definer functions run as caseflow_auth, never as the owner of the tables.
  await knex.raw(`
    DO $$ BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT caseflow_auth TO %I', current_user);
      END IF;
    END $$;
    GRANT CREATE ON SCHEMA caseflow TO caseflow_auth;
    ALTER FUNCTION caseflow.enter_tenant(text) OWNER TO caseflow_auth;
    ALTER FUNCTION caseflow.enter_portal_session(text, bytea) OWNER TO caseflow_auth;
    ALTER FUNCTION caseflow.end_portal_session() OWNER TO caseflow_auth;
    REVOKE CREATE ON SCHEMA caseflow FROM caseflow_auth;
    REVOKE ALL ON FUNCTION caseflow.enter_tenant(text), caseflow.enter_portal_session(text, bytea),
                        caseflow.end_portal_session(), caseflow.schema_version() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION caseflow.enter_tenant(text), caseflow.enter_portal_session(text, bytea),
                              caseflow.schema_version() TO caseflow_app;
    GRANT EXECUTE ON FUNCTION caseflow.end_portal_session() TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP FUNCTION caseflow.schema_version();
    DROP FUNCTION caseflow.end_portal_session();
    DROP FUNCTION caseflow.enter_portal_session(text, bytea);
    DROP FUNCTION caseflow.enter_tenant(text);
  `);
}
