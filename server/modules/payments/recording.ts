/**
 * Recording money received and refunded, for every path that moves an invoice's
 * balance: manual payments (admin API) and Stripe (webhooks). Each call runs in
 * the caller's transaction as caseflow_staff with the firm set, and starts by
 * locking the invoice row, so concurrent payments of one invoice apply one after
 * the other and the balance is always read fresh.
 *
 * Rules (the balance itself is the invoices module's: invoices/balance.ts):
 * - an invoice's amount_paid is what it has received net of refunds, never more
 *   than its total; its status follows: 0 → unpaid, below total → partially_paid,
 *   total → paid (draft and cancelled invoices keep their status);
 * - a Stripe payment is recorded once per payment intent (a unique key; a replay
 *   answers created: false with the first recording);
 * - money above the balance is refused for manual payments and, for Stripe
 *   (money already taken), recorded with the excess as a client credit flagged
 *   for the firm (drafts and cancelled invoices have no balance: all of it);
 * - a refund is recorded once per Stripe refund id; it first reduces the open
 *   credit its payment created, then the invoice's amount_paid.
 */
import type { RequestDb } from '../../db/request-db.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import { formatMoney } from '../../../sdk/format.js';
import {
  currentBalance,
  lockInvoice,
  setAmountPaid,
  type InvoiceBalance,
  type LockedInvoice,
} from '../invoices/balance.js';
import { recordEvent } from '../../jobs/events.js';
import { currentTenant, type Row } from '../../db/model.js';
import { ClientCreditModel, PaymentModel, RefundModel } from './models.js';

export const paymentMessages = {
  invoiceNotFound: 'No such invoice.',
  notPayable: (status: string) =>
    status === 'draft'
      ? 'This invoice is a draft: send it before recording a payment.'
      : status === 'cancelled'
        ? 'This invoice is cancelled: it takes no payments.'
        : 'This invoice is paid in full: it has no balance to pay.',
  aboveBalance: (amount: number, balance: number, currency: string) =>
    `The payment of ${formatMoney(amount, currency)} is more than the balance due of ${formatMoney(balance, currency)}.`,
  currencyMismatch: (given: string, invoice: string) => `The payment is in ${given} but the invoice is in ${invoice}.`,
  notPositive: 'The amount must be more than zero.',
  fullyRefunded: 'This payment has already been refunded in full.',
};

