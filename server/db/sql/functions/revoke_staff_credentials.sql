-- Trigger function: a deactivated staff user loses its sessions and open links, whatever path made the change.
CREATE OR REPLACE FUNCTION caseflow.revoke_staff_credentials()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
BEGIN
  PERFORM set_config('caseflow.tenant_id', NEW.tenant_id::text, true);
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND staff_user_id = NEW.id AND revoked_at IS NULL;
  UPDATE public.one_time_tokens SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND staff_user_id = NEW.id AND used_at IS NULL AND revoked_at IS NULL;
  RETURN NULL;
END $function$;
ALTER FUNCTION caseflow.revoke_staff_credentials() OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.revoke_staff_credentials() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.revoke_staff_credentials() TO caseflow_staff, caseflow_platform;
