/**
 * What the admin side of invoices needs: the matter (always of the invoice's own
 * client, by a composite foreign key), an external id unique per firm for a
 * firm's sync, the last time it was (re)sent, when it was cancelled, and the
 * per-firm number prefix and counter. Numbers come from the counter row at send
 * time (the row lock serialises concurrent sends; a number is never reused).
 * Internal notes live in their own table, which the portal role has no grant on.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE invoices
      ADD COLUMN matter_id uuid,
      ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 255),
      ADD COLUMN last_sent_at timestamptz,
      ADD COLUMN cancelled_at timestamptz,
      ADD CONSTRAINT invoices_matter_fkey FOREIGN KEY (tenant_id, client_id, matter_id)
        REFERENCES matters (tenant_id, client_id, id),
      ADD CONSTRAINT invoices_external_id_key UNIQUE (tenant_id, external_id);
    CREATE INDEX invoices_admin_recent ON invoices (tenant_id, created_at DESC, id DESC);

    ALTER TABLE tenants ADD COLUMN invoice_prefix text NOT NULL DEFAULT 'INV-'
      CHECK (invoice_prefix ~ '^[A-Za-z0-9._/#-]{0,20}$');

    CREATE TABLE invoice_counters (
      tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
      last_number bigint NOT NULL CHECK (last_number > 0)
    );
    ALTER TABLE invoice_counters ENABLE ROW LEVEL SECURITY;
    ALTER TABLE invoice_counters FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON invoice_counters TO caseflow_staff;

    CREATE TABLE invoice_internal_notes (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      invoice_id uuid NOT NULL,
      note text NOT NULL CHECK (length(note) BETWEEN 1 AND 10000),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, invoice_id),
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
    );
    ALTER TABLE invoice_internal_notes ENABLE ROW LEVEL SECURITY;
    ALTER TABLE invoice_internal_notes FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE, DELETE ON invoice_internal_notes TO caseflow_staff;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE invoice_internal_notes;
    DROP TABLE invoice_counters;
    ALTER TABLE tenants DROP COLUMN invoice_prefix;
    DROP INDEX invoices_admin_recent;
    ALTER TABLE invoices DROP CONSTRAINT invoices_external_id_key, DROP CONSTRAINT invoices_matter_fkey,
      DROP COLUMN matter_id, DROP COLUMN external_id, DROP COLUMN last_sent_at, DROP COLUMN cancelled_at;
  `);
}
