-- The entry point of an admin request: checks a staff session or an API key of an active firm, sets
-- caseflow.tenant_id (and the session) and returns the scope; server/db/request-transaction.ts declares its
-- columns as AdminScope. Errors: CF404 unknown or disabled firm, CF401 no valid credential.
CREATE OR REPLACE FUNCTION caseflow.enter_admin(p_slug text, p_kind text, p_token_hash bytea)
 RETURNS TABLE(tenant_id uuid, tenant_slug text, tenant_name text, plan text, locale text, currency text, timezone text, principal_type text, principal_id uuid, role text, scopes text[], session_id uuid)
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
END $function$;
ALTER FUNCTION caseflow.enter_admin(p_slug text, p_kind text, p_token_hash bytea) OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.enter_admin(p_slug text, p_kind text, p_token_hash bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.enter_admin(p_slug text, p_kind text, p_token_hash bytea) TO caseflow_app;
