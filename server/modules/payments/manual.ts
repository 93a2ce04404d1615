/**
 * Manual payments: money the firm received itself (bank transfer, cash…),
 * recorded against an invoice's balance through recording.ts.
 */
import type { z } from 'zod';
import type { ManualPaymentRequest, ManualPaymentResult } from '../../../sdk/schemas/payments.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { firmToday, retrieve } from '../invoices/admin-read.js';
import { lockInvoice } from '../invoices/balance.js';
import { paymentMessages, recordPayment } from './recording.js';

export const manualMessages = {
  paidInFuture: (paidAt: string, today: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(paidAt)
      ? `The date paid, ${paidAt}, is in the future (today is ${today} in the firm's time zone): record a payment once the money has arrived.`
      : `The time paid, ${paidAt}, is in the future: record a payment once the money has arrived.`,
};

/** A payment date must not be after today in the firm's time zone, a payment time not after now. */
async function checkPaidAt(act: AdminAct, paidAt: string | undefined): Promise<void> {
  if (paidAt === undefined) return;
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(paidAt);
  const today = await firmToday(act.db, act.admin.timezone);
  const [row] = await act.db.query<{ future: boolean }>(
    isDate ? `SELECT $1::date > $2::date AS future` : `SELECT $1::timestamptz > now() AS future`,
    isDate ? [paidAt, today] : [paidAt],
  );
  if (row!.future) {
    const message = manualMessages.paidInFuture(paidAt, today);
    throw new ValidationError(message, [{ path: 'body.paid_at', code: 'invalid_date', message }]);
  }
}

/**
 * Records a manual payment: the amount defaults to the balance; above it is a
 * 400 amount_exceeds_balance, a draft, cancelled or paid invoice a 409, a date
 * in the future a 400.
 */
export async function recordManualPayment(
  act: AdminAct,
  id: string,
  body: z.output<typeof ManualPaymentRequest>,
): Promise<z.input<typeof ManualPaymentResult>> {
  const { db, admin } = act;
  await checkPaidAt(act, body.paid_at);
  const invoice = await lockInvoice(db, id);
  if (!invoice) throw new NotFoundError('resource_missing', paymentMessages.invoiceNotFound);
  const open = invoice.status === 'unpaid' || invoice.status === 'partially_paid';
  const balance = open ? Math.max(Number(invoice.total) - Number(invoice.amount_paid), 0) : 0;
  if (balance === 0) throw new ConflictError('invoice_not_payable', paymentMessages.notPayable(invoice.status));
  const result = await recordPayment(db, {
    invoiceId: id,
    amount: body.amount ?? balance,
    currency: invoice.currency,
    method: 'manual',
    paidAt: body.paid_at,
    mode: body.mode ?? null,
    transactionId: body.transaction_id ?? null,
    note: body.note ?? null,
    overpayment: 'refuse',
    actor: { actorType: admin.principal_type, actorId: admin.principal_id },
  });
  await recordAudit(
    db,
    {
      action: 'invoice.payment_recorded',
      ...adminActor(admin),
      subjectType: 'invoice',
      subjectId: id,
      data: {
        payment_id: result.payment.id,
        amount: result.payment.amount,
        currency: invoice.currency,
        mode: body.mode ?? null,
      },
    },
    act.meta,
  );
  const full = await retrieve(db, admin.timezone, id);
  const payment = full.payments.find((p) => p.id === result.payment.id)!;
  return { payment, invoice: full };
}
