-- Logout: revokes the request's own portal session (owned by caseflow_auth, the only role that writes sessions).
CREATE OR REPLACE FUNCTION caseflow.end_portal_session()
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = caseflow.current_tenant() AND id = caseflow.current_session() AND revoked_at IS NULL
$function$;
ALTER FUNCTION caseflow.end_portal_session() OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.end_portal_session() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.end_portal_session() TO caseflow_portal;
