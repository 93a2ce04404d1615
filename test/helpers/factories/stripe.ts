import { randomUUID } from 'node:crypto';
import { firmId, idOf, ownerOf, type Db, type Ref } from './owner.js';

/**
 * A firm's Stripe account row, written with the owner connection: sealed keys
 * that are not real (connectStripe in ../stripe.ts goes through the admin API
 * and the fake Stripe when a test needs working keys).
 */
export async function aStripeAccount(
  db: Db,
  o: { firm: string; publishable_key?: string; enabled?: boolean },
): Promise<{ tenant_id: string }> {
  const [row] = await ownerOf(db)('stripe_accounts')
    .insert({
      tenant_id: await firmId(db, o.firm),
      mode: 'test',
      secret_key_sealed: Buffer.from('sealed-secret'),
      secret_key_last4: 'abcd',
      publishable_key: o.publishable_key ?? `pk_test_${randomUUID().replace(/-/g, '')}`,
      webhook_secret_sealed: Buffer.from('sealed-webhook'),
      ...(o.enabled === undefined ? {} : { enabled: o.enabled }),
    })
    .returning('tenant_id');
  return row as { tenant_id: string };
}

export interface CheckoutSessionRow {
  tenant_id: string;
  id: string;
  invoice_id: string;
  contact_id: string;
  stripe_session_id: string;
  amount: number;
  currency: string;
  status: 'open' | 'complete' | 'expired';
  expires_at: Date;
}

/**
 * A Checkout Session row of `invoice` opened by `contact`, written with the
 * owner connection (the API opens one only against Stripe): open for an hour
 * unless told otherwise, for the invoice's currency.
 */
export async function aCheckoutSession(
  db: Db,
  o: {
    invoice: Ref;
    contact: Ref;
    amount?: number;
    status?: CheckoutSessionRow['status'];
    stripe_session_id?: string;
    expires_at?: Date;
  },
): Promise<CheckoutSessionRow> {
  const owner = ownerOf(db);
  const invoice = await owner('invoices')
    .where({ id: idOf(o.invoice) })
    .first('tenant_id', 'client_id', 'currency');
  const [row] = await owner('checkout_sessions')
    .insert({
      tenant_id: invoice.tenant_id,
      client_id: invoice.client_id,
      invoice_id: idOf(o.invoice),
      contact_id: idOf(o.contact),
      stripe_session_id: o.stripe_session_id ?? `cs_test_${randomUUID().slice(0, 8)}`,
      amount: o.amount ?? 1,
      currency: invoice.currency,
      ...(o.status ? { status: o.status } : {}),
      url: 'https://checkout.stripe.com/x',
      expires_at: o.expires_at ?? new Date(Date.now() + 3600_000),
    })
    .returning('*');
  return row as CheckoutSessionRow;
}

/** A Stripe event the firm's webhook has recorded, written with the owner connection. */
export async function aStripeEvent(
  db: Db,
  o: { firm: string; id?: string; type?: string; outcome?: 'applied' | 'ignored' },
): Promise<{ id: string }> {
  const [row] = await ownerOf(db)('stripe_events')
    .insert({
      tenant_id: await firmId(db, o.firm),
      id: o.id ?? `evt_${randomUUID().replace(/-/g, '')}`,
      type: o.type ?? 'charge.succeeded',
      livemode: false,
      outcome: o.outcome ?? 'ignored',
    })
    .returning('id');
  return row as { id: string };
}
