import type { z } from 'zod';
import type { AdminCredit, AdminInvoice, AdminInvoiceSummary, AdminPayment } from '../../../sdk/schemas/invoices.js';
import type { Row } from '../../db/model.js';
import type { InvoiceLineModel, InvoiceModel } from './models.js';
import type { DisplayStatus } from './overdue.js';

/** An invoice as the admin side reads it: every column but the tenant, with its display status. */
export type AdminInvoiceRow = Omit<Row<InvoiceModel>, 'tenant_id' | 'client_note'> & {
  display_status: DisplayStatus;
  /** Only in the detail. */
  client_note?: string | null;
  /** From invoice_internal_notes, only in the detail. */
  internal_note?: string | null;
};

export type AdminLineRow = Omit<Row<InvoiceLineModel>, 'tenant_id' | 'invoice_id' | 'client_id'>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function amountDue(row: AdminInvoiceRow): number {
  if (row.status === 'draft' || row.status === 'cancelled') return 0;
  return Math.max(row.total - row.amount_paid, 0);
}

/** The admin API's allow-list of invoice fields (lists). */
export function adminInvoiceSummary(row: AdminInvoiceRow): z.input<typeof AdminInvoiceSummary> {
  return {
    id: row.id,
    number: row.number,
    status: row.display_status,
    client_id: row.client_id,
    matter_id: row.matter_id,
    currency: row.currency,
    issue_date: row.issue_date,
    due_date: row.due_date,
    subtotal: row.subtotal,
    tax: row.tax,
    total: row.total,
    amount_paid: row.amount_paid,
    amount_due: amountDue(row),
    external_id: row.external_id,
    sent: row.sent_at !== null,
    sent_at: iso(row.sent_at),
    last_sent_at: iso(row.last_sent_at),
    cancelled_at: iso(row.cancelled_at),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export function adminInvoice(
  row: AdminInvoiceRow,
  lines: AdminLineRow[],
  payments: z.input<typeof AdminPayment>[],
  credits: z.input<typeof AdminCredit>[],
): z.input<typeof AdminInvoice> {
  return {
    ...adminInvoiceSummary(row),
    client_note: row.client_note ?? null,
    internal_note: row.internal_note ?? null,
    lines: lines.map((line) => ({
      id: line.id,
      position: line.position,
      description: line.description,
      quantity: line.quantity,
      unit_price: line.unit_price,
      tax_rate: line.tax_rate,
      amount: line.amount,
      tax: line.tax,
    })),
    payments,
    credits,
  };
}
