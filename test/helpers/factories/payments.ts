import { randomUUID } from 'node:crypto';
import { idOf, ownerOf, type Db, type Ref } from './owner.js';

export interface PaymentRow {
  tenant_id: string;
  id: string;
  client_id: string;
  invoice_id: string;
  contact_id: string | null;
  amount: number;
  currency: string;
  method: 'manual' | 'stripe';
  paid_at: Date;
  refunded_amount: number;
}

/** The tenant, client and currency of an invoice: what its payments, refunds and credits repeat. */
async function invoiceOf(db: Db, invoice: Ref): Promise<{ tenant_id: string; client_id: string; currency: string }> {
  const row = await ownerOf(db)('invoices')
    .where({ id: idOf(invoice) })
    .first('tenant_id', 'client_id', 'currency');
  if (!row) throw new Error(`no invoice ${idOf(invoice)}`);
  return row;
}

/**
 * A payment of `invoice` in its currency, written with the owner connection: a
 * given time, a Stripe method or a payment on any invoice, none of which the API
 * makes. The invoice's amount paid is not changed (say `amount_paid` on the
 * invoice if the test needs it).
 */
export async function aPayment(
  db: Db,
  o: {
    invoice: Ref;
    amount?: number;
    method?: 'manual' | 'stripe';
    paid_at?: string;
    contact?: Ref;
    refunded_amount?: number;
  },
): Promise<PaymentRow> {
  const invoice = await invoiceOf(db, o.invoice);
  const [row] = await ownerOf(db)('payments')
    .insert({
      tenant_id: invoice.tenant_id,
      client_id: invoice.client_id,
      invoice_id: idOf(o.invoice),
      ...(o.contact ? { contact_id: idOf(o.contact) } : {}),
      amount: o.amount ?? 1,
      currency: invoice.currency,
      method: o.method ?? 'manual',
      ...(o.paid_at ? { paid_at: o.paid_at } : {}),
      ...(o.refunded_amount ? { refunded_amount: o.refunded_amount } : {}),
    })
    .returning('*');
  return row as PaymentRow;
}

/**
 * A refund of `payment` (in its currency), written with the owner connection,
 * and the payment's refunded amount raised by it, as a Stripe refund event would.
 */
export async function aRefund(
  db: Db,
  o: { payment: Ref; amount?: number; created_at?: string; stripe_refund_id?: string | null },
): Promise<{ id: string }> {
  const owner = ownerOf(db);
  const payment = await owner('payments')
    .where({ id: idOf(o.payment) })
    .first();
  const amount = o.amount ?? 1;
  const [row] = await owner('refunds')
    .insert({
      tenant_id: payment.tenant_id,
      client_id: payment.client_id,
      payment_id: payment.id,
      invoice_id: payment.invoice_id,
      amount,
      currency: payment.currency,
      stripe_refund_id: o.stripe_refund_id === undefined ? `re_${randomUUID().slice(0, 8)}` : o.stripe_refund_id,
      ...(o.created_at ? { created_at: o.created_at } : {}),
    })
    .returning('id');
  await owner('payments')
    .where({ id: payment.id })
    .update({ refunded_amount: owner.raw('refunded_amount + ?', [amount]) });
  return row as { id: string };
}

/** A client credit (an overpayment) from `payment`, written with the owner connection. */
export async function aCredit(db: Db, o: { payment: Ref; amount?: number }): Promise<{ id: string }> {
  const owner = ownerOf(db);
  const payment = await owner('payments')
    .where({ id: idOf(o.payment) })
    .first();
  const [row] = await owner('client_credits')
    .insert({
      tenant_id: payment.tenant_id,
      client_id: payment.client_id,
      invoice_id: payment.invoice_id,
      payment_id: payment.id,
      amount: o.amount ?? 1,
      original_amount: o.amount ?? 1,
      currency: payment.currency,
    })
    .returning('id');
  return row as { id: string };
}
