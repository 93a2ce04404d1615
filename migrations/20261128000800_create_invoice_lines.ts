/**
 * Invoice lines. A line is visible to the portal exactly when its invoice is:
 * the policy asks the invoices table, whose own policy then applies.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE invoice_lines (
      tenant_id uuid NOT NULL REFERENCES tenants (id),
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      invoice_id uuid NOT NULL,
      position integer NOT NULL CHECK (position >= 0),
      description text NOT NULL,
      quantity numeric(14, 4) NOT NULL CHECK (quantity > 0),
      unit_price bigint NOT NULL,
      tax_rate numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate >= 0 AND tax_rate <= 100),
      amount bigint NOT NULL,
      tax bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE,
      UNIQUE (tenant_id, invoice_id, position)
    );
    ALTER TABLE invoice_lines ENABLE ROW LEVEL SECURITY;
    ALTER TABLE invoice_lines FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE, DELETE ON invoice_lines TO caseflow_staff;
    GRANT SELECT ON invoice_lines TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE invoice_lines`);
}
