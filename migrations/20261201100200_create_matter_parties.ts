/**
 * The people and organisations involved in a matter (the client, the opposing
 * party and its counsel, witnesses…), searched by conflict checks. Staff-only:
 * no grant to the portal role. Parties are added and removed, never edited.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE matter_parties (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      matter_id uuid NOT NULL,
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      email text CHECK (length(email) BETWEEN 3 AND 254),
      role text NOT NULL
        CHECK (role IN ('client', 'opposing_party', 'opposing_counsel', 'witness', 'related_party', 'other')),
      created_at timestamptz NOT NULL DEFAULT now(),
      name_key text GENERATED ALWAYS AS (caseflow.normalize_party_name(name)) STORED,
      email_key text GENERATED ALWAYS AS (caseflow.normalize_email(email)) STORED,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, matter_id) REFERENCES matters (tenant_id, id)
    );
    CREATE INDEX matter_parties_matter ON matter_parties (tenant_id, matter_id, created_at DESC, id DESC);
    CREATE INDEX matter_parties_name_key ON matter_parties (tenant_id, name_key);
    CREATE INDEX matter_parties_email_key ON matter_parties (tenant_id, email_key) WHERE email_key IS NOT NULL;
    ALTER TABLE matter_parties ENABLE ROW LEVEL SECURITY;
    ALTER TABLE matter_parties FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, DELETE ON matter_parties TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE matter_parties`);
}
