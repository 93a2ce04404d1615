/**
 * Every row a client sees carries its client. Until now invoice lines, payments,
 * refunds, checkout sessions and announcement reads reached their client only
 * through a join to the invoice (or the contact), and foreign-key checks bypass
 * row-level security: nothing in the schema stopped a payment of Globex's invoice
 * from naming a Northwind contact. The column comes in nullable here, is filled
 * by the next migration and becomes NOT NULL (with the composite foreign keys)
 * in the one after.
 *
 * announcement_reads has column INSERT grants: the new column is granted to the
 * roles that write reads (the portal, and caseflow_auth when a preview opens).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE invoice_lines ADD COLUMN client_id uuid;
    ALTER TABLE payments ADD COLUMN client_id uuid;
    ALTER TABLE refunds ADD COLUMN client_id uuid;
    ALTER TABLE checkout_sessions ADD COLUMN client_id uuid;
    ALTER TABLE announcement_reads ADD COLUMN client_id uuid;
    GRANT INSERT (client_id) ON announcement_reads TO caseflow_portal, caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE INSERT (client_id) ON announcement_reads FROM caseflow_portal, caseflow_auth;
    ALTER TABLE announcement_reads DROP COLUMN client_id CASCADE;
    ALTER TABLE checkout_sessions DROP COLUMN client_id CASCADE;
    ALTER TABLE refunds DROP COLUMN client_id CASCADE;
    ALTER TABLE payments DROP COLUMN client_id CASCADE;
    ALTER TABLE invoice_lines DROP COLUMN client_id CASCADE;
  `);
}
