/**
 * Minted portal sessions (a firm's own SSO) record who minted them, and every
 * audit event taken with such a session carries it beside the contact.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE sessions
      ADD COLUMN minted_by_type text CHECK (minted_by_type IN ('staff', 'api_key')),
      ADD COLUMN minted_by_id uuid,
      ADD CONSTRAINT sessions_minted_by CHECK ((kind = 'minted') = (minted_by_id IS NOT NULL));
    ALTER TABLE audit_events
      ADD COLUMN minted_by_type text CHECK (minted_by_type IN ('staff', 'api_key')),
      ADD COLUMN minted_by_id uuid;
    CREATE INDEX audit_events_actor ON audit_events (tenant_id, actor_id, occurred_at DESC, id DESC);
    CREATE INDEX audit_events_subject ON audit_events (tenant_id, subject_id, occurred_at DESC, id DESC);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX audit_events_subject;
    DROP INDEX audit_events_actor;
    ALTER TABLE audit_events DROP COLUMN minted_by_type, DROP COLUMN minted_by_id;
    ALTER TABLE sessions DROP CONSTRAINT sessions_minted_by, DROP COLUMN minted_by_type, DROP COLUMN minted_by_id;
  `);
}
