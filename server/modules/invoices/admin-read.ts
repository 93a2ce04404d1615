/**
 * Invoices, admin side, reading: the list and one invoice with its lines,
 * payments, credits and internal note. Every statement runs in the request
 * transaction as caseflow_staff: the policies scope it to the firm.
 */
import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type { AdminInvoice, AdminInvoiceListQuery, AdminInvoiceSummary } from '../../../sdk/schemas/invoices.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminPaymentsOfInvoice } from '../payments/service.js';
import { adminInvoice, adminInvoiceSummary, type AdminInvoiceRow, type AdminLineRow } from './admin-serialize.js';
import { InvoiceLineModel } from './models.js';
import { displayStatusColumn, statusFilter } from './overdue.js';

export const adminMessages = {
  notFound: 'No such invoice.',
  unknownClient: 'No such client in this firm.',
  unknownMatter: 'No such matter in this firm.',
  matterOfOtherClient: "This matter belongs to another client: an invoice's matter must be its client's.",
  notDraft: (status: string) =>
    `This invoice has been sent (it is ${status}): only drafts can be changed. Cancel it and issue a new one.`,
  externalIdTaken: (id: string) => `Another invoice of this firm already has the external id "${id}".`,
  totalTooLarge: 'The invoice total is too large.',
  dueBeforeIssue: (due: string, issue: string) =>
    `The due date ${due} is before the issue date ${issue}: an invoice cannot be due before it is issued.`,
};

export type InvoiceOut = z.input<typeof AdminInvoice>;

const summaryColumns = (tz: string) => `invoices.id, invoices.number, invoices.status, invoices.client_id,
  invoices.matter_id, invoices.currency, invoices.issue_date, invoices.due_date, invoices.subtotal, invoices.tax,
  invoices.total, invoices.amount_paid, invoices.external_id, invoices.sent_at, invoices.last_sent_at,
  invoices.cancelled_at, invoices.created_at, invoices.updated_at,
  ${displayStatusColumn(tz)}`;

/**
 * The firm's invoices, newest first, drafts included. Raw SQL: the keyset and
 * the status filter on the derived overdue are shared fragments of the portal's list.
 */
export async function list(
  db: RequestDb,
  timezone: string,
  query: z.output<typeof AdminInvoiceListQuery>,
): Promise<List<z.input<typeof AdminInvoiceSummary>>> {
  const params = new Params();
  const tz = params.add(timezone);
  const keyset = keysetSql('invoices', params, query);
  const where = [
    keyset.where,
    statusFilter(query.status, tz, params),
    query.client_id ? `invoices.client_id = ${params.add(query.client_id)}` : null,
    query.matter_id ? `invoices.matter_id = ${params.add(query.matter_id)}` : null,
    query.external_id ? `invoices.external_id = ${params.add(query.external_id)}` : null,
    query.number ? `invoices.number = ${params.add(query.number)}` : null,
  ].filter((c) => c !== null);
  const rows = await db.query<AdminInvoiceRow>(
    `SELECT ${summaryColumns(tz)} FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminInvoiceSummary);
}

/** One invoice with its lines, payments, credits and internal note. */
export async function retrieve(db: RequestDb, timezone: string, id: string): Promise<InvoiceOut> {
  const [row] = await db.query<AdminInvoiceRow>(
    `SELECT ${summaryColumns('$1')}, invoices.client_note, n.note AS internal_note
       FROM invoices LEFT JOIN invoice_internal_notes n ON n.tenant_id = invoices.tenant_id AND n.invoice_id = invoices.id
      WHERE invoices.id = $2`,
    [timezone, id],
  );
  if (!row) throw new NotFoundError('resource_missing', adminMessages.notFound);
  const lines = await InvoiceLineModel.query(db.knex)
    .select('id', 'position', 'description', 'quantity', 'unit_price', 'tax_rate', 'amount', 'tax')
    .where('invoice_id', id)
    .orderBy('position')
    .castTo<AdminLineRow[]>();
  const { payments, credits } = await adminPaymentsOfInvoice(db, id);
  return adminInvoice(row, lines, payments, credits);
}

/** Today in the firm's time zone, as the database sees it (the default issue date). */
export async function firmToday(db: RequestDb, timezone: string): Promise<string> {
  const [row] = await db.query<{ today: string }>(`SELECT (now() AT TIME ZONE $1)::date AS today`, [timezone]);
  return row!.today;
}
