import type { z } from 'zod';
import type { InvoiceStatus, PortalInvoice, PortalInvoiceSummary } from '../../../sdk/schemas/invoices.js';
import type { List } from '../../../sdk/schemas/common.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';
import { NotFoundError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { portalPaymentsOfInvoice } from '../payments/service.js';
import { InvoiceLineModel } from './models.js';
import { instructionsColumns, paymentInstructions, type InstructionsRow } from './instructions.js';
import {
  portalInvoice,
  portalInvoiceSummary,
  type PortalInvoiceDetailRow,
  type PortalInvoiceRow,
  type PortalLineRow,
} from './serialize.js';
import { displayStatusColumn, statusFilter } from './overdue.js';

export const messages = {
  notFound: 'No such invoice.',
};

const summaryColumns = (tz: string) => `invoices.id, invoices.number, invoices.status, invoices.currency,
  invoices.issue_date, invoices.due_date, invoices.total, invoices.amount_paid, invoices.created_at,
  ${displayStatusColumn(tz)}`;

/**
 * The client's issued invoices, newest first. The portal policies leave out
 * drafts and other clients; the statement is prepared (named by its shape), as
 * this is the portal's busiest read.
 */
export async function listForPortal(
  db: RequestDb,
  scope: PortalScope,
  page: { limit: number; starting_after?: string | undefined; status?: InvoiceStatus | undefined },
): Promise<List<z.input<typeof PortalInvoiceSummary>>> {
  const params = new Params();
  const tz = params.add(scope.timezone);
  const filter = statusFilter(page.status, tz, params);
  const keyset = keysetSql('invoices', params, page);
  const where = [keyset.where, filter].filter((c) => c !== null);
  const text = `SELECT ${summaryColumns(tz)} FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${keyset.orderAndLimit}`;
  const name = `portal_invoices:${page.status ?? 'all'}:${page.starting_after ? 'after' : 'first'}`;
  const rows = await db.query<PortalInvoiceRow>({ name, text, values: params.values });
  return toList(rows, page.limit, portalInvoiceSummary);
}

export async function retrieveForPortal(
  db: RequestDb,
  scope: PortalScope,
  id: string,
): Promise<z.input<typeof PortalInvoice>> {
  const params = new Params();
  const tz = params.add(scope.timezone);
  // The firm's payment instructions ride along in the same statement (row-level security leaves one tenant row).
  const [invoice] = await db.query<PortalInvoiceDetailRow & InstructionsRow>(
    `SELECT ${summaryColumns(tz)}, invoices.subtotal, invoices.tax, invoices.client_note, ${instructionsColumns}
       FROM invoices LEFT JOIN tenants ON tenants.id = invoices.tenant_id
      WHERE invoices.id = ${params.add(id)}`,
    params.values,
  );
  if (!invoice) throw new NotFoundError('resource_missing', messages.notFound);
  // The same statements as ever, built by the model and sent on the request's connection.
  const lines = await db.rows<PortalLineRow>(
    InvoiceLineModel.query()
      .select('id', 'description', 'quantity', 'unit_price', 'tax_rate', 'amount', 'tax')
      .where('invoice_id', id)
      .orderBy('position'),
  );
  const payments = await portalPaymentsOfInvoice(db, id);
  return portalInvoice(invoice, lines, payments, paymentInstructions(invoice, invoice));
}
