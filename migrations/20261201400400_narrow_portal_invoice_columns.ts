/**
 * Column grants on invoices for the portal: everything but external_id, the id
 * of the invoice in the firm's own billing system (firm-internal, read only by
 * the admin API). The other tables the portal reads were checked: payments.note
 * was already withheld; contacts withhold password_hash; staff_users give only
 * (tenant_id, id, first_name, last_name); announcements withhold who wrote them;
 * stripe_accounts give only what a checkout needs. clients, tenants, invoice
 * lines, refunds and checkout sessions hold nothing internal.
 */
import type { Knex } from 'knex';

const portalColumns = `tenant_id, id, client_id, number, status, currency, issue_date, due_date, subtotal, tax, total,
  amount_paid, client_note, sent_at, created_at, updated_at, matter_id, last_sent_at, cancelled_at`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE SELECT ON invoices FROM caseflow_portal;
    GRANT SELECT (${portalColumns}) ON invoices TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE SELECT (${portalColumns}) ON invoices FROM caseflow_portal;
    GRANT SELECT ON invoices TO caseflow_portal;
  `);
}
