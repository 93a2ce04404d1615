/**
 * Paying an invoice online: a Stripe Checkout Session for the balance (or a
 * partial amount the firm allows), one open session per invoice. No connection
 * waits on Stripe (issue 11): a first short transaction checks the invoice,
 * writes the new session as `creating` (a partial unique index allows one
 * `creating` or `open` session per invoice, so a concurrent second checkout is
 * a 409 checkout_in_progress) and moves the open one to `expiring`; Stripe
 * expires the old one and creates the new one with no transaction open; a
 * second short transaction makes the new one `open` and the old one `expired`
 * (or `complete`). A Stripe failure leaves the new row `failed` (or `expiring`,
 * when Stripe may have created the session: the reconcile job expires it), and
 * never an open row; sessions left `creating` by a crash are settled by the
 * reconcile job (server/jobs/subscribers/reconcile-checkout-sessions.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type Stripe from 'stripe';
import { formatMoney } from '../../../../sdk/format.js';
import type { CheckoutRequest, CheckoutSession } from '../../../../sdk/schemas/payments.js';
import { tenantOrigin, tenantPublicUrl } from '../../../config.js';
import type { RequestDb } from '../../../db/request-db.js';
import type { PortalScope } from '../../../db/request-transaction.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../../errors.js';
import type { RequestMeta } from '../../../http/context.js';
import { portalActor, recordAudit } from '../../audit/service.js';
import { previewerOf } from '../../impersonations/previewer.js';
import { paymentSettings, type StripeDeps } from './accounts.js';
import { toStripeAmount } from './amounts.js';
import { isStripeError, stripeFailure } from './client.js';
import { checkoutSession } from './serialize.js';
import type { Row } from '../../../db/model.js';
import { isUniqueViolation } from '../../../db/errors.js';
import { payableInvoice, type PayableInvoice } from '../../invoices/balance.js';
import type { CheckoutSessionModel } from '../models.js';

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
  belowMinimum: (minimum: number, currency: string) =>
    `The amount is below this firm's minimum partial payment of ${formatMoney(minimum, currency)}.`,
  notChargeable: 'Stripe cannot charge this exact amount in this currency (the last digit must be 0): round it.',
  badReturnUrl: 'return_url must be on the firm’s portal or on a website the firm allowed to embed its widgets.',
  inProgress:
    'A payment of this invoice is being set up right now (another tab or device): wait a moment, then try again.',
  invoiceChanged: 'This invoice changed while the payment was being set up (a payment or a cancellation): try again.',
};

/** The portal's request, as the checkout sees it: it opens its own short transactions. */
export interface PortalAct {
  transaction: <T>(fn: (db: RequestDb) => Promise<T>) => Promise<T>;
  scope: PortalScope;
  meta: RequestMeta;
  /** The request's Idempotency-Key, if any: Stripe's own key derives from it. */
  idempotencyKey: string | undefined;
}

