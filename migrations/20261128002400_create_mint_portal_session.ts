/**
 * Minted portal sessions (a firm's own SSO): the admin API may create one for an
 * active, portal-enabled contact without the staff role ever writing the sessions
 * table itself. Returns NULL when the contact may not have one.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION caseflow.mint_portal_session(p_contact_id uuid, p_token_hash bytea, p_lifetime interval,
                                                 p_minted_by_type text, p_minted_by_id uuid)
    RETURNS TABLE (session_id uuid, expires_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
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
    END $$;
    GRANT CREATE ON SCHEMA caseflow TO caseflow_auth;
    ALTER FUNCTION caseflow.mint_portal_session(uuid, bytea, interval, text, uuid) OWNER TO caseflow_auth;
    REVOKE CREATE ON SCHEMA caseflow FROM caseflow_auth;
    REVOKE ALL ON FUNCTION caseflow.mint_portal_session(uuid, bytea, interval, text, uuid) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION caseflow.mint_portal_session(uuid, bytea, interval, text, uuid) TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP FUNCTION caseflow.mint_portal_session(uuid, bytea, interval, text, uuid)`);
}
