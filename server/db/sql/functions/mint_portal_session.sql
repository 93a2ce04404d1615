-- A minted portal session (a firm's own SSO) for an active, portal-enabled contact, without the staff role
-- writing the sessions table; returns no row when the contact may not have one.
CREATE OR REPLACE FUNCTION caseflow.mint_portal_session(p_contact_id uuid, p_token_hash bytea, p_lifetime interval, p_minted_by_type text, p_minted_by_id uuid)
 RETURNS TABLE(session_id uuid, expires_at timestamp with time zone)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
    BEGIN
      IF NOT EXISTS (
        SELECT FROM public.contacts c
         WHERE c.tenant_id = caseflow.current_tenant() AND c.id = p_contact_id AND c.active AND c.portal_access
      ) THEN
        RETURN;
      END IF;
      RETURN QUERY
        INSERT INTO public.sessions AS s (tenant_id, token_hash, audience, kind, contact_id, idle_timeout, expires_at,
                                          minted_by_type, minted_by_id)
        VALUES (caseflow.current_tenant(), p_token_hash, 'portal', 'minted', p_contact_id, p_lifetime,
                now() + p_lifetime, p_minted_by_type, p_minted_by_id)
        RETURNING s.id, s.expires_at;
    END $function$;
ALTER FUNCTION caseflow.mint_portal_session(p_contact_id uuid, p_token_hash bytea, p_lifetime interval, p_minted_by_type text, p_minted_by_id uuid) OWNER TO caseflow_auth;
REVOKE ALL ON FUNCTION caseflow.mint_portal_session(p_contact_id uuid, p_token_hash bytea, p_lifetime interval, p_minted_by_type text, p_minted_by_id uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseflow.mint_portal_session(p_contact_id uuid, p_token_hash bytea, p_lifetime interval, p_minted_by_type text, p_minted_by_id uuid) TO caseflow_staff;
