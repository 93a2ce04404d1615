import type { z } from 'zod';
import type { AdminCredit, AdminInvoice, AdminInvoiceSummary, AdminPayment } from '../../../sdk/schemas/invoices.js';
import type { AdminInvoiceRow, AdminLineRow, AdminPaymentRow, CreditRow } from './admin-models.js';

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

export function adminPayment(row: AdminPaymentRow): z.input<typeof AdminPayment> {
  return {
    id: row.id,
    invoice_id: row.invoice_id,
    amount: row.amount,
    currency: row.currency,
    method: row.method,
    mode: row.mode,
    transaction_id: row.transaction_id,
    note: row.note,
    stripe_payment_intent_id: row.stripe_payment_intent_id,
    contact_id: row.contact_id,
    refunded_amount: row.refunded_amount,
    paid_at: row.paid_at.toISOString(),
    created_at: row.created_at.toISOString(),
    previewed_by: row.previewed_by,
  };
}

export function adminCredit(row: CreditRow): z.input<typeof AdminCredit> {
  return {
    id: row.id,
    client_id: row.client_id,
    invoice_id: row.invoice_id,
    payment_id: row.payment_id,
    amount: row.amount,
    original_amount: row.original_amount,
    currency: row.currency,
    reason: row.reason,
    created_at: row.created_at.toISOString(),
    resolved_at: iso(row.resolved_at),
    resolution: row.resolution,
  };
}

export function adminInvoice(
  row: AdminInvoiceRow,
  lines: AdminLineRow[],
  payments: AdminPaymentRow[],
  credits: CreditRow[],
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
    payments: payments.map(adminPayment),
    credits: credits.map(adminCredit),
  };
}
