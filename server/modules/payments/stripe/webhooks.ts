/**
 * Stripe's webhooks for one firm, in two steps (issue 11: no network wait
 * inside a transaction).
 *
 * Receipt (`receive`, one short transaction): the raw body is verified with the
 * firm's signing secret and checked; the event is stored whole (jsonb) under its
 * id, `pending`, with a `stripe.event_received` domain event; the answer is 200.
 * A redelivery (even a concurrent one, which waits on the unique key) finds the
 * row and answers `duplicate`. Forged, stale and malformed events, and payments
 * of an invoice this firm does not have, are a 400 before anything is stored.
 * Event types we never act on are stored `ignored` at once (answered `ignored`).
 * A database failure throws, so Stripe gets a 5xx and retries.
 *
 * Applying a stored event is apply-event.ts.
 */
import Stripe from 'stripe';
import type { RequestDb } from '../../../db/request-db.js';
import { enterTenant, inScope, type TenantScope } from '../../../db/request-transaction.js';
import { recordEvent } from '../../../jobs/events.js';
import { BadRequestError } from '../../../errors.js';
import { invoiceExists } from '../../invoices/balance.js';
import { webhookSecrets } from './accounts.js';
import {
  checkedEvent,
  malformed,
  objectSchemas,
  OurMetadata,
  system,
  webhookMessages,
  type WebhookDeps,
} from './events.js';

/** Stripe's default tolerance: a signature older than five minutes is refused (replays). */
const TOLERANCE_SECONDS = 300;

export interface WebhookAnswer {
  received: true;
  duplicate?: boolean;
  /** A type we never act on: stored as ignored, no job. Whether a handled event changed anything is its outcome. */
  ignored?: boolean;
}

/** The types that may pay an invoice of ours: their metadata is checked at receipt. */
const paying = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'payment_intent.succeeded',
]);

/**
 * A payment of one of our checkouts (its metadata names this firm and an
 * invoice) must name the firm's invoice by id: checked at receipt, so such an
 * event is a 400 and never stored.
 */
async function checkPaidInvoice(db: RequestDb, tenantId: string, event: Stripe.Event): Promise<void> {
  if (!paying.has(event.type)) return;
  const object = event.data.object as { metadata?: Stripe.Metadata | null; payment_status?: string | null };
  // A completed session whose payment is still processing pays nothing yet (async_payment_succeeded will).
  if (event.type === 'checkout.session.completed' && object.payment_status !== 'paid') return;
  const metadata = object.metadata;
  if (!metadata?.invoice_id || metadata.tenant_id !== tenantId) return;
  const ours = OurMetadata.safeParse(metadata);
  if (!ours.success) throw malformed(ours.error, 'metadata');
  if (!(await invoiceExists(db, ours.data.invoice_id)))
    throw new BadRequestError('unknown_invoice', webhookMessages.unknownInvoice(ours.data.invoice_id));
}

export async function receive(
  deps: WebhookDeps,
  slug: string,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<WebhookAnswer> {
  if (!signature) throw new BadRequestError('signature_missing', webhookMessages.missingSignature);
  return inScope<TenantScope, WebhookAnswer>(deps.pool, enterTenant(slug, 'caseflow_staff'), async (db, tenant) => {
    const secrets = await webhookSecrets(deps, db, tenant.tenant_id);
    if (!secrets) throw new BadRequestError('stripe_not_configured', webhookMessages.notConfigured);
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, secrets.webhookSecret, TOLERANCE_SECONDS);
    } catch {
      throw new BadRequestError('invalid_signature', webhookMessages.badSignature);
    }
    event = checkedEvent(event);
    await checkPaidInvoice(db, tenant.tenant_id, event);
    const handled = event.type in objectSchemas;
    const [stored] = await db.query(
      `INSERT INTO stripe_events (tenant_id, id, type, livemode, outcome, payload, processed_at)
       VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
      [event.id, event.type, event.livemode, handled ? 'pending' : 'ignored', event, handled ? null : new Date()],
    );
    if (!stored) return { received: true, duplicate: true };
    if (!handled) return { received: true, ignored: true };
    await recordEvent(db, {
      type: 'stripe.event_received',
      data: { stripe_event_id: event.id, type: event.type },
      ...system,
    });
    return { received: true };
  });
}
