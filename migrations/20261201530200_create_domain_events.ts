/**
 * Domain events (DESIGN §10a): what happened to a firm's records, written by
 * services in the same transaction as the change. Append-only like the audit
 * log: the request roles may only INSERT (the portal without RETURNING, so ids
 * are made by the caller); the worker, acting for one firm, reads them to run
 * their subscribers. The trigger domain_events_enqueue and its function
 * caseflow.enqueue_job() (server/db/sql/) add one job per event carrying the
 * firm and the event id only — never a secret, a link or a body.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE domain_events (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL,
      type text NOT NULL CHECK (type ~ '^[a-z_]+(\\.[a-z_]+)+$'),
      subject_type text,
      subject_id uuid,
      actor_type text NOT NULL CHECK (actor_type IN ('contact', 'staff', 'api_key', 'platform', 'system', 'anonymous')),
      actor_id uuid,
      data jsonb NOT NULL DEFAULT '{}',
      occurred_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX domain_events_recent ON domain_events (tenant_id, occurred_at DESC, id DESC);
    ALTER TABLE domain_events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE domain_events FORCE ROW LEVEL SECURITY;
    GRANT INSERT ON domain_events TO caseflow_staff, caseflow_portal, caseflow_auth, caseflow_platform, caseflow_worker;
    GRANT SELECT ON domain_events TO caseflow_worker;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE domain_events;
  `);
}
