-- Adds a welcome, reset or invite link and revokes the person's open links of the same family
-- (impersonation links are not of it), so the request roles never read the tokens table.
CREATE OR REPLACE FUNCTION caseflow.issue_one_time_token(p_purpose text, p_contact_id uuid, p_staff_user_id uuid, p_token_hash bytea, p_ttl interval)
 RETURNS timestamp with time zone
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
DECLARE
  expires timestamptz := now() + p_ttl;
BEGIN
  -- A contact's welcome and reset links are one family: a new one kills any open one.
  UPDATE public.one_time_tokens SET revoked_at = now()
   WHERE tenant_id = caseflow.current_tenant()
     AND used_at IS NULL AND revoked_at IS NULL
     AND purpose <> 'impersonation'
     AND contact_id IS NOT DISTINCT FROM p_contact_id
     AND staff_user_id IS NOT DISTINCT FROM p_staff_user_id;
  INSERT INTO public.one_time_tokens (tenant_id, token_hash, purpose, contact_id, staff_user_id, expires_at)
  VALUES (caseflow.current_tenant(), p_token_hash, p_purpose, p_contact_id, p_staff_user_id, expires);
  RETURN expires;
END $function$;
ALTER FUNCTION caseflow.issue_one_time_token(p_purpose text, p_contact_id uuid, p_staff_user_id uuid, p_token_hash bytea, p_ttl interval) OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.issue_one_time_token(p_purpose text, p_contact_id uuid, p_staff_user_id uuid, p_token_hash bytea, p_ttl interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.issue_one_time_token(p_purpose text, p_contact_id uuid, p_staff_user_id uuid, p_token_hash bytea, p_ttl interval) TO caseflow_staff, caseflow_platform, caseflow_worker;
