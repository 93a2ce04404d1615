/**
 * The audit trail: append-only for everyone. Request roles may insert into their
 * own tenant; staff may read it; no role may update or delete. The portal has no
 * SELECT, so an insert from a portal request must not ask for RETURNING.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE audit_events (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_type text NOT NULL CHECK (actor_type IN ('contact', 'staff', 'api_key', 'platform', 'system', 'anonymous')),
      actor_id uuid,
      impersonator_id uuid,
      action text NOT NULL,
      subject_type text,
      subject_id uuid,
      ip inet,
      user_agent text,
      request_id text,
      data jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (tenant_id, id)
    );
    CREATE INDEX audit_events_recent ON audit_events (tenant_id, occurred_at DESC, id DESC);
    ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
    GRANT INSERT ON audit_events TO caseflow_staff, caseflow_portal, caseflow_auth, caseflow_platform;
    GRANT SELECT ON audit_events TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE audit_events`);
}
