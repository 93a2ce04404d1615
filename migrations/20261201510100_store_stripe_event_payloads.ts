/**
 * A Stripe webhook is answered as soon as its event is stored (issue 11): the
 * receipt verifies the signature and keeps the whole event (jsonb) under its id,
 * `pending`, and a job applies it later, calling Stripe with no transaction
 * open. The outcome then says what applying it did (`applied` or `ignored`) and
 * when. Events stored before this change were applied on receipt: no payload.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE stripe_events
      ADD COLUMN payload jsonb,
      ADD COLUMN processed_at timestamptz,
      DROP CONSTRAINT stripe_events_outcome_check,
      ADD CONSTRAINT stripe_events_outcome_check CHECK (outcome IN ('pending', 'applied', 'ignored')),
      ADD CONSTRAINT stripe_events_pending_payload_check CHECK (outcome <> 'pending' OR payload IS NOT NULL);
    UPDATE stripe_events SET processed_at = received_at;
    GRANT UPDATE (outcome, processed_at) ON stripe_events TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE UPDATE (processed_at) ON stripe_events FROM caseflow_staff;
    UPDATE stripe_events SET outcome = 'ignored' WHERE outcome = 'pending';
    ALTER TABLE stripe_events
      DROP CONSTRAINT stripe_events_pending_payload_check,
      DROP CONSTRAINT stripe_events_outcome_check,
      ADD CONSTRAINT stripe_events_outcome_check CHECK (outcome IN ('applied', 'ignored')),
      DROP COLUMN processed_at,
      DROP COLUMN payload;
  `);
}
