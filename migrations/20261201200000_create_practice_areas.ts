/**
 * Practice areas: a per-firm list (Family law, Real estate…) that matters are
 * filed under and financial reports group by. Names are unique per firm without
 * regard to case; an area is archived rather than deleted, so the matters that
 * use it keep it. Staff-only: the portal role gets no grant.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE practice_areas (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    );
    CREATE UNIQUE INDEX practice_areas_name ON practice_areas (tenant_id, lower(name));
    ALTER TABLE practice_areas ENABLE ROW LEVEL SECURITY;
    ALTER TABLE practice_areas FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON practice_areas TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE practice_areas`);
}
