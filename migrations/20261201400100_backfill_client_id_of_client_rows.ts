/**
 * Data only: fills the client_id added by the previous migration from the row's
 * invoice (lines, payments, refunds, checkout sessions) or contact (announcement
 * reads). Runs as the owner, which bypasses row-level security, so no row is
 * skipped.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE invoice_lines l SET client_id = i.client_id
      FROM invoices i WHERE i.tenant_id = l.tenant_id AND i.id = l.invoice_id AND l.client_id IS NULL;
    UPDATE payments p SET client_id = i.client_id
      FROM invoices i WHERE i.tenant_id = p.tenant_id AND i.id = p.invoice_id AND p.client_id IS NULL;
    UPDATE refunds r SET client_id = i.client_id
      FROM invoices i WHERE i.tenant_id = r.tenant_id AND i.id = r.invoice_id AND r.client_id IS NULL;
    UPDATE checkout_sessions s SET client_id = i.client_id
      FROM invoices i WHERE i.tenant_id = s.tenant_id AND i.id = s.invoice_id AND s.client_id IS NULL;
    UPDATE announcement_reads r SET client_id = c.client_id
      FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.id = r.contact_id AND r.client_id IS NULL;
  `);
}

export async function down(knex: Knex): Promise<void> {
  // The columns are dropped by the previous migration's down; emptying them keeps this step reversible alone.
  await knex.raw(`
    UPDATE invoice_lines SET client_id = NULL;
    UPDATE payments SET client_id = NULL;
    UPDATE refunds SET client_id = NULL;
    UPDATE checkout_sessions SET client_id = NULL;
    UPDATE announcement_reads SET client_id = NULL;
  `);
}
