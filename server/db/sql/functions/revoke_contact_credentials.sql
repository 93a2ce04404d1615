-- Trigger function: a contact deactivated or losing portal access loses its sessions and open links, whatever path made the change.
CREATE OR REPLACE FUNCTION caseflow.revoke_contact_credentials()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
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
END $function$;
ALTER FUNCTION caseflow.revoke_contact_credentials() OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.revoke_contact_credentials() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.revoke_contact_credentials() TO caseflow_staff, caseflow_platform;
