-- The entry point of a portal request: checks the session for its kind (login and minted: an active,
-- portal-enabled contact; preview: an active contact and an impersonator who is still an active admin),
-- slides its idle timeout, sets caseflow.tenant_id, session_id, contact_id and client_id, and returns the
-- scope; server/db/request-transaction.ts declares its columns as PortalScope.
-- Errors: CF404 unknown or disabled firm, CF401 no valid session.
CREATE OR REPLACE FUNCTION caseflow.enter_portal_session(p_slug text, p_token_hash bytea)
 RETURNS TABLE(tenant_id uuid, tenant_slug text, tenant_name text, plan text, locale text, currency text, timezone text, session_id uuid, session_kind text, session_expires_at timestamp with time zone, contact_id uuid, client_id uuid, impersonator_id uuid, permissions text[], minted_by_type text, minted_by_id uuid)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
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
END $function$;
ALTER FUNCTION caseflow.enter_portal_session(p_slug text, p_token_hash bytea) OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.enter_portal_session(p_slug text, p_token_hash bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.enter_portal_session(p_slug text, p_token_hash bytea) TO caseflow_app;
