/**
 * client_id becomes NOT NULL on the client rows filled by the previous
 * migration, and their foreign keys include it, so the database itself refuses a
 * row that names another client's invoice, payment or contact (foreign-key checks
 * bypass row-level security, so a policy alone cannot). The referenced tables get
 * the unique keys (tenant_id, client_id, id) those keys point at.
 *
 * Keys to invoices and payments cascade updates: an invoice moved to another
 * client (a draft being corrected) takes its lines along. Keys to contacts do
 * not: a contact with payments or checkout sessions cannot silently change client.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE invoices ADD CONSTRAINT invoices_client_key UNIQUE (tenant_id, client_id, id);
    ALTER TABLE contacts ADD CONSTRAINT contacts_client_key UNIQUE (tenant_id, client_id, id);

    ALTER TABLE invoice_lines ALTER COLUMN client_id SET NOT NULL,
      DROP CONSTRAINT invoice_lines_tenant_id_invoice_id_fkey,
      ADD CONSTRAINT invoice_lines_invoice_fkey FOREIGN KEY (tenant_id, client_id, invoice_id)
        REFERENCES invoices (tenant_id, client_id, id) ON UPDATE CASCADE ON DELETE CASCADE;

    ALTER TABLE payments ALTER COLUMN client_id SET NOT NULL,
      DROP CONSTRAINT payments_tenant_id_invoice_id_fkey,
      DROP CONSTRAINT payments_contact_fkey,
      ADD CONSTRAINT payments_invoice_fkey FOREIGN KEY (tenant_id, client_id, invoice_id)
        REFERENCES invoices (tenant_id, client_id, id) ON UPDATE CASCADE,
      ADD CONSTRAINT payments_contact_fkey FOREIGN KEY (tenant_id, client_id, contact_id)
        REFERENCES contacts (tenant_id, client_id, id),
      ADD CONSTRAINT payments_client_key UNIQUE (tenant_id, client_id, id);

    ALTER TABLE refunds ALTER COLUMN client_id SET NOT NULL,
      DROP CONSTRAINT refunds_tenant_id_invoice_id_fkey,
      DROP CONSTRAINT refunds_tenant_id_payment_id_fkey,
      ADD CONSTRAINT refunds_invoice_fkey FOREIGN KEY (tenant_id, client_id, invoice_id)
        REFERENCES invoices (tenant_id, client_id, id) ON UPDATE CASCADE,
      ADD CONSTRAINT refunds_payment_fkey FOREIGN KEY (tenant_id, client_id, payment_id)
        REFERENCES payments (tenant_id, client_id, id) ON UPDATE CASCADE;

    ALTER TABLE checkout_sessions ALTER COLUMN client_id SET NOT NULL,
      DROP CONSTRAINT checkout_sessions_tenant_id_invoice_id_fkey,
      DROP CONSTRAINT checkout_sessions_tenant_id_contact_id_fkey,
      ADD CONSTRAINT checkout_sessions_invoice_fkey FOREIGN KEY (tenant_id, client_id, invoice_id)
        REFERENCES invoices (tenant_id, client_id, id) ON UPDATE CASCADE,
      ADD CONSTRAINT checkout_sessions_contact_fkey FOREIGN KEY (tenant_id, client_id, contact_id)
        REFERENCES contacts (tenant_id, client_id, id);

    ALTER TABLE announcement_reads ALTER COLUMN client_id SET NOT NULL,
      DROP CONSTRAINT announcement_reads_tenant_id_contact_id_fkey,
      ADD CONSTRAINT announcement_reads_contact_fkey FOREIGN KEY (tenant_id, client_id, contact_id)
        REFERENCES contacts (tenant_id, client_id, id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE announcement_reads ALTER COLUMN client_id DROP NOT NULL,
      DROP CONSTRAINT announcement_reads_contact_fkey,
      ADD CONSTRAINT announcement_reads_tenant_id_contact_id_fkey FOREIGN KEY (tenant_id, contact_id)
        REFERENCES contacts (tenant_id, id);

    ALTER TABLE checkout_sessions ALTER COLUMN client_id DROP NOT NULL,
      DROP CONSTRAINT checkout_sessions_invoice_fkey,
      DROP CONSTRAINT checkout_sessions_contact_fkey,
      ADD CONSTRAINT checkout_sessions_tenant_id_invoice_id_fkey FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES invoices (tenant_id, id),
      ADD CONSTRAINT checkout_sessions_tenant_id_contact_id_fkey FOREIGN KEY (tenant_id, contact_id)
        REFERENCES contacts (tenant_id, id);

    ALTER TABLE refunds ALTER COLUMN client_id DROP NOT NULL,
      DROP CONSTRAINT refunds_invoice_fkey,
      DROP CONSTRAINT refunds_payment_fkey,
      ADD CONSTRAINT refunds_tenant_id_invoice_id_fkey FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES invoices (tenant_id, id),
      ADD CONSTRAINT refunds_tenant_id_payment_id_fkey FOREIGN KEY (tenant_id, payment_id)
        REFERENCES payments (tenant_id, id);

    ALTER TABLE payments ALTER COLUMN client_id DROP NOT NULL,
      DROP CONSTRAINT payments_client_key,
      DROP CONSTRAINT payments_invoice_fkey,
      DROP CONSTRAINT payments_contact_fkey,
      ADD CONSTRAINT payments_tenant_id_invoice_id_fkey FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES invoices (tenant_id, id),
      ADD CONSTRAINT payments_contact_fkey FOREIGN KEY (tenant_id, contact_id)
        REFERENCES contacts (tenant_id, id);

    ALTER TABLE invoice_lines ALTER COLUMN client_id DROP NOT NULL,
      DROP CONSTRAINT invoice_lines_invoice_fkey,
      ADD CONSTRAINT invoice_lines_tenant_id_invoice_id_fkey FOREIGN KEY (tenant_id, invoice_id)
        REFERENCES invoices (tenant_id, id) ON DELETE CASCADE;

    ALTER TABLE contacts DROP CONSTRAINT contacts_client_key;
    ALTER TABLE invoices DROP CONSTRAINT invoices_client_key;
  `);
}
