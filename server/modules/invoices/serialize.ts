import type { z } from 'zod';
import type { PortalInvoice, PortalInvoiceSummary, PortalPayment } from '../../../sdk/schemas/invoices.js';
import type { Row } from '../../db/model.js';
import type { InvoiceLineModel, InvoiceModel } from './models.js';
import type { PortalDisplayStatus } from './overdue.js';

type Summary = z.input<typeof PortalInvoiceSummary>;

/** An issued invoice as the portal's list reads it: numbered (the policies hide drafts), with its display status. */
export type PortalInvoiceRow = Pick<
  Row<InvoiceModel>,
  'id' | 'status' | 'currency' | 'issue_date' | 'due_date' | 'total' | 'amount_paid' | 'created_at'
> & { number: string; display_status: PortalDisplayStatus };

/** The detail adds the figures and the note to the client. */
export type PortalInvoiceDetailRow = PortalInvoiceRow & Pick<Row<InvoiceModel>, 'subtotal' | 'tax' | 'client_note'>;

export type PortalLineRow = Pick<
  Row<InvoiceLineModel>,
  'id' | 'description' | 'quantity' | 'unit_price' | 'tax_rate' | 'amount' | 'tax'
>;

function amountDue(invoice: PortalInvoiceRow): number {
  if (invoice.status === 'cancelled') return 0;
  return Math.max(invoice.total - invoice.amount_paid, 0);
}

/** The portal's allow-list of invoice fields: no internal data ever reaches it. */
export function portalInvoiceSummary(invoice: PortalInvoiceRow): Summary {
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
  invoice: PortalInvoiceDetailRow,
  lines: PortalLineRow[],
  payments: z.input<typeof PortalPayment>[],
  paymentInstructions: z.input<typeof PortalInvoice>['payment_instructions'],
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
    payments,
    payment_instructions: paymentInstructions,
  };
}
