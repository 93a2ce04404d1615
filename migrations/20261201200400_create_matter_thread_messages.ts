/**
 * The messages of a matter thread, read oldest first with a (created_at, id)
 * keyset. Written by a staff user or an API key (exactly one); messages are never
 * edited. Staff-only: the portal role gets no grant at all.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE matter_thread_messages (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      thread_id uuid NOT NULL,
      author_staff_id uuid,
      author_api_key_id uuid,
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, thread_id) REFERENCES matter_threads (tenant_id, id),
      FOREIGN KEY (tenant_id, author_staff_id) REFERENCES staff_users (tenant_id, id),
      FOREIGN KEY (tenant_id, author_api_key_id) REFERENCES api_keys (tenant_id, id),
      CHECK (num_nonnulls(author_staff_id, author_api_key_id) = 1)
    );
    CREATE INDEX matter_thread_messages_thread ON matter_thread_messages (tenant_id, thread_id, created_at, id);
    ALTER TABLE matter_thread_messages ENABLE ROW LEVEL SECURITY;
    ALTER TABLE matter_thread_messages FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT ON matter_thread_messages TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE matter_thread_messages`);
}
