/**
 * Paying an invoice online: a Stripe Checkout Session for the balance (or a
 * partial amount the firm allows), one open session per invoice. Runs in the
 * portal's request transaction; every Stripe call happens before anything is
 * written, so a Stripe failure leaves no row behind (the transaction rolls back).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type Stripe from 'stripe';
import type { CheckoutRequest, CheckoutSession } from '../../../sdk/schemas/stripe.js';
import { tenantOrigin, tenantPublicUrl } from '../../config.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { portalActor, recordAudit } from '../audit/service.js';
import { previewerOf } from '../impersonations/previewer.js';
import { paymentSettings, type StripeDeps } from './accounts.js';
import { toStripeAmount } from './amounts.js';
import { isStripeError, stripeFailure } from './client.js';
import { checkoutSession } from './serialize.js';

export const checkoutMessages = {
  notFound: 'No such invoice.',
  notConfigured: 'This firm does not take online payments yet.',
  notPayable: (status: string) =>
    status === 'paid'
      ? 'This invoice is already paid.'
      : status === 'cancelled'
        ? 'This invoice was cancelled: there is nothing to pay.'
        : 'This invoice cannot be paid online.',
  partialNotAllowed: 'This firm takes only the full balance online: leave out the amount.',
  aboveBalance: 'The amount is more than the balance due.',
  belowMinimum: (minimum: number) =>
    `The amount is below this firm's minimum partial payment (${minimum} minor units).`,
  notChargeable: 'Stripe cannot charge this exact amount in this currency (the last digit must be 0): round it.',
  badReturnUrl: 'return_url must be on the firm’s portal or on a website the firm allowed to embed its widgets.',
};

interface PayableInvoice {
  id: string;
  number: string;
  status: string;
  currency: string;
  total: number;
  amount_paid: number;
}

/** The portal's request, as the checkout sees it. */
export interface PortalAct {
  db: RequestDb;
  scope: PortalScope;
  meta: RequestMeta;
  /** The request's Idempotency-Key, if any: Stripe's own key derives from it. */
  idempotencyKey: string | undefined;
}

/** Where Stripe sends the client back: the given return_url if the firm allows its origin, else the hosted invoices page. */
async function returnUrls(
  deps: StripeDeps,
  act: PortalAct,
  invoiceId: string,
  requested: string | undefined,
): Promise<{ success: string; cancel: string }> {
  const [tenant] = await act.db.query<{ public_url: string | null; allowed_origins: string[] }>(
    `SELECT public_url, allowed_origins FROM tenants WHERE id = caseflow.current_tenant()`,
  );
  const portalBase = tenantPublicUrl(deps.config, {
    tenant_slug: act.scope.tenant_slug,
    public_url: tenant?.public_url,
  });
  const allowed = new Set([
    new URL(portalBase).origin,
    tenantOrigin(deps.config, act.scope.tenant_slug),
    ...(tenant?.allowed_origins ?? []),
  ]);
  const base = new URL(requested ?? `${portalBase}/clients/invoices`);
  if (requested && (!/^https{0,1}:$/.test(base.protocol) || !allowed.has(base.origin))) {
    throw new BadRequestError('return_url_not_allowed', checkoutMessages.badReturnUrl);
  }
  const withOutcome = (outcome: 'success' | 'cancelled') => {
    const url = new URL(base);
    url.searchParams.set('caseflow_checkout', outcome);
    url.searchParams.set('caseflow_invoice', invoiceId);
    return url.toString();
  };
  return { success: withOutcome('success'), cancel: withOutcome('cancelled') };
}

function chooseAmount(
  body: z.output<typeof CheckoutRequest>,
  balance: number,
  settings: { allowPartial: boolean; minimum: number | null },
): number {
  if (body.amount === undefined || body.amount === balance) return balance;
  if (!settings.allowPartial)
    throw new BadRequestError('partial_payments_not_allowed', checkoutMessages.partialNotAllowed);
  if (body.amount > balance) throw new BadRequestError('amount_above_balance', checkoutMessages.aboveBalance);
  if (settings.minimum !== null && body.amount < settings.minimum) {
    throw new BadRequestError('amount_below_minimum', checkoutMessages.belowMinimum(settings.minimum));
  }
  return body.amount;
}

/**
 * Expires one session at Stripe. A session that is no longer open (paid or
 * expired meanwhile) cannot be expired: Stripe's answer says which it is.
 */
export async function expireAtStripe(stripe: Stripe, sessionId: string): Promise<'expired' | 'complete'> {
  try {
    const session = await stripe.checkout.sessions.expire(sessionId);
    return session.status === 'complete' ? 'complete' : 'expired';
  } catch (error) {
    if (!isStripeError(error) || error.type !== 'StripeInvalidRequestError') throw error;
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    if (session.status === 'open') throw error;
    return session.status === 'complete' ? 'complete' : 'expired';
  }
}

