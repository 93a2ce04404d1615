/**
 * Outgoing email, written in the same transaction as the change that causes it.
 * Request roles may only INSERT (the body is sealed with the tenant key because it
 * carries single-use links); the worker role delivers, retries, and purges the
 * body once the message is sent.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE email_outbox (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL,
      template text NOT NULL,
      to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
      subject text NOT NULL,
      sealed_body bytea,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      CHECK (status = 'pending' OR sealed_body IS NULL)
    );
    CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'pending';
    ALTER TABLE email_outbox ENABLE ROW LEVEL SECURITY;
    ALTER TABLE email_outbox FORCE ROW LEVEL SECURITY;
    GRANT INSERT (tenant_id, id, template, to_address, subject, sealed_body) ON email_outbox
      TO caseflow_staff, caseflow_portal, caseflow_auth, caseflow_platform;
    GRANT SELECT, UPDATE (sealed_body, status, attempts, next_attempt_at, last_error, sent_at) ON email_outbox
      TO caseflow_worker;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE email_outbox`);
}
