/**
 * Stripe's webhooks, the second step (webhooks.ts receives and stores them).
 *
 * Application (`applyStoredEvent`, the apply-stripe-event subscriber): the
 * Stripe calls it needs (`refunds.list`, `paymentIntents.retrieve`) run first,
 * with no transaction open; then one short transaction locks the stored event,
 * applies it and records its outcome (`applied`, or `ignored` when it changed
 * nothing). Payments are recorded once per payment intent from whichever of
 * checkout.session.completed (paid), async_payment_succeeded or
 * payment_intent.succeeded comes first; refunds once per refund id. Events may
 * come in any order and end in the same state.
 */
import type { Logger } from 'pino';
import Stripe from 'stripe';
import { tenantPublicUrl } from '../../../config.js';
import type { RequestDb } from '../../../db/request-db.js';
import type { TenantScope } from '../../../db/request-transaction.js';
import { inFirm } from '../../../jobs/worker-scope.js';
import { AppError, BadRequestError, NotFoundError } from '../../../errors.js';
import type { RequestMeta } from '../../../http/context.js';
import { recordAudit } from '../../audit/service.js';
import { enqueueEmail } from '../../email/outbox.js';
import { paymentReceipt } from '../../email/templates.js';
import type { Language } from '../../../../sdk/i18n.js';
import { contactReader } from '../../../i18n/reader.js';
import { recordPayment, recordRefund } from '../recording.js';
import { webhookSecrets } from './accounts.js';
import { fromStripeAmount } from './amounts.js';
import { StripeEventModel } from '../models.js';
import { malformed, OurMetadata, stringId, system, webhookMessages, type WebhookDeps } from './events.js';

/** What applying an event did: whether it changed anything. */
interface Effects {
  applied: boolean;
}

/** What Stripe said, asked before the transaction opens: the refunds of a charge, payment intents not recorded yet. */
interface StripeFacts {
  refunds: Stripe.Refund[];
  intents: Map<string, Stripe.PaymentIntent>;
}

const refundTypes = new Set(['refund.created', 'refund.updated', 'charge.refund.updated']);

/**
 * The Stripe calls an event needs, with no transaction open: a charge's refunds
 * when the event does not include them, and the payment intent of each
 * succeeded refund whose payment is not recorded yet (it is then recorded first).
 */
async function askStripe(
  deps: WebhookDeps,
  tenantId: string,
  event: Stripe.Event,
  stripe: Stripe,
): Promise<StripeFacts> {
  const facts: StripeFacts = { refunds: [], intents: new Map() };
  if (event.type === 'charge.refunded') {
    const charge = event.data.object;
    // charge.refunds is only included on older API versions; otherwise list them: each is recorded by its id,
    // so a cumulative amount_refunded is never double-counted.
    facts.refunds = charge.refunds?.data ?? (await stripe.refunds.list({ charge: charge.id, limit: 100 })).data;
  } else if (refundTypes.has(event.type)) {
    facts.refunds = [event.data.object as Stripe.Refund];
  }
  const intentIds = [
    ...new Set(facts.refunds.filter((r) => r.status === 'succeeded').flatMap((r) => stringId(r.payment_intent) ?? [])),
  ];
  if (intentIds.length === 0) return facts;
  const known = await inFirm(deps.pool, tenantId, (db) =>
    db.query<{ id: string }>(
      // One statement for every intent of the event: the ids Stripe named that payments hold.
      `SELECT stripe_payment_intent_id AS id FROM payments WHERE stripe_payment_intent_id = ANY($1::text[])`,
      [intentIds],
    ),
  );
  for (const id of intentIds) {
    if (!known.some((k) => k.id === id)) facts.intents.set(id, await stripe.paymentIntents.retrieve(id));
  }
  return facts;
}

/**
 * Applies one stored event (the apply-stripe-event subscriber; at least once):
 * an event already applied or ignored is left alone. Stripe is asked first, with
 * no transaction open; the application then runs in one short transaction that
 * holds the stored event's row, so two runs of the same event never both apply it.
 * An event that cannot be applied however often it is tried (it pays an invoice
 * this firm no longer has) is stored as ignored and logged; anything else throws,
 * and the job is retried.
 */
