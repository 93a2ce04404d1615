/**
 * What a conflict check found: for each searched party (its position in the
 * check's list), the record (kind and id), the record's name and email as they
 * were when the check ran, and whether the name or the email matched. No foreign
 * key to the record: it names one of four tables, and the match must outlive a
 * removed matter party. Staff-only: no grant to the portal role.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE conflict_check_matches (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      check_id uuid NOT NULL,
      position integer NOT NULL CHECK (position >= 0),
      party_index integer NOT NULL CHECK (party_index BETWEEN 0 AND 19),
      kind text NOT NULL CHECK (kind IN ('client', 'contact', 'matter_party', 'lead')),
      record_id uuid NOT NULL,
      matched_name text NOT NULL,
      matched_email text,
      matched_on text NOT NULL CHECK (matched_on IN ('name', 'email')),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, check_id, position),
      FOREIGN KEY (tenant_id, check_id) REFERENCES conflict_checks (tenant_id, id)
    );
    ALTER TABLE conflict_check_matches ENABLE ROW LEVEL SECURITY;
    ALTER TABLE conflict_check_matches FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT ON conflict_check_matches TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE conflict_check_matches`);
}
