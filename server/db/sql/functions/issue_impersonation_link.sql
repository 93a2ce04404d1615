-- Adds a "login as client" link without touching the contact's other open links (two previews may be open side by side).
CREATE OR REPLACE FUNCTION caseflow.issue_impersonation_link(p_contact_id uuid, p_impersonator_id uuid, p_key_id uuid, p_token_hash bytea, p_ttl interval, p_reason text)
 RETURNS timestamp with time zone
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
  INSERT INTO public.one_time_tokens (tenant_id, token_hash, purpose, contact_id, impersonator_id,
                                      impersonator_key_id, reason, expires_at)
  VALUES (caseflow.current_tenant(), p_token_hash, 'impersonation', p_contact_id, p_impersonator_id,
          p_key_id, p_reason, now() + p_ttl)
  RETURNING expires_at
$function$;
ALTER FUNCTION caseflow.issue_impersonation_link(p_contact_id uuid, p_impersonator_id uuid, p_key_id uuid, p_token_hash bytea, p_ttl interval, p_reason text) OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.issue_impersonation_link(p_contact_id uuid, p_impersonator_id uuid, p_key_id uuid, p_token_hash bytea, p_ttl interval, p_reason text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.issue_impersonation_link(p_contact_id uuid, p_impersonator_id uuid, p_key_id uuid, p_token_hash bytea, p_ttl interval, p_reason text) TO caseflow_staff;