/** Where Stripe sends the client back: the given return_url if the firm allows its origin, else the hosted invoices page. */
async function returnUrls(
  deps: StripeDeps,
  db: RequestDb,
  act: PortalAct,
  invoiceId: string,
  requested: string | undefined,
): Promise<{ success: string; cancel: string }> {
  const [tenant] = await db.query<{ public_url: string | null; allowed_origins: string[] }>(
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
  currency: string,
): number {
  if (body.amount === undefined || body.amount === balance) return balance;
  if (!settings.allowPartial)
    throw new BadRequestError('partial_payments_not_allowed', checkoutMessages.partialNotAllowed);
  if (body.amount > balance) throw new BadRequestError('amount_above_balance', checkoutMessages.aboveBalance);
  if (settings.minimum !== null && body.amount < settings.minimum) {
    throw new BadRequestError('amount_below_minimum', checkoutMessages.belowMinimum(settings.minimum, currency));
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

/** What the first transaction decided: everything the Stripe calls and the second transaction need. */
interface Prepared {
  rowId: string;
  invoice: PayableInvoice;
  balance: number;
  amount: number;
  secretKey: string;
  params: Stripe.Checkout.SessionCreateParams;
  idempotencyKey: string;
  previous: SessionRef[];
  previewer: Awaited<ReturnType<typeof previewerOf>>;
}

type SessionRef = Pick<Row<CheckoutSessionModel>, 'id'> & { stripe_session_id: string };

/** The first short transaction: the checks, the `creating` row, the open session moved to `expiring`. */
async function prepare(
  deps: StripeDeps,
  act: PortalAct,
  invoiceId: string,
  body: z.output<typeof CheckoutRequest>,
): Promise<Prepared> {
  const { scope } = act;
  return act.transaction(async (db) => {
    const invoice = await payableInvoice(db, invoiceId);
    if (!invoice) throw new NotFoundError('resource_missing', checkoutMessages.notFound);
    const settings = await paymentSettings(deps, db, scope.tenant_id);
    if (!settings) throw new ConflictError('payments_not_configured', checkoutMessages.notConfigured);
    const balance = invoice.total - invoice.amount_paid;
    if (!['unpaid', 'partially_paid'].includes(invoice.status) || balance <= 0) {
      throw new ConflictError('invoice_not_payable', checkoutMessages.notPayable(invoice.status));
    }
    const amount = chooseAmount(body, balance, settings, invoice.currency);
    const stripeAmount = toStripeAmount(amount, invoice.currency);
    if (stripeAmount === null) throw new BadRequestError('amount_not_chargeable', checkoutMessages.notChargeable);
    const urls = await returnUrls(deps, db, act, invoice.id, body.return_url);
    const [contact] = await db.query<{ email: string }>(`SELECT email FROM contacts WHERE id = $1`, [scope.contact_id]);
    // In an admin preview, the admin goes with the payment so the webhook records them on it too.
    const previewer = await previewerOf(db, scope);
    const metadata = {
      tenant_id: scope.tenant_id,
      tenant_slug: scope.tenant_slug,
      invoice_id: invoice.id,
      contact_id: scope.contact_id,
      ...(previewer ? { previewed_by: previewer.id } : {}),
    };
    const params: Stripe.Checkout.SessionCreateParams = {
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
    };
    const idempotencyKey = stripeIdempotencyKey(act, invoice.id);
    // The open session leaves the index first, then the new one enters it: a concurrent checkout of the
    // same invoice waits on the row lock here, then meets this one's `creating` row in the index.
    const previous = await db.query<SessionRef>(
      `UPDATE checkout_sessions SET status = 'expiring', updated_at = now()
        WHERE invoice_id = $1 AND status = 'open' RETURNING id, stripe_session_id`,
      [invoice.id],
    );
    let row: Pick<Row<CheckoutSessionModel>, 'id'> | undefined;
    try {
      [row] = await db.query<Pick<Row<CheckoutSessionModel>, 'id'>>(
        `INSERT INTO checkout_sessions (tenant_id, invoice_id, contact_id, amount, currency, status,
                                        client_id, previewed_by, stripe_idempotency_key, create_params)
         VALUES (caseflow.current_tenant(), $1, $2, $3, $4, 'creating', caseflow.current_client(), $5, $6, $7)
         RETURNING id`,
        [invoice.id, scope.contact_id, amount, invoice.currency, previewer?.id ?? null, idempotencyKey, params],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'checkout_sessions_one_active')) {
        throw new ConflictError('checkout_in_progress', checkoutMessages.inProgress);
      }
      throw error;
    }
    return {
      rowId: row!.id,
      invoice,
      balance,
      amount,
      secretKey: settings.secretKey,
      params,
      idempotencyKey,
      previous,
      previewer,
    };
  });
}

/**
 * Whether Stripe may have created the session although the call failed (the
 * connection broke, Stripe erred): the row then goes to `expiring` for the
 * reconcile job instead of `failed`.
 */
export function mayHaveCreated(error: unknown): boolean {
  if (!isStripeError(error)) return true;
  return ![
    'StripeInvalidRequestError',
    'StripeAuthenticationError',
    'StripePermissionError',
    'StripeCardError',
    'StripeIdempotencyError',
    'StripeRateLimitError',
  ].includes(error.type);
}

export async function createCheckout(
  deps: StripeDeps,
  act: PortalAct,
  invoiceId: string,
  body: z.output<typeof CheckoutRequest>,
): Promise<z.input<typeof CheckoutSession>> {
  const prepared = await prepare(deps, act, invoiceId, body);
  const { rowId, invoice, amount, previous } = prepared;
  const stripe = deps.stripe(prepared.secretKey);

  // No transaction is open from here until Stripe has answered.
  const closed: { id: string; status: 'expired' | 'complete' }[] = [];
  let session: Stripe.Checkout.Session;
  let creating = false;
  try {
    for (const old of previous)
      closed.push({ id: old.id, status: await expireAtStripe(stripe, old.stripe_session_id) });
    creating = true;
    session = await stripe.checkout.sessions.create(prepared.params, { idempotencyKey: prepared.idempotencyKey });
    if (!session.url) throw new Error('Stripe returned a Checkout Session without a url');
  } catch (error) {
    // An old session Stripe did not expire stays `expiring` (the reconcile job expires it); the new one is
    // `failed` unless Stripe may have created it (then `expiring` too: the reconcile job finds and expires it).
    const failed = creating && mayHaveCreated(error) ? 'expiring' : 'failed';
    await act.transaction(async (db) => {
      await settleClosed(db, closed);
      await db.query(
        `UPDATE checkout_sessions SET status = $2, updated_at = now() WHERE id = $1 AND status IN ('creating', 'expiring')`,
        [rowId, failed],
      );
    });
    throw stripeFailure(error);
  }

  const expiresAt = new Date(session.expires_at * 1000);
  const opened = await act.transaction(async (db) => {
    await settleClosed(db, closed);
    const now = await payableInvoice(db, invoice.id);
    // A payment or a cancellation landed while Stripe was answering: this session would charge the wrong amount.
    const unchanged = now && now.status === invoice.status && now.total - now.amount_paid === prepared.balance;
    const [row] = await db.query<Pick<Row<CheckoutSessionModel>, 'status'>>(
      `UPDATE checkout_sessions SET stripe_session_id = $2, url = $3, expires_at = $4, updated_at = now(),
              status = CASE WHEN status = 'creating' AND $5 THEN 'open' ELSE 'expiring' END
        WHERE id = $1 RETURNING status`,
      [rowId, session.id, session.url, expiresAt, unchanged],
    );
    if (row?.status !== 'open') return false;
    await recordAudit(
      db,
      {
        action: 'invoice.checkout_started',
        ...portalActor(act.scope),
        subjectType: 'invoice',
        subjectId: invoice.id,
        data: { stripe_session_id: session.id, amount, currency: invoice.currency, expired: closed.length },
      },
      act.meta,
    );
    return true;
  });
  if (!opened) {
    // Expire it now (the reconcile job would, later); then the client tries again against the new balance.
    const status = await expireAtStripe(stripe, session.id).catch(() => undefined);
    if (status) {
      await act.transaction((db) =>
        db.query(`UPDATE checkout_sessions SET status = $2, updated_at = now() WHERE id = $1 AND status = 'expiring'`, [
          rowId,
          status,
        ]),
      );
    }
    throw new ConflictError('invoice_changed', checkoutMessages.invoiceChanged);
  }
  return checkoutSession({
    stripe_session_id: session.id,
    url: session.url!,
    amount,
    currency: invoice.currency,
    expires_at: expiresAt,
    previewed_by: prepared.previewer,
  });
}

/** The sessions Stripe closed for this checkout: `expired` or `complete`, unless a webhook said so first. */
async function settleClosed(db: RequestDb, closed: { id: string; status: 'expired' | 'complete' }[]): Promise<void> {
  for (const old of closed) {
    await db.query(
      `UPDATE checkout_sessions SET status = $2, updated_at = now() WHERE id = $1 AND status = 'expiring'`,
      [old.id, old.status],
    );
  }
}
