-- Logout: revokes the request's own staff session (owned by caseflow_auth, the only role that writes sessions).
CREATE OR REPLACE FUNCTION caseflow.end_staff_session()
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = caseflow.current_tenant() AND id = caseflow.current_session()
     AND audience = 'staff' AND revoked_at IS NULL
$function$;
ALTER FUNCTION caseflow.end_staff_session() OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.end_staff_session() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.end_staff_session() TO caseflow_staff;
