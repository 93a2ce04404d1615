/**
 * Matters, minimal: invoices reference them. A matter belongs to one client; its
 * number is per firm. The portal gets no grant yet (its matters pages come later),
 * so a portal query on matters is denied outright.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE matters (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      client_id uuid NOT NULL,
      number integer NOT NULL CHECK (number > 0),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      status text NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'on_hold', 'cancelled', 'finished')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, client_id) REFERENCES clients (tenant_id, id),
      UNIQUE (tenant_id, number),
      -- Lets invoices reference (client, matter) together, so a matter is always the invoice's client's.
      UNIQUE (tenant_id, client_id, id)
    );
    ALTER TABLE matters ENABLE ROW LEVEL SECURITY;
    ALTER TABLE matters FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON matters TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE matters`);
}
