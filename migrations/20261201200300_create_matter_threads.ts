/**
 * Matter threads: staff discussions about a matter, each with a subject and the
 * time of its latest message (the list is ordered by it). Started by a staff user
 * or an API key (exactly one). Staff-only: the portal role gets no grant at all.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE matter_threads (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      matter_id uuid NOT NULL,
      subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
      created_by_staff_id uuid,
      created_by_api_key_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_message_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, matter_id) REFERENCES matters (tenant_id, id),
      FOREIGN KEY (tenant_id, created_by_staff_id) REFERENCES staff_users (tenant_id, id),
      FOREIGN KEY (tenant_id, created_by_api_key_id) REFERENCES api_keys (tenant_id, id),
      CHECK (num_nonnulls(created_by_staff_id, created_by_api_key_id) = 1)
    );
    CREATE INDEX matter_threads_activity ON matter_threads (tenant_id, matter_id, last_message_at DESC, id DESC);
    ALTER TABLE matter_threads ENABLE ROW LEVEL SECURITY;
    ALTER TABLE matter_threads FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE (last_message_at) ON matter_threads TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE matter_threads`);
}
