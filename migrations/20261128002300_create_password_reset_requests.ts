/**
 * "Forgot password" requests. The request itself only records one of these rows
 * (the same write whether or not the email belongs to an account, so neither the
 * answer nor its timing tells); the worker then looks the contact up, issues the
 * reset link and queues the email, and forgets the address.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE password_reset_requests (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      email text CHECK (length(email) <= 254),
      created_at timestamptz NOT NULL DEFAULT now(),
      processed_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      CHECK ((processed_at IS NULL) = (email IS NOT NULL))
    );
    CREATE INDEX password_reset_requests_due ON password_reset_requests (created_at) WHERE processed_at IS NULL;
    ALTER TABLE password_reset_requests ENABLE ROW LEVEL SECURITY;
    ALTER TABLE password_reset_requests FORCE ROW LEVEL SECURITY;
    GRANT INSERT (tenant_id, email) ON password_reset_requests TO caseflow_auth;
    GRANT SELECT, UPDATE (email, processed_at) ON password_reset_requests TO caseflow_worker;

    -- What the worker needs to act for one tenant at a time (it sets caseflow.tenant_id first).
    GRANT SELECT (tenant_id, id, first_name, email, active, portal_access) ON contacts TO caseflow_worker;
    GRANT INSERT ON tenant_keys TO caseflow_worker;
    GRANT INSERT (tenant_id, id, template, to_address, subject, sealed_body) ON email_outbox TO caseflow_worker;
    GRANT INSERT ON audit_events TO caseflow_worker;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE INSERT ON audit_events FROM caseflow_worker;
    REVOKE INSERT ON email_outbox FROM caseflow_worker;
    REVOKE INSERT ON tenant_keys FROM caseflow_worker;
    REVOKE SELECT ON contacts FROM caseflow_worker;
    DROP TABLE password_reset_requests;
  `);
}