/** Stripe's idempotency key for this checkout: a retry of the same request gets the same Checkout Session. */
function stripeIdempotencyKey(act: PortalAct, invoiceId: string): string {
  if (!act.idempotencyKey) return `caseflow-checkout-${randomUUID()}`;
  const digest = createHash('sha256')
    .update(`${act.scope.tenant_id}:${act.scope.contact_id}:${invoiceId}:${act.idempotencyKey}`)
    .digest('hex');
  return `caseflow-checkout-${digest}`;
}

export async function createCheckout(
  deps: StripeDeps,
  act: PortalAct,
  invoiceId: string,
  body: z.output<typeof CheckoutRequest>,
): Promise<z.input<typeof CheckoutSession>> {
  const { db, scope } = act;
  // One checkout of an invoice at a time, so "one open session per invoice" holds under concurrency.
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('checkout:' || $1))`, [invoiceId]);
  const [invoice] = await db.query<PayableInvoice>(
    `SELECT id, number, status, currency, total, amount_paid FROM invoices WHERE id = $1`,
    [invoiceId],
  );
  if (!invoice) throw new NotFoundError('resource_missing', checkoutMessages.notFound);
  const settings = await paymentSettings(deps, db, scope.tenant_id);
  if (!settings) throw new ConflictError('payments_not_configured', checkoutMessages.notConfigured);
  const balance = invoice.total - invoice.amount_paid;
  if (!['unpaid', 'partially_paid'].includes(invoice.status) || balance <= 0) {
    throw new ConflictError('invoice_not_payable', checkoutMessages.notPayable(invoice.status));
  }
  const amount = chooseAmount(body, balance, settings);
  const stripeAmount = toStripeAmount(amount, invoice.currency);
  if (stripeAmount === null) throw new BadRequestError('amount_not_chargeable', checkoutMessages.notChargeable);
  const urls = await returnUrls(deps, act, invoice.id, body.return_url);
  const [contact] = await db.query<{ email: string }>(`SELECT email FROM contacts WHERE id = $1`, [scope.contact_id]);
  const stripe = deps.stripe(settings.secretKey);

  const previous = await db.query<{ id: string; stripe_session_id: string }>(
    `SELECT id, stripe_session_id FROM checkout_sessions WHERE invoice_id = $1 AND status = 'open'`,
    [invoice.id],
  );
  // In an admin preview, the admin goes with the payment so the webhook records them on it too.
  const previewer = await previewerOf(db, scope);
  const metadata = {
    tenant_id: scope.tenant_id,
    tenant_slug: scope.tenant_slug,
    invoice_id: invoice.id,
    contact_id: scope.contact_id,
    ...(previewer ? { previewed_by: previewer.id } : {}),
  };
  let session: Stripe.Checkout.Session;
  const closed: { id: string; status: 'expired' | 'complete' }[] = [];
  try {
    for (const old of previous)
      closed.push({ id: old.id, status: await expireAtStripe(stripe, old.stripe_session_id) });
    session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: invoice.currency.toLowerCase(),
              unit_amount: stripeAmount,
              product_data: { name: `Payment for Invoice ${invoice.number}` },
            },
          },
        ],
        client_reference_id: invoice.id,
        ...(contact ? { customer_email: contact.email } : {}),
        metadata,
        payment_intent_data: { metadata },
        success_url: urls.success,
        cancel_url: urls.cancel,
      },
      { idempotencyKey: stripeIdempotencyKey(act, invoice.id) },
    );
  } catch (error) {
    if (isStripeError(error)) throw stripeFailure(error);
    throw error;
  }
  if (!session.url) throw stripeFailure(new Error('Stripe returned a Checkout Session without a url'));

  for (const old of closed) {
    await db.query(`UPDATE checkout_sessions SET status = $2, updated_at = now() WHERE id = $1`, [old.id, old.status]);
  }
  const expiresAt = new Date(session.expires_at * 1000);
  await db.query(
    `INSERT INTO checkout_sessions (tenant_id, invoice_id, contact_id, stripe_session_id, amount, currency, url, expires_at,
                                    client_id, previewed_by)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6, $7, caseflow.current_client(), $8)
     ON CONFLICT (tenant_id, stripe_session_id) DO NOTHING`,
    [invoice.id, scope.contact_id, session.id, amount, invoice.currency, session.url, expiresAt, previewer?.id ?? null],
  );
  await recordAudit(
    db,
    {
      action: 'invoice.checkout_started',
      ...portalActor(scope),
      subjectType: 'invoice',
      subjectId: invoice.id,
      data: { stripe_session_id: session.id, amount, currency: invoice.currency, expired: closed.length },
    },
    act.meta,
  );
  return checkoutSession({
    stripe_session_id: session.id,
    url: session.url,
    amount,
    currency: invoice.currency,
    expires_at: expiresAt,
    previewed_by: previewer,
  });
}
