import type { z } from 'zod';
import type { PortalInvoice, PortalInvoiceSummary } from '../../../sdk/schemas/invoices.js';
import type { Invoice, InvoiceLine, Payment } from './models.js';

type Summary = z.input<typeof PortalInvoiceSummary>;

function amountDue(invoice: Invoice): number {
  if (invoice.status === 'cancelled') return 0;
  return Math.max(invoice.total - invoice.amount_paid, 0);
}

/** The portal's allow-list of invoice fields: no internal data ever reaches it. */
export function portalInvoiceSummary(invoice: Invoice): Summary {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.display_status,
    currency: invoice.currency,
    issue_date: invoice.issue_date,
    due_date: invoice.due_date,
    total: invoice.total,
    amount_paid: invoice.amount_paid,
    amount_due: amountDue(invoice),
    created_at: invoice.created_at.toISOString(),
  };
}

export function portalInvoice(
  invoice: Invoice,
  lines: InvoiceLine[],
  payments: Payment[],
): z.input<typeof PortalInvoice> {
  return {
    ...portalInvoiceSummary(invoice),
    subtotal: invoice.subtotal,
    tax: invoice.tax,
    client_note: invoice.client_note,
    lines: lines.map((line) => ({
      id: line.id,
      description: line.description,
      quantity: line.quantity,
      unit_price: line.unit_price,
      tax_rate: line.tax_rate,
      amount: line.amount,
      tax: line.tax,
    })),
    payments: payments.map((payment) => ({
      id: payment.id,
      amount: payment.amount,
      currency: payment.currency,
      method: payment.method,
      paid_at: payment.paid_at.toISOString(),
      previewed_by: payment.previewed_by ?? null,
    })),
  };
}
