/**
 * Every Stripe webhook event a firm received, stored once in the same
 * transaction as its effect: a redelivery, even a concurrent one, finds the row
 * (or waits on its unique key) and does nothing.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE stripe_events (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id text NOT NULL CHECK (id ~ '^evt_[A-Za-z0-9_]+$'),
      type text NOT NULL,
      livemode boolean NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('applied', 'ignored')),
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id)
    );
    ALTER TABLE stripe_events ENABLE ROW LEVEL SECURITY;
    ALTER TABLE stripe_events FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT ON stripe_events TO caseflow_staff;
    GRANT UPDATE (outcome) ON stripe_events TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE stripe_events`);
}