export const PAYMENT_MODES = ['bank_transfer', 'cash', 'check', 'card', 'other'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

export interface RecordPaymentInput {
  invoiceId: string;
  /** Minor units of `currency`, > 0. */
  amount: number;
  currency: string;
  method: 'manual' | 'stripe';
  paidAt?: Date | string;
  mode?: string | null;
  transactionId?: string | null;
  /** Internal to the firm: never shown to the portal. */
  note?: string | null;
  stripePaymentIntentId?: string | null;
  /** The paying contact (Stripe). */
  contactId?: string | null;
  /** The admin whose preview opened the checkout this payment came from (Stripe). */
  previewedBy?: string | null;
  /** Manual payments: 'refuse' (400 amount_exceeds_balance); Stripe: 'credit' (money taken is never refused). */
  overpayment: 'refuse' | 'credit';
  /** Who recorded it, for the payment.recorded event: Stripe's payments are the system's (the default). */
  actor?: { actorType: 'staff' | 'api_key' | 'system'; actorId: string | null };
}

export interface RecordPaymentResult {
  payment: { id: string; amount: number };
  /** False when this payment intent had already been recorded: nothing changed. */
  created: boolean;
  credit: { id: string; amount: number } | null;
  invoice: InvoiceBalance;
}

export interface RecordRefundInput {
  stripeRefundId: string;
  stripePaymentIntentId: string;
  /** This refund only (minor units), not Stripe's cumulative amount_refunded. */
  amount: number;
}

export interface RecordRefundResult {
  created: boolean;
  refund: { id: string; amount: number };
  invoice: InvoiceBalance;
}

/** The payment already recorded for a Stripe payment intent, with its credit. */
async function existingIntent(
  db: RequestDb,
  intentId: string,
  invoice: LockedInvoice,
): Promise<RecordPaymentResult | undefined> {
  const [payment] = await db.query<
    Pick<Row<PaymentModel>, 'id' | 'amount'> & { credit_id: string | null; credit_amount: number | null }
  >(
    `SELECT p.id, p.amount, c.id AS credit_id, c.original_amount AS credit_amount
       FROM payments p LEFT JOIN client_credits c ON c.tenant_id = p.tenant_id AND c.payment_id = p.id
      WHERE p.stripe_payment_intent_id = $1`,
    [intentId],
  );
  if (!payment) return undefined;
  return {
    payment: { id: payment.id, amount: Number(payment.amount) },
    created: false,
    credit: payment.credit_id ? { id: payment.credit_id, amount: Number(payment.credit_amount) } : null,
    invoice: currentBalance(invoice),
  };
}

/**
 * Records a payment against an invoice (see the rules above). Throws
 * NotFoundError for an unknown invoice; for manual payments ('refuse'),
 * ConflictError invoice_not_payable and BadRequestError amount_exceeds_balance.
 */
export async function recordPayment(db: RequestDb, input: RecordPaymentInput): Promise<RecordPaymentResult> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new BadRequestError('invalid_amount', paymentMessages.notPositive);
  }
  const invoice = await lockInvoice(db, input.invoiceId);
  if (!invoice) throw new NotFoundError('resource_missing', paymentMessages.invoiceNotFound);
  if (input.currency !== invoice.currency) {
    throw new BadRequestError('currency_mismatch', paymentMessages.currencyMismatch(input.currency, invoice.currency));
  }
  const before = currentBalance(invoice);
  if (input.overpayment === 'refuse') {
    if (before.balance === 0)
      throw new ConflictError('invoice_not_payable', paymentMessages.notPayable(invoice.status));
    if (input.amount > before.balance) {
      throw new BadRequestError(
        'amount_exceeds_balance',
        paymentMessages.aboveBalance(input.amount, before.balance, invoice.currency),
      );
    }
  }
  // Raw: ON CONFLICT on the payment intent is how a replay is told apart, under the invoice lock.
  const [inserted] = await db.query<Pick<Row<PaymentModel>, 'id'>>(
    `INSERT INTO payments (tenant_id, invoice_id, amount, currency, method, mode, transaction_id, note,
                           stripe_payment_intent_id, contact_id, paid_at, client_id, previewed_by)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::timestamptz, now()), $11, $12)
     ON CONFLICT (tenant_id, stripe_payment_intent_id) DO NOTHING
     RETURNING id`,
    [
      invoice.id,
      input.amount,
      input.currency,
      input.method,
      input.mode ?? null,
      input.transactionId ?? null,
      input.note ?? null,
      input.stripePaymentIntentId ?? null,
      input.contactId ?? null,
      input.paidAt === undefined ? null : new Date(input.paidAt).toISOString(),
      invoice.client_id,
      input.previewedBy ?? null,
    ],
  );
  if (!inserted) {
    // Only a payment intent can conflict: it was recorded before (the invoice lock made us wait for it).
    const again = await existingIntent(db, input.stripePaymentIntentId!, invoice);
    if (again) return again;
    throw new Error('payment insert conflicted but no payment holds the intent');
  }
  const applied = Math.min(input.amount, before.balance);
  const excess = input.amount - applied;
  let credit: RecordPaymentResult['credit'] = null;
  if (excess > 0) {
    const row = await ClientCreditModel.query(db.knex)
      .insert({
        tenant_id: currentTenant(),
        client_id: invoice.client_id,
        invoice_id: invoice.id,
        payment_id: inserted.id,
        amount: excess,
        original_amount: excess,
        currency: invoice.currency,
      } as never)
      .returning('id')
      .castTo<Pick<Row<ClientCreditModel>, 'id'>>();
    credit = { id: row.id, amount: excess };
  }
  const after = applied > 0 ? await setAmountPaid(db, invoice, before.amount_paid + applied) : before;
  // The balance moved: the invoice's open Checkout Sessions expire after commit (expire-checkout-sessions).
  await recordEvent(db, {
    type: 'payment.recorded',
    data: {
      invoice_id: invoice.id,
      payment_id: inserted.id,
      method: input.method,
      amount: input.amount,
      currency: invoice.currency,
    },
    subjectType: 'invoice',
    subjectId: invoice.id,
    ...(input.actor ?? { actorType: 'system', actorId: null }),
  });
  return { payment: { id: inserted.id, amount: input.amount }, created: true, credit, invoice: after };
}

