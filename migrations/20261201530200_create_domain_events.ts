/**
 * Domain events (DESIGN §10a): what happened to a firm's records, written by
 * services in the same transaction as the change. Append-only like the audit
 * log: the request roles may only INSERT (the portal without RETURNING, so ids
 * are made by the caller); the worker, acting for one firm, reads them to run
 * their subscribers. caseflow.enqueue_job() (SECURITY DEFINER, the owner's, so
 * no request role needs a grant on the queue) adds one job per event carrying
 * the firm and the event id only — never a secret, a link or a body.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION caseflow.enqueue_job() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
    BEGIN
      -- TG_ARGV: the task, the payload's name for the row id, the attempts before the job is dead.
      PERFORM graphile_worker.add_job(
        TG_ARGV[0],
        json_build_object('tenant_id', NEW.tenant_id, TG_ARGV[1], NEW.id),
        max_attempts => TG_ARGV[2]::integer
      );
      RETURN NULL;
    END $$;
    REVOKE ALL ON FUNCTION caseflow.enqueue_job() FROM PUBLIC;

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
    CREATE POLICY domain_events_append ON domain_events FOR INSERT
      TO caseflow_staff, caseflow_portal, caseflow_auth, caseflow_platform, caseflow_worker
      WITH CHECK (tenant_id = caseflow.current_tenant());
    CREATE POLICY domain_events_worker ON domain_events FOR SELECT TO caseflow_worker
      USING (tenant_id = caseflow.current_tenant());
    GRANT INSERT ON domain_events TO caseflow_staff, caseflow_portal, caseflow_auth, caseflow_platform, caseflow_worker;
    GRANT SELECT ON domain_events TO caseflow_worker;
    CREATE TRIGGER domain_events_enqueue AFTER INSERT ON domain_events
      FOR EACH ROW EXECUTE FUNCTION caseflow.enqueue_job('domain_event', 'event_id', '25');
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE domain_events;
    DROP FUNCTION caseflow.enqueue_job();
  `);
}
