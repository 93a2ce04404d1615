/**
 * What other modules ask of payments: an invoice's payments and credits, as the
 * invoice's detail shows them. Reads run in the caller's transaction.
 */
import { raw } from 'objection';
import type { z } from 'zod';
import type { AdminCredit, AdminPayment, PortalPayment } from '../../../sdk/schemas/invoices.js';
import type { RequestDb } from '../../db/request-db.js';
import { previewerColumn } from '../impersonations/previewer.js';
import { ClientCreditModel, PaymentModel } from './models.js';
import {
  adminCredit,
  adminPayment,
  portalPayment,
  type AdminPaymentRow,
  type CreditRow,
  type PortalPaymentRow,
} from './serialize.js';

/** The columns of a credit on the wire. */
export const creditColumns = [
  'id',
  'client_id',
  'invoice_id',
  'payment_id',
  'amount',
  'original_amount',
  'currency',
  'reason',
  'created_at',
  'resolved_at',
  'resolution',
] as const;

/**
 * The payments of one invoice in the portal's detail, in the order they were
 * paid. Part of the portal's hot detail read: the statement is sent as built,
 * on the request's connection.
 */
export async function portalPaymentsOfInvoice(
  db: RequestDb,
  invoiceId: string,
): Promise<z.input<typeof PortalPayment>[]> {
  const rows = await db.rows<PortalPaymentRow>(
    PaymentModel.query()
      .select('id', 'amount', 'currency', 'method', 'mode', 'paid_at', raw(previewerColumn('payments')))
      .where('invoice_id', invoiceId)
      .orderBy('paid_at'),
  );
  return rows.map(portalPayment);
}

/** The payments and credits of one invoice, as the admin's invoice detail shows them. */
export async function adminPaymentsOfInvoice(
  db: RequestDb,
  invoiceId: string,
): Promise<{ payments: z.input<typeof AdminPayment>[]; credits: z.input<typeof AdminCredit>[] }> {
  const payments = await PaymentModel.query(db.knex)
    .select(
      'id',
      'invoice_id',
      'amount',
      'currency',
      'method',
      'mode',
      'transaction_id',
      'note',
      'stripe_payment_intent_id',
      'contact_id',
      'refunded_amount',
      'paid_at',
      'created_at',
      raw(previewerColumn('payments')),
    )
    .where('invoice_id', invoiceId)
    .orderBy(['paid_at', 'created_at'])
    .castTo<AdminPaymentRow[]>();
  const credits = await ClientCreditModel.query(db.knex)
    .select(...creditColumns)
    .where('invoice_id', invoiceId)
    .orderBy('created_at')
    .castTo<CreditRow[]>();
  return { payments: payments.map(adminPayment), credits: credits.map(adminCredit) };
}
