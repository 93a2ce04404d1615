import { z } from 'zod';
import { CalendarDate, Currency, Id, ListQuery, MinorUnits, PreviewedBy, Timestamp, listOf, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { PaymentInstructionsView } from './tenants.js';

/** Invoice states as a client sees them; "overdue" is derived from the due date. */
export const InvoiceStatus = z.enum(['unpaid', 'partially_paid', 'paid', 'overdue', 'cancelled']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const PortalInvoiceSummary = z
  .object({
    id: Id,
    number: Text(),
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
    description: Text(),
    quantity: Text().describe('Decimal quantity, e.g. "0.25"'),
    unit_price: MinorUnits,
    tax_rate: Text().describe('Tax rate in percent, e.g. "20.0000"'),
    amount: MinorUnits.describe('quantity × unit price, rounded half-up to the minor unit'),
    tax: MinorUnits,
  })
  .strict()
  .meta({ id: 'PortalInvoiceLine' });

/** How a payment arrived (online payments are `card`). */
export const PaymentMode = z.enum(['bank_transfer', 'cash', 'check', 'card', 'other']);
export type PaymentMode = z.infer<typeof PaymentMode>;

export const PortalPayment = z
  .object({
    id: Id,
    amount: MinorUnits,
    currency: Currency,
    method: z.enum(['manual', 'stripe']),
    mode: PaymentMode.describe(
      'How the money arrived, to name it for people: card (every online payment), bank_transfer, cash, check or other',
    ),
    paid_at: Timestamp,
    previewed_by: PreviewedBy,
  })
  .strict()
  .meta({ id: 'PortalPayment' });

export const PortalInvoice = PortalInvoiceSummary.extend({
  subtotal: MinorUnits,
  tax: MinorUnits,
  client_note: Text().nullable(),
  lines: z.array(PortalInvoiceLine),
  payments: z.array(PortalPayment),
  payment_instructions: PaymentInstructionsView.nullable().describe(
    'How to pay without Stripe, as the firm wrote it: present while the invoice is payable (a balance due, not cancelled) and the firm has given any; else null',
  ),
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

// ─── Admin side ────────────────────────────────────────────────────────────

/** Every invoice state as the firm sees it: drafts too; "overdue" is derived from the due date. */
export const AdminInvoiceStatus = z.enum(['draft', 'unpaid', 'partially_paid', 'paid', 'overdue', 'cancelled']);
export type AdminInvoiceStatus = z.infer<typeof AdminInvoiceStatus>;

/** A decimal quantity with at most 4 places, greater than 0 (hours: "0.25"). */
export const Quantity = Text()
  .regex(/^\d{1,10}(\.\d{1,4}){0,1}$/, 'must be a decimal with at most 4 places, e.g. "0.25"')
  .refine((q) => /[1-9]/.test(q), 'must be greater than 0')
  .describe('Decimal quantity with at most 4 places, > 0 (e.g. "0.25")');

/** A tax rate in percent, 0 to 100, at most 4 places. */
export const TaxRate = Text()
  .regex(/^\d{1,3}(\.\d{1,4}){0,1}$/, 'must be a percentage with at most 4 places, e.g. "8.875"')
  .refine((r) => Number(r) <= 100, 'must be between 0 and 100')
  .describe('Tax rate in percent, 0–100, at most 4 places (e.g. "20" or "8.875")');

const Note = Text().trim().min(1).max(5000);

export const AdminInvoiceLineInput = z
  .object({
    description: Text().trim().min(1).max(1000),
    quantity: Quantity,
    unit_price: MinorUnits.min(0)
      .max(1_000_000_000_000)
      .describe('Price of one unit in the minor unit of the currency (cents, yen, fils)'),
    tax_rate: TaxRate.default('0'),
  })
  .strict()
  .meta({ id: 'AdminInvoiceLineInput' });
export type AdminInvoiceLineInput = z.input<typeof AdminInvoiceLineInput>;

const invoiceContent = {
  client_id: Id,
  matter_id: Id.nullable().optional().describe('A matter of the same client (400 otherwise)'),
  currency: Currency.optional().describe("ISO 4217 code; default: the firm's currency"),
  issue_date: CalendarDate.optional().describe("Default: today in the firm's time zone"),
  due_date: CalendarDate.nullable().optional(),
  client_note: Note.nullable().optional().describe('Shown to the client and on the PDF'),
  internal_note: Note.nullable().optional().describe('For the firm only: never in the portal or on the PDF'),
  lines: z.array(AdminInvoiceLineInput).min(1).max(200),
};

const ExternalId = Text().min(1).max(255).describe("The invoice's id in the firm's own system, unique in the firm");

export const AdminInvoiceCreateRequest = z
  .object({ ...invoiceContent, external_id: ExternalId.optional() })
  .strict()
  .meta({ id: 'AdminInvoiceCreateRequest' });
export type AdminInvoiceCreateRequest = z.input<typeof AdminInvoiceCreateRequest>;

/** The whole content of a draft at once (PUT by external id). */
export const AdminInvoiceUpsertRequest = z.object(invoiceContent).strict().meta({ id: 'AdminInvoiceUpsertRequest' });
export type AdminInvoiceUpsertRequest = z.input<typeof AdminInvoiceUpsertRequest>;

/** Changes to a draft; `lines`, when given, replace all lines. */
export const AdminInvoiceUpdateRequest = z
  .object({
    client_id: invoiceContent.client_id.optional(),
    matter_id: invoiceContent.matter_id,
    currency: Currency.optional(),
    issue_date: CalendarDate.optional(),
    due_date: invoiceContent.due_date,
    client_note: invoiceContent.client_note,
    internal_note: invoiceContent.internal_note,
    external_id: ExternalId.nullable().optional(),
    lines: invoiceContent.lines.optional(),
  })
  .strict()
  .meta({ id: 'AdminInvoiceUpdateRequest' });
export type AdminInvoiceUpdateRequest = z.input<typeof AdminInvoiceUpdateRequest>;

export const AdminInvoiceSummary = z
  .object({
    id: Id,
    number: Text().nullable().describe('Assigned when the invoice is first sent; null for drafts'),
    status: AdminInvoiceStatus,
    client_id: Id,
    matter_id: Id.nullable(),
    currency: Currency,
    issue_date: CalendarDate,
    due_date: CalendarDate.nullable(),
    subtotal: MinorUnits,
    tax: MinorUnits,
    total: MinorUnits,
    amount_paid: MinorUnits.describe('Received, net of refunds, never above total'),
    amount_due: MinorUnits.describe('total - amount_paid (0 for drafts and cancelled invoices)'),
    external_id: Text().nullable(),
    sent: z.boolean(),
    sent_at: Timestamp.nullable().describe('First sent'),
    last_sent_at: Timestamp.nullable(),
    cancelled_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .strict()
  .meta({ id: 'AdminInvoiceSummary' });
export type AdminInvoiceSummary = z.infer<typeof AdminInvoiceSummary>;

export const AdminPayment = z
  .object({
    id: Id,
    invoice_id: Id,
    amount: MinorUnits,
    currency: Currency,
    method: z.enum(['manual', 'stripe']),
    mode: PaymentMode.nullable(),
    transaction_id: Text().nullable(),
    note: Text().nullable().describe('Internal'),
    stripe_payment_intent_id: Text().nullable(),
    contact_id: Id.nullable().describe('The paying contact (Stripe)'),
    refunded_amount: MinorUnits,
    paid_at: Timestamp,
    created_at: Timestamp,
    previewed_by: PreviewedBy,
  })
  .strict()
  .meta({ id: 'AdminPayment' });
export type AdminPayment = z.infer<typeof AdminPayment>;

/** Money received above an invoice's balance (Stripe never refuses it): owed to the client until resolved. */
export const AdminCredit = z
  .object({
    id: Id,
    client_id: Id,
    invoice_id: Id,
    payment_id: Id,
    amount: MinorUnits.describe('Still open'),
    original_amount: MinorUnits,
    currency: Currency,
    reason: z.enum(['overpayment']),
    created_at: Timestamp,
    resolved_at: Timestamp.nullable(),
    resolution: z
      .enum(['refunded', 'refunded_manually', 'written_off'])
      .nullable()
      .describe('refunded: used up by a Stripe refund; the others: settled by the firm'),
  })
  .strict()
  .meta({ id: 'AdminCredit' });
export type AdminCredit = z.infer<typeof AdminCredit>;

export const AdminInvoiceLine = PortalInvoiceLine.extend({ position: z.number().int() })
  .strict()
  .meta({ id: 'AdminInvoiceLine' });

export const AdminInvoice = AdminInvoiceSummary.extend({
  client_note: Text().nullable(),
  internal_note: Text().nullable(),
  lines: z.array(AdminInvoiceLine),
  payments: z.array(AdminPayment),
  credits: z.array(AdminCredit),
})
  .strict()
  .meta({ id: 'AdminInvoice' });
export type AdminInvoice = z.infer<typeof AdminInvoice>;

export const AdminInvoiceList = listOf(AdminInvoiceSummary).meta({ id: 'AdminInvoiceList' });

export const AdminInvoiceListQuery = ListQuery.extend({
  client_id: Id.optional(),
  matter_id: Id.optional(),
  status: AdminInvoiceStatus.optional().describe('Only invoices in this state (overdue is derived)'),
  external_id: Text().min(1).max(255).optional(),
  number: Text().min(1).max(40).optional().describe('Only the invoice with this number'),
}).strict();
export type AdminInvoiceListQuery = Partial<z.output<typeof AdminInvoiceListQuery>>;

export const ExternalIdParams = z.object({ external_id: ExternalId }).strict();

export const adminInvoiceEndpoints = {
  adminListInvoices: endpoint({
    operationId: 'adminListInvoices',
    method: 'GET',
    path: '/admin/invoices',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's invoices, drafts included, newest first; filter by client, matter, status (overdue derived)",
    query: AdminInvoiceListQuery,
    response: AdminInvoiceList,
    status: 200,
  }),
  adminCreateInvoice: endpoint({
    operationId: 'adminCreateInvoice',
    method: 'POST',
    path: '/admin/invoices',
    audience: 'admin',
    authenticated: true,
    summary: 'Create a draft invoice (409 external_id_taken if the external id is in use; Idempotency-Key honoured)',
    body: AdminInvoiceCreateRequest,
    response: AdminInvoice,
    status: 201,
    idempotent: true,
  }),
  adminRetrieveInvoice: endpoint({
    operationId: 'adminRetrieveInvoice',
    method: 'GET',
    path: '/admin/invoices/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'One invoice with its lines, payments, credits and internal note',
    params: IdParams,
    response: AdminInvoice,
    status: 200,
  }),
  adminUpdateInvoice: endpoint({
    operationId: 'adminUpdateInvoice',
    method: 'PATCH',
    path: '/admin/invoices/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Change a draft (409 invoice_not_draft once sent)',
    params: IdParams,
    body: AdminInvoiceUpdateRequest,
    response: AdminInvoice,
    status: 200,
  }),
  adminUpsertInvoiceByExternalId: endpoint({
    operationId: 'adminUpsertInvoiceByExternalId',
    method: 'PUT',
    path: '/admin/invoices/by-external-id/:external_id',
    audience: 'admin',
    authenticated: true,
    summary:
      "For a firm's sync: creates the draft with this external id, or replaces the content of the existing draft " +
      '(once sent: the invoice as is when unchanged, else 409 invoice_not_draft)',
    params: ExternalIdParams,
    body: AdminInvoiceUpsertRequest,
    response: AdminInvoice,
    status: 200,
  }),
  adminSendInvoice: endpoint({
    operationId: 'adminSendInvoice',
    method: 'POST',
    path: '/admin/invoices/:id/send',
    audience: 'admin',
    authenticated: true,
    summary:
      'Send: a draft gets its number and becomes unpaid; sent ones are re-sent. Emails the contacts who receive invoice emails',
    params: IdParams,
    response: AdminInvoice,
    status: 200,
  }),
  adminCancelInvoice: endpoint({
    operationId: 'adminCancelInvoice',
    method: 'POST',
    path: '/admin/invoices/:id/cancel',
    audience: 'admin',
    authenticated: true,
    summary: 'Cancel a sent invoice that has received no payment (409 otherwise)',
    params: IdParams,
    response: AdminInvoice,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;

/** The client's invoices, as the portal shows them. */
export const portalInvoiceEndpoints = {
  portalListInvoices: endpoint({
    operationId: 'portalListInvoices',
    method: 'GET',
    path: '/portal/invoices',
    audience: 'portal',
    authenticated: true,
    summary: "List the client's issued invoices, newest first",
    query: PortalInvoiceListQuery,
    response: PortalInvoiceList,
    status: 200,
  }),
  portalRetrieveInvoice: endpoint({
    operationId: 'portalRetrieveInvoice',
    method: 'GET',
    path: '/portal/invoices/:id',
    audience: 'portal',
    authenticated: true,
    summary: 'One invoice with its lines, payments and balance',
    params: IdParams,
    response: PortalInvoice,
    status: 200,
  }),
  portalInvoicePdf: endpoint({
    operationId: 'portalInvoicePdf',
    method: 'GET',
    path: '/portal/invoices/:id/pdf',
    audience: 'portal',
    authenticated: true,
    summary:
      'The invoice as a PDF (Content-Disposition: attachment; filename="<number>.pdf"); the same invoice ' +
      'state gives the same bytes and ETag, and Range / If-Range fetch part of it',
    params: IdParams,
    kind: 'download',
    // The firm's logo is fetched between the facts' transaction and the rendering.
    transactions: 'own',
    produces: 'application/pdf',
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
