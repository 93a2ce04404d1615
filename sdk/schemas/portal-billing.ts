import { z } from 'zod';
import { Currency, Id, ListQuery, MinorUnits, PreviewedBy, Timestamp, listOf, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { IdParams } from './invoices.js';

/** One payment in the client's history, with the invoice it paid. */
export const PortalPaymentHistoryItem = z
  .object({
    id: Id,
    invoice_id: Id,
    invoice_number: Text(),
    amount: MinorUnits,
    currency: Currency,
    method: z.enum(['manual', 'stripe']),
    paid_at: Timestamp,
    refunded_amount: MinorUnits.describe('The part of this payment refunded so far (0 when none)'),
    previewed_by: PreviewedBy,
  })
  .strict()
  .meta({ id: 'PortalPaymentHistoryItem' });
export type PortalPaymentHistoryItem = z.infer<typeof PortalPaymentHistoryItem>;

export const PortalPaymentList = listOf(PortalPaymentHistoryItem).meta({ id: 'PortalPaymentList' });

export const PortalPaymentListQuery = ListQuery;
export interface PortalPaymentListQuery {
  limit?: number;
  starting_after?: string;
}

/** The portal's billing reads beyond the invoice list and detail: payment history and invoice PDFs. */
export const portalBillingEndpoints = {
  portalListPayments: endpoint({
    operationId: 'portalListPayments',
    method: 'GET',
    path: '/portal/payments',
    audience: 'portal',
    authenticated: true,
    summary: "Every payment on the client's issued invoices, newest first",
    query: PortalPaymentListQuery,
    response: PortalPaymentList,
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
