import { z } from 'zod';
import { CalendarDate, Currency, Id, ListQuery, MinorUnits, Timestamp, listOf } from './common.js';

/** Invoice states as a client sees them; "overdue" is derived from the due date. */
export const InvoiceStatus = z.enum(['unpaid', 'partially_paid', 'paid', 'overdue', 'cancelled']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const PortalInvoiceSummary = z
  .object({
    id: Id,
    number: z.string(),
    status: InvoiceStatus,
    currency: Currency,
    issue_date: CalendarDate,
    due_date: CalendarDate.nullable(),
    total: MinorUnits,
    amount_paid: MinorUnits,
    amount_due: MinorUnits.describe('total - amount_paid'),
    created_at: Timestamp,
  })
  .strict()
  .meta({ id: 'PortalInvoiceSummary' });
export type PortalInvoiceSummary = z.infer<typeof PortalInvoiceSummary>;

export const PortalInvoiceLine = z
  .object({
    id: Id,
    description: z.string(),
    quantity: z.string().describe('Decimal quantity, e.g. "0.25"'),
    unit_price: MinorUnits,
    tax_rate: z.string().describe('Tax rate in percent, e.g. "20.0000"'),
    amount: MinorUnits.describe('quantity × unit price, rounded half-up to the minor unit'),
    tax: MinorUnits,
  })
  .strict()
  .meta({ id: 'PortalInvoiceLine' });

export const PortalPayment = z
  .object({
    id: Id,
    amount: MinorUnits,
    currency: Currency,
    method: z.enum(['manual', 'stripe']),
    paid_at: Timestamp,
  })
  .strict()
  .meta({ id: 'PortalPayment' });

export const PortalInvoice = PortalInvoiceSummary.extend({
  subtotal: MinorUnits,
  tax: MinorUnits,
  client_note: z.string().nullable(),
  lines: z.array(PortalInvoiceLine),
  payments: z.array(PortalPayment),
})
  .strict()
  .meta({ id: 'PortalInvoice' });
export type PortalInvoice = z.infer<typeof PortalInvoice>;

export const PortalInvoiceList = listOf(PortalInvoiceSummary).meta({ id: 'PortalInvoiceList' });

export const PortalInvoiceListQuery = ListQuery.extend({
  status: InvoiceStatus.optional().describe('Only invoices in this state'),
}).strict();
export interface PortalInvoiceListQuery {
  limit?: number;
  starting_after?: string;
  status?: InvoiceStatus;
}

export const IdParams = z.object({ id: Id }).strict();