/**
 * Records a Stripe refund once per refund id (a replay answers created: false).
 * Returns null when no payment holds the payment intent (not ours, or not yet
 * recorded: the caller may let Stripe retry). The refund first reduces the open
 * credit its payment created, then the invoice's amount_paid, which moves the
 * status back (paid → partially_paid → unpaid).
 */
export async function recordRefund(db: RequestDb, input: RecordRefundInput): Promise<RecordRefundResult | null> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new BadRequestError('invalid_amount', paymentMessages.notPositive);
  }
  const found = await PaymentModel.query(db.knex)
    .select('invoice_id')
    .where('stripe_payment_intent_id', input.stripePaymentIntentId)
    .first()
    .castTo<Pick<Row<PaymentModel>, 'invoice_id'> | undefined>();
  if (!found) return null;
  const invoice = (await lockInvoice(db, found.invoice_id))!;
  const known = async (): Promise<RecordRefundResult | null> => {
    const row = await RefundModel.query(db.knex)
      .select('id', 'amount')
      .where('stripe_refund_id', input.stripeRefundId)
      .first()
      .castTo<Pick<Row<RefundModel>, 'id' | 'amount'> | undefined>();
    return row
      ? { created: false, refund: { id: row.id, amount: Number(row.amount) }, invoice: currentBalance(invoice) }
      : null;
  };
  const replay = await known();
  if (replay) return replay;
  const payment = await PaymentModel.query(db.knex)
    .select('id', 'amount', 'refunded_amount', 'currency')
    .where('stripe_payment_intent_id', input.stripePaymentIntentId)
    .first()
    .castTo<Pick<Row<PaymentModel>, 'id' | 'amount' | 'refunded_amount' | 'currency'> | undefined>();
  // Never more than what is left of the payment: Stripe cannot refund more, and the bookkeeping must stay within it.
  const amount = Math.min(input.amount, Number(payment!.amount) - Number(payment!.refunded_amount));
  if (amount <= 0) throw new ConflictError('payment_fully_refunded', paymentMessages.fullyRefunded);
  // Raw, like the payment's: ON CONFLICT on the refund id tells a replay apart.
  const [inserted] = await db.query<Pick<Row<RefundModel>, 'id'>>(
    `INSERT INTO refunds (tenant_id, payment_id, invoice_id, amount, currency, stripe_refund_id, client_id)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, stripe_refund_id) DO NOTHING
     RETURNING id`,
    [payment!.id, invoice.id, amount, payment!.currency, input.stripeRefundId, invoice.client_id],
  );
  if (!inserted) return (await known())!;
  await PaymentModel.query(db.knex).increment('refunded_amount', amount).where('id', payment!.id);
  let rest = amount;
  const credit = await ClientCreditModel.query(db.knex)
    .select('id', 'amount')
    .where('payment_id', payment!.id)
    .whereNull('resolved_at')
    .forUpdate()
    .first()
    .castTo<Pick<Row<ClientCreditModel>, 'id' | 'amount'> | undefined>();
  if (credit) {
    const fromCredit = Math.min(rest, Number(credit.amount));
    const left = Number(credit.amount) - fromCredit;
    // Used up: settled by the refund itself.
    await ClientCreditModel.query(db.knex)
      .patch({
        amount: left,
        resolved_at: left === 0 ? ClientCreditModel.fn.now() : null,
        resolution: left === 0 ? 'refunded' : null,
      } as never)
      .where('id', credit.id);
    rest -= fromCredit;
  }
  const paid = Number(invoice.amount_paid);
  const after = rest > 0 ? await setAmountPaid(db, invoice, Math.max(paid - rest, 0)) : currentBalance(invoice);
  await recordEvent(db, {
    type: 'refund.recorded',
    data: { invoice_id: invoice.id, refund_id: inserted.id, amount, currency: payment!.currency },
    subjectType: 'invoice',
    subjectId: invoice.id,
    actorType: 'system',
    actorId: null,
  });
  return { created: true, refund: { id: inserted.id, amount }, invoice: after };
}
