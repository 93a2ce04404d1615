/**
 * The portal policies of the client rows read the row's own client_id instead of
 * trusting a join: a row is the portal's when it names the session's client
 * (the EXISTS on invoices stays, because the invoices policy also hides drafts).
 * Rows the portal writes pin client and contact in WITH CHECK: a checkout session
 * or an announcement read is opened only for the session's own client and
 * contact. Closing a checkout session (the portal may update only status and
 * updated_at) pins the client but not the contact, because a contact may expire
 * the open session another contact of the same client started for that invoice.
 */
import type { Knex } from 'knex';

const visibleInvoice = (table: string) =>
  `EXISTS (SELECT 1 FROM invoices i WHERE i.tenant_id = ${table}.tenant_id AND i.id = ${table}.invoice_id)`;
const ownClient = `tenant_id = caseflow.current_tenant() AND client_id = caseflow.current_client()`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER POLICY invoice_lines_portal ON invoice_lines USING (${ownClient} AND ${visibleInvoice('invoice_lines')});
    ALTER POLICY payments_portal ON payments USING (${ownClient} AND ${visibleInvoice('payments')});
    ALTER POLICY refunds_portal ON refunds USING (${ownClient} AND ${visibleInvoice('refunds')});
    ALTER POLICY checkout_sessions_portal_read ON checkout_sessions
      USING (${ownClient} AND ${visibleInvoice('checkout_sessions')});
    ALTER POLICY checkout_sessions_portal_open ON checkout_sessions
      WITH CHECK (${ownClient} AND contact_id = caseflow.current_contact() AND ${visibleInvoice('checkout_sessions')});
    ALTER POLICY checkout_sessions_portal_close ON checkout_sessions
      USING (${ownClient} AND ${visibleInvoice('checkout_sessions')})
      WITH CHECK (${ownClient});
    ALTER POLICY announcement_reads_portal ON announcement_reads
      USING (${ownClient} AND contact_id = caseflow.current_contact())
      WITH CHECK (${ownClient} AND contact_id = caseflow.current_contact()
                  AND EXISTS (SELECT FROM announcements a
                               WHERE a.tenant_id = announcement_reads.tenant_id
                                 AND a.id = announcement_reads.announcement_id));
  `);
}

export async function down(knex: Knex): Promise<void> {
  const tenant = `tenant_id = caseflow.current_tenant()`;
  await knex.raw(`
    ALTER POLICY invoice_lines_portal ON invoice_lines USING (${visibleInvoice('invoice_lines')});
    ALTER POLICY payments_portal ON payments USING (${visibleInvoice('payments')});
    ALTER POLICY refunds_portal ON refunds USING (${visibleInvoice('refunds')});
    ALTER POLICY checkout_sessions_portal_read ON checkout_sessions
      USING (${tenant} AND ${visibleInvoice('checkout_sessions')});
    ALTER POLICY checkout_sessions_portal_open ON checkout_sessions
      WITH CHECK (${tenant} AND contact_id = NULLIF(current_setting('caseflow.contact_id', true), '')::uuid
                  AND ${visibleInvoice('checkout_sessions')});
    ALTER POLICY checkout_sessions_portal_close ON checkout_sessions
      USING (${tenant} AND ${visibleInvoice('checkout_sessions')})
      WITH CHECK (${tenant});
    ALTER POLICY announcement_reads_portal ON announcement_reads
      USING (${tenant} AND contact_id = caseflow.current_contact())
      WITH CHECK (${tenant} AND contact_id = caseflow.current_contact()
                  AND EXISTS (SELECT FROM announcements a
                               WHERE a.tenant_id = announcement_reads.tenant_id
                                 AND a.id = announcement_reads.announcement_id));
  `);
}