export async function applyStoredEvent(
  deps: WebhookDeps & { logger: Logger },
  tenantId: string,
  stripeEventId: string,
): Promise<'applied' | 'ignored' | 'done before'> {
  const loaded = await inFirm(deps.pool, tenantId, async (db) => {
    const row = await StripeEventModel.query(db.knex)
      .select('payload')
      .where({ id: stripeEventId, outcome: 'pending' })
      .first()
      .castTo<{ payload: Stripe.Event } | undefined>();
    if (!row) return undefined;
    const [tenant] = await db.query<Firm>(
      `SELECT id AS tenant_id, slug AS tenant_slug, name AS tenant_name FROM tenants WHERE id = caseflow.current_tenant()`,
    );
    const secrets = await webhookSecrets(deps, db, tenantId);
    return { event: row.payload, tenant: tenant!, secretKey: secrets?.secretKey };
  });
  if (!loaded) return 'done before';
  const { event, tenant } = loaded;
  if (!loaded.secretKey) throw new Error('the firm has no Stripe configuration any more');
  const facts = await askStripe(deps, tenantId, event, deps.stripe(loaded.secretKey));
  const meta: RequestMeta = { ip: '', userAgent: null, requestId: `stripe-event:${event.id}` };
  const outcome = async (db: RequestDb, value: 'applied' | 'ignored') =>
    StripeEventModel.query(db.knex)
      .patch({ outcome: value, processed_at: StripeEventModel.fn.now() } as never)
      .where('id', event.id);
  try {
    return await inFirm(deps.pool, tenantId, async (db) => {
      const pending = await StripeEventModel.query(db.knex)
        .select('id')
        .where({ id: event.id, outcome: 'pending' })
        .forUpdate()
        .first();
      if (!pending) return 'done before' as const;
      const effects: Effects = { applied: false };
      await new EventHandler(deps, db, tenant, meta, facts, effects).apply(event);
      const result = effects.applied ? ('applied' as const) : ('ignored' as const);
      await outcome(db, result);
      return result;
    });
  } catch (error) {
    if (!(error instanceof BadRequestError)) throw error;
    deps.logger.warn({ err: error, stripe_event_id: event.id, tenantId }, 'a stored Stripe event cannot be applied');
    await inFirm(deps.pool, tenantId, (db) => outcome(db, 'ignored'));
    return 'ignored';
  }
}

/** The firm an event is applied for, as the receipts name it. */
type Firm = Pick<TenantScope, 'tenant_id' | 'tenant_slug' | 'tenant_name'>;

interface PaymentFacts {
  intentId: string;
  amount: number;
  currency: string;
  metadata: Stripe.Metadata | null;
  paidAt: Date;
}

class EventHandler {
  constructor(
    private readonly deps: WebhookDeps,
    private readonly db: RequestDb,
    private readonly tenant: Firm,
    private readonly meta: RequestMeta,
    private readonly facts: StripeFacts,
    private readonly effects: Effects,
  ) {}

  async apply(event: Stripe.Event): Promise<void> {
    const at = new Date(event.created * 1000);
    switch (event.type) {
      case 'checkout.session.completed':
      case 'checkout.session.async_payment_succeeded': {
        const session = event.data.object;
        await this.markSession(session.id, 'complete');
        // A completed session whose payment is still processing (bank debits) pays later: async_payment_succeeded.
        if (event.type === 'checkout.session.completed' && session.payment_status !== 'paid') return;
        const intentId = stringId(session.payment_intent);
        if (!intentId || session.amount_total === null || !session.currency) return;
        await this.payment({
          intentId,
          amount: session.amount_total,
          currency: session.currency,
          metadata: session.metadata,
          paidAt: at,
        });
        return;
      }
      case 'checkout.session.expired':
        await this.markSession(event.data.object.id, 'expired');
        return;
      case 'payment_intent.succeeded': {
        const intent = event.data.object;
        await this.payment(this.intentFacts(intent, at));
        return;
      }
      case 'charge.refunded': {
        // The charge's refunds, as askStripe found them (included in the event, or listed).
        for (const refund of this.facts.refunds) await this.refund(refund, at);
        return;
      }
      case 'refund.created':
      case 'refund.updated':
      case 'charge.refund.updated':
        await this.refund(event.data.object, at);
        return;
      default:
        return;
    }
  }

  private intentFacts(intent: Stripe.PaymentIntent, at: Date): PaymentFacts {
    return {
      intentId: intent.id,
      amount: intent.amount_received,
      currency: intent.currency,
      metadata: intent.metadata,
      paidAt: at,
    };
  }

  private async markSession(sessionId: string, status: 'complete' | 'expired'): Promise<void> {
    // `expiring`: a checkout or the expiry job is closing it at Stripe; what Stripe reports wins.
    const changed = await this.db.query(
      `UPDATE checkout_sessions SET status = $2, updated_at = now()
        WHERE stripe_session_id = $1 AND status IN ('open', 'expiring') RETURNING id`,
      [sessionId, status],
    );
    if (changed.length) this.effects.applied = true;
  }

