import type { Knex } from 'knex';
import type { z } from 'zod';
import type { InvoiceStatus, PortalInvoice, PortalInvoiceSummary } from '../../../sdk/schemas/invoices.js';
import type { List } from '../../../sdk/schemas/common.js';
import type { PortalScope } from '../../db/request-transaction.js';
import { NotFoundError } from '../../errors.js';
import { keyset, toList } from '../../http/pagination.js';
import { Invoice, InvoiceLine, Payment } from './models.js';
import { portalInvoice, portalInvoiceSummary } from './serialize.js';

export const messages = {
  notFound: 'No such invoice.',
};

// Overdue is not stored: an open invoice is overdue once its due date has passed in the firm's time zone.
const isOverdue = `invoices.status IN ('unpaid', 'partially_paid') AND invoices.due_date < (now() AT TIME ZONE ?)::date`;
const displayStatus = `CASE WHEN ${isOverdue} THEN 'overdue' ELSE invoices.status END AS display_status`;

const summaryColumns = [
  'invoices.id',
  'invoices.number',
  'invoices.status',
  'invoices.currency',
  'invoices.issue_date',
  'invoices.due_date',
  'invoices.total',
  'invoices.amount_paid',
  'invoices.created_at',
];

/** The client's issued invoices; the portal policies leave out drafts and other clients. */
export async function listForPortal(
  trx: Knex.Transaction,
  scope: PortalScope,
  page: { limit: number; starting_after?: string | undefined; status?: InvoiceStatus | undefined },
): Promise<List<z.input<typeof PortalInvoiceSummary>>> {
  const query = Invoice.query(trx).select(...summaryColumns, trx.raw(displayStatus, [scope.timezone]));
  if (page.status === 'overdue') query.whereRaw(isOverdue, [scope.timezone]);
  else if (page.status === 'unpaid' || page.status === 'partially_paid') {
    query.where('invoices.status', page.status).whereNot((q) => q.whereRaw(isOverdue, [scope.timezone]));
  } else if (page.status) query.where('invoices.status', page.status);
  const rows = await keyset(query, 'invoices', page);
  return toList(rows, page.limit, portalInvoiceSummary);
}

export async function retrieveForPortal(
  trx: Knex.Transaction,
  scope: PortalScope,
  id: string,
): Promise<z.input<typeof PortalInvoice>> {
  const invoice = await Invoice.query(trx)
    .select(
      ...summaryColumns,
      'invoices.subtotal',
      'invoices.tax',
      'invoices.client_note',
      trx.raw(displayStatus, [scope.timezone]),
    )
    .where('invoices.id', id)
    .first();
  if (!invoice) throw new NotFoundError('resource_missing', messages.notFound);
  const [lines, payments] = [
    await InvoiceLine.query(trx)
      .select('id', 'description', 'quantity', 'unit_price', 'tax_rate', 'amount', 'tax')
      .where('invoice_id', id)
      .orderBy('position'),
    await Payment.query(trx)
      .select('id', 'amount', 'currency', 'method', 'paid_at')
      .where('invoice_id', id)
      .orderBy('paid_at'),
  ];
  return portalInvoice(invoice, lines, payments);
}
