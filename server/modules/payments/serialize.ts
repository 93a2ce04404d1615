import type { z } from 'zod';
import type { AdminCredit, AdminPayment, PortalPayment } from '../../../sdk/schemas/invoices.js';
import type { PortalPaymentHistoryItem } from '../../../sdk/schemas/payments.js';
import type { Row } from '../../db/model.js';
import type { Previewer } from '../impersonations/previewer.js';
import type { ClientCreditModel, PaymentModel } from './models.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A payment as read with previewerColumn: the previewing admin's id and name in place of the id. */
type WithPreviewer<R> = Omit<R, 'previewed_by'> & { previewed_by: Previewer | null };

export type AdminPaymentRow = WithPreviewer<
  Pick<
    Row<PaymentModel>,
    | 'id'
    | 'invoice_id'
    | 'amount'
    | 'currency'
    | 'method'
    | 'mode'
    | 'transaction_id'
    | 'note'
    | 'stripe_payment_intent_id'
    | 'contact_id'
    | 'refunded_amount'
    | 'paid_at'
    | 'created_at'
    | 'previewed_by'
  >
>;

export type PortalPaymentRow = WithPreviewer<
  Pick<Row<PaymentModel>, 'id' | 'amount' | 'currency' | 'method' | 'mode' | 'paid_at' | 'previewed_by'>
>;

/** A payment joined with its invoice's number. */
export type HistoryRow = WithPreviewer<
  Pick<
    Row<PaymentModel>,
    'id' | 'invoice_id' | 'amount' | 'currency' | 'method' | 'mode' | 'paid_at' | 'refunded_amount' | 'previewed_by'
  >
> & { invoice_number: string };

/** How a payment arrived, in the words a client reads: an online payment is a card; an unrecorded mode is "other". */
const portalMode = (row: Pick<Row<PaymentModel>, 'method' | 'mode'>) =>
  row.method === 'stripe' ? 'card' : (row.mode ?? 'other');

export type CreditRow = Omit<Row<ClientCreditModel>, 'tenant_id'>;

/** The portal's allow-list of payment fields: never the internal note, mode details or Stripe ids. */
export function portalPaymentHistoryItem(row: HistoryRow): z.input<typeof PortalPaymentHistoryItem> {
  return {
    id: row.id,
    invoice_id: row.invoice_id,
    invoice_number: row.invoice_number,
    amount: row.amount,
    currency: row.currency,
    method: row.method,
    mode: portalMode(row),
    paid_at: row.paid_at.toISOString(),
    refunded_amount: row.refunded_amount,
    previewed_by: row.previewed_by,
  };
}

/** A payment in the portal's invoice detail. */
export function portalPayment(row: PortalPaymentRow): z.input<typeof PortalPayment> {
  return {
    id: row.id,
    amount: row.amount,
    currency: row.currency,
    method: row.method,
    mode: portalMode(row),
    paid_at: row.paid_at.toISOString(),
    previewed_by: row.previewed_by ?? null,
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