  /** Records a payment of one of our checkouts (metadata names this firm and an invoice); others are not ours. */
  private async payment(facts: PaymentFacts): Promise<void> {
    if (!facts.metadata?.invoice_id || facts.metadata.tenant_id !== this.tenant.tenant_id) return;
    // Ours by its firm: then its invoice and contact must be ids, and the invoice this firm's.
    const ours = OurMetadata.safeParse(facts.metadata);
    if (!ours.success) throw malformed(ours.error, 'metadata');
    const invoiceId = ours.data.invoice_id;
    const currency = facts.currency.toUpperCase();
    // A contact that is not (or no longer) this firm's pays anyway: the money is recorded, without a payer.
    const contactId = ours.data.contact_id ? await this.knownContact(ours.data.contact_id) : null;
    // Paid through a checkout an admin opened while previewing: the payment says so too (a staff user of this firm).
    const previewedBy = ours.data.previewed_by ? await this.knownStaff(ours.data.previewed_by) : null;
    const result = await recordPayment(this.db, {
      invoiceId,
      amount: fromStripeAmount(facts.amount, currency),
      currency,
      method: 'stripe',
      overpayment: 'credit',
      stripePaymentIntentId: facts.intentId,
      contactId,
      previewedBy,
      paidAt: facts.paidAt,
    }).catch((error: unknown) => {
      if (error instanceof NotFoundError) {
        throw new BadRequestError('unknown_invoice', webhookMessages.unknownInvoice(invoiceId));
      }
      throw error;
    });
    this.effects.applied = true;
    if (!result.created) return;
    await recordAudit(
      this.db,
      {
        action: 'invoice.payment_received',
        ...system,
        subjectType: 'invoice',
        subjectId: invoiceId,
        data: {
          payment_id: result.payment.id,
          amount: result.payment.amount,
          currency,
          stripe_payment_intent_id: facts.intentId,
          credit: result.credit?.amount ?? 0,
          status: result.invoice.status,
        },
      },
      this.meta,
    );
    if (contactId) await this.receipt(contactId, invoiceId, result.payment.amount, currency, result.invoice.balance);
  }

  private async knownContact(contactId: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(`SELECT id FROM contacts WHERE id = $1`, [contactId]);
    return row?.id ?? null;
  }

  private async knownStaff(staffId: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }>(`SELECT id FROM staff_users WHERE id = $1`, [staffId]);
    return row?.id ?? null;
  }

  /** The receipt: once per payment, since only the first recording of a payment intent gets here. */
  private async receipt(contactId: string, invoiceId: string, amount: number, currency: string, balance: number) {
    const [row] = await this.db.query<{
      first_name: string;
      email: string;
      language: Language | null;
      number: string;
      public_url: string | null;
      locale: string;
      timezone: string;
    }>(
      `SELECT c.first_name, c.email, c.language, i.number, t.public_url, t.locale, t.timezone
         FROM contacts c, invoices i, tenants t
        WHERE c.id = $1 AND c.active AND i.id = $2 AND t.id = caseflow.current_tenant()`,
      [contactId, invoiceId],
    );
    if (!row) return;
    const base = tenantPublicUrl(this.deps.config, {
      tenant_slug: this.tenant.tenant_slug,
      public_url: row.public_url,
    });
    await enqueueEmail(
      this.db,
      this.deps.keyring,
      this.tenant.tenant_id,
      row.email,
      paymentReceipt({
        reader: contactReader(row.language, row),
        firm: this.tenant.tenant_name,
        firstName: row.first_name,
        invoiceNumber: row.number,
        amount,
        balance,
        currency,
        url: `${base}/clients/invoices`,
      }),
    );
  }

  /**
   * Records one refund by its id (only once it succeeded). A refund of a payment
   * not recorded yet (its events still on the way) records the payment first,
   * from the payment intent as Stripe has it, so the order of events never matters.
   */
  private async refund(refund: Stripe.Refund, at: Date): Promise<void> {
    if (refund.status !== 'succeeded') return;
    const intentId = stringId(refund.payment_intent);
    if (!intentId) return;
    const input = {
      stripeRefundId: refund.id,
      stripePaymentIntentId: intentId,
      amount: fromStripeAmount(refund.amount, refund.currency.toUpperCase()),
    };
    let result = await this.tryRefund(input);
    if (result === null) {
      // Not recorded when askStripe looked: it asked Stripe for the payment intent then.
      const intent = this.facts.intents.get(intentId);
      if (!intent || intent.status !== 'succeeded') return;
      await this.payment(this.intentFacts(intent, at));
      result = await this.tryRefund(input);
      if (result === null) return;
    }
    this.effects.applied = true;
    if (result === 'already_refunded' || !result.created) return;
    await recordAudit(
      this.db,
      {
        action: 'invoice.refund_recorded',
        ...system,
        subjectType: 'invoice',
        subjectId: result.invoice.id,
        data: {
          refund_id: result.refund.id,
          amount: result.refund.amount,
          stripe_refund_id: refund.id,
          status: result.invoice.status,
        },
      },
      this.meta,
    );
  }

  private async tryRefund(input: Parameters<typeof recordRefund>[1]) {
    try {
      return await recordRefund(this.db, input);
    } catch (error) {
      // Every cent of the payment is already refunded under other refund ids: nothing left to record.
      if (error instanceof AppError && error.code === 'payment_fully_refunded') return 'already_refunded' as const;
      throw error;
    }
  }
}
