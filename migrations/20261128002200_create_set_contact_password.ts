/**
 * An admin may set a contact's password (DESIGN §2) without the staff role ever
 * reading or writing credential columns directly: this definer function, owned by
 * caseflow_auth, stores the new hash and ends the contact's sessions.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION caseflow.set_contact_password(p_contact_id uuid, p_password_hash text)
    RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public
    AS $$
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
    END $$;
    GRANT CREATE ON SCHEMA caseflow TO caseflow_auth;
    ALTER FUNCTION caseflow.set_contact_password(uuid, text) OWNER TO caseflow_auth;
    REVOKE CREATE ON SCHEMA caseflow FROM caseflow_auth;
    REVOKE ALL ON FUNCTION caseflow.set_contact_password(uuid, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION caseflow.set_contact_password(uuid, text) TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP FUNCTION caseflow.set_contact_password(uuid, text)`);
}
