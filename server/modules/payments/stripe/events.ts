/**
 * What the webhook's two steps share (webhooks.ts receives, apply-event.ts
 * applies): the checked shape of the events we read, our checkouts' metadata,
 * the messages, and the system actor.
 */
import Stripe from 'stripe';
import { z } from 'zod';
import { Id, Text } from '../../../../sdk/schemas/common.js';
import type { Pool } from '../../../db/pool.js';
import { BadRequestError } from '../../../errors.js';
import { type StripeDeps } from './accounts.js';

export const webhookMessages = {
  notConfigured: 'This firm has no Stripe webhook signing secret configured.',
  badSignature: "The Stripe-Signature header does not match this body and the firm's signing secret, or it is too old.",
  missingSignature: 'Send the Stripe-Signature header.',
  malformed: (path: string, message: string) => `This Stripe event is malformed at ${path}: ${message}.`,
  unknownInvoice: (invoiceId: string) => `This Stripe event pays invoice ${invoiceId}, which this firm does not have.`,
};

/**
 * The fields of an Event we read, checked once the signature is: a correctly
 * signed but malformed event is a 400 (Stripe retries a 5xx for days), never SQL
 * on a value of the wrong shape. Everything else Stripe sends passes through.
 */
export const StripeId = Text().min(1).max(255);
export const Expandable = z.union([StripeId, z.looseObject({ id: StripeId })]).nullish();
export const Metadata = z.record(z.string(), z.unknown()).nullish();
export const Amount = z.number().int().nonnegative();
export const CurrencyCode = Text().regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code');

export const EventEnvelope = z.looseObject({
  id: StripeId,
  type: StripeId,
  created: z.number().int().nonnegative(),
  livemode: z.boolean(),
  data: z.looseObject({ object: z.looseObject({}) }),
});
export const SessionObject = z.looseObject({
  id: StripeId,
  payment_status: Text().nullish(),
  payment_intent: Expandable,
  amount_total: Amount.nullish(),
  currency: CurrencyCode.nullish(),
  metadata: Metadata,
});
export const IntentObject = z.looseObject({
  id: StripeId,
  amount_received: Amount,
  currency: CurrencyCode,
  metadata: Metadata,
});
export const RefundObject = z.looseObject({
  id: StripeId,
  status: Text().nullish(),
  payment_intent: Expandable,
  amount: Amount,
  currency: CurrencyCode,
});
export const objectSchemas: Record<string, z.ZodType> = {
  'checkout.session.completed': SessionObject,
  'checkout.session.async_payment_succeeded': SessionObject,
  'checkout.session.expired': z.looseObject({ id: StripeId }),
  'payment_intent.succeeded': IntentObject,
  'charge.refunded': z.looseObject({
    id: StripeId,
    refunds: z.looseObject({ data: z.array(RefundObject) }).nullish(),
  }),
  'refund.created': RefundObject,
  'refund.updated': RefundObject,
  'charge.refund.updated': RefundObject,
};
/** The metadata our checkouts put on the session and the payment intent. */
export const OurMetadata = z.looseObject({ invoice_id: Id, contact_id: Id.nullish(), previewed_by: Id.nullish() });

export function malformed(error: z.ZodError, prefix: string): BadRequestError {
  const issue = error.issues[0]!;
  const path = [prefix, ...issue.path].filter((p) => p !== '').join('.') || 'the event';
  return new BadRequestError('malformed_event', webhookMessages.malformed(path, issue.message));
}

/** The event, checked: its envelope always, the object of the types we handle too. */
export function checkedEvent(event: unknown): Stripe.Event {
  const envelope = EventEnvelope.safeParse(event);
  if (!envelope.success) throw malformed(envelope.error, '');
  const schema = objectSchemas[envelope.data.type];
  if (schema) {
    const object = schema.safeParse(envelope.data.data.object);
    if (!object.success) throw malformed(object.error, 'data.object');
  }
  return event as Stripe.Event;
}

/** The actor of everything a webhook does: Stripe, through no user. */
export const system = { actorType: 'system' as const, actorId: null };

export const stringId = (value: string | { id: string } | null | undefined): string | null =>
  value == null ? null : typeof value === 'string' ? value : value.id;

export interface WebhookDeps extends StripeDeps {
  pool: Pool;
}
