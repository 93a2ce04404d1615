/**
 * Idempotency keys (DESIGN §5): the first answer of a money-moving POST, per
 * firm, principal and key, for 24 hours. The row is inserted in the request's own
 * transaction before the work and completed with the answer at its end, so a
 * concurrent duplicate waits on the primary key until the first commits (then
 * replays its answer) or rolls back (then does the work itself). Expired rows are
 * ignored and overwritten. A contact sees only its own keys.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE idempotency_keys (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      principal text NOT NULL CHECK (length(principal) BETWEEN 1 AND 100),
      key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
      request_hash text NOT NULL,
      status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
      response_status integer,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, principal, key)
    );
    ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
    ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON idempotency_keys TO caseflow_staff, caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE idempotency_keys`);
}
