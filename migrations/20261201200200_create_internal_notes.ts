/**
 * Internal notes: what the firm writes down about a client or one of its matters
 * and the client must never see. A note always names its client; a matter note
 * also names the matter, and the composite foreign key keeps the matter the
 * client's own. The author is a staff user or, when a backend writes, an API key
 * (exactly one of the two). Staff-only: the portal role gets no grant at all.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE internal_notes (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      matter_id uuid,
      author_staff_id uuid,
      author_api_key_id uuid,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
      pinned boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
      FOREIGN KEY (tenant_id, client_id, matter_id) REFERENCES matters (tenant_id, client_id, id),
      FOREIGN KEY (tenant_id, author_staff_id) REFERENCES staff_users (tenant_id, id),
      FOREIGN KEY (tenant_id, author_api_key_id) REFERENCES api_keys (tenant_id, id),
      CHECK (num_nonnulls(author_staff_id, author_api_key_id) = 1)
    );
    CREATE INDEX internal_notes_client ON internal_notes (tenant_id, client_id, created_at DESC, id DESC);
    CREATE INDEX internal_notes_matter ON internal_notes (tenant_id, matter_id, created_at DESC, id DESC)
      WHERE matter_id IS NOT NULL;
    ALTER TABLE internal_notes ENABLE ROW LEVEL SECURITY;
    ALTER TABLE internal_notes FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE, DELETE ON internal_notes TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE internal_notes`);
}
