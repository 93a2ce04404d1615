-- An admin sets a contact's password without the staff role touching credential columns: stores the hash, ends the contact's sessions and links.
CREATE OR REPLACE FUNCTION caseflow.set_contact_password(p_contact_id uuid, p_password_hash text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
    BEGIN
      UPDATE public.contacts SET password_hash = p_password_hash, updated_at = now()
       WHERE tenant_id = caseflow.current_tenant() AND id = p_contact_id;
      IF NOT FOUND THEN
        RETURN false;
      END IF;
      UPDATE public.sessions SET revoked_at = now()
       WHERE tenant_id = caseflow.current_tenant() AND contact_id = p_contact_id AND revoked_at IS NULL;
      UPDATE public.one_time_tokens SET revoked_at = now()
       WHERE tenant_id = caseflow.current_tenant() AND contact_id = p_contact_id
         AND used_at IS NULL AND revoked_at IS NULL;
      RETURN true;
    END $function$;
ALTER FUNCTION caseflow.set_contact_password(p_contact_id uuid, p_password_hash text) OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.set_contact_password(p_contact_id uuid, p_password_hash text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.set_contact_password(p_contact_id uuid, p_password_hash text) TO caseflow_staff;
