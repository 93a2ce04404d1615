/**
 * Conflict checks: who ran a search for which parties, and its result. The
 * searched parties are kept as they were typed (jsonb, in order); the matches are
 * in conflict_check_matches. Who ran it is a staff user or an API key
 * (polymorphic, like the audit trail, so no foreign key). Staff-only: no grant to
 * the portal role. Checks are records of what was known at the time: never
 * updated or deleted.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE conflict_checks (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      parties jsonb NOT NULL CHECK (jsonb_typeof(parties) = 'array' AND jsonb_array_length(parties) BETWEEN 1 AND 20),
      result text NOT NULL CHECK (result IN ('clear', 'potential_conflict')),
      matter_id uuid,
      lead_id uuid,
      note text CHECK (length(note) BETWEEN 1 AND 2000),
      run_by_type text NOT NULL CHECK (run_by_type IN ('staff', 'api_key')),
      run_by_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, matter_id) REFERENCES matters (tenant_id, id),
      FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id)
    );
    CREATE INDEX conflict_checks_created ON conflict_checks (tenant_id, created_at DESC, id DESC);
    ALTER TABLE conflict_checks ENABLE ROW LEVEL SECURITY;
    ALTER TABLE conflict_checks FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT ON conflict_checks TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE conflict_checks`);
}
