-- Trigger function: revoking an API key ends the previews it opened.
CREATE OR REPLACE FUNCTION caseflow.revoke_api_key_previews()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
BEGIN
  PERFORM set_config('caseflow.tenant_id', NEW.tenant_id::text, true);
  UPDATE public.sessions SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND impersonator_key_id = NEW.id AND revoked_at IS NULL;
  UPDATE public.one_time_tokens SET revoked_at = now()
   WHERE tenant_id = NEW.tenant_id AND impersonator_key_id = NEW.id AND used_at IS NULL AND revoked_at IS NULL;
  RETURN NULL;
END $function$;
ALTER FUNCTION caseflow.revoke_api_key_previews() OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.revoke_api_key_previews() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.revoke_api_key_previews() TO caseflow_staff, caseflow_platform;
