/**
 * The domain events (DESIGN §10a): their names and the schema of each payload.
 * Services record them in the same transaction as the change; subscribers run
 * after commit. Firms will subscribe to the same events later, so a payload
 * carries ids and facts — never a secret, a link or a message body.
 */
import { z } from 'zod';
import { Id } from './common.js';

const Money = { amount: z.number().int(), currency: z.string().length(3) };

export const eventCatalogue = {
  'invoice.sent': z.object({ invoice_id: Id, number: z.string() }).strict(),
  'invoice.cancelled': z.object({ invoice_id: Id, number: z.string() }).strict(),
  'payment.recorded': z
    .object({
      invoice_id: Id,
      payment_id: Id,
      method: z.string(),
      ...Money,
    })
    .strict(),
  'refund.recorded': z.object({ invoice_id: Id, refund_id: Id, ...Money }).strict(),
  /** A signed Stripe event was stored; its application runs as a job. */
  'stripe.event_received': z.object({ stripe_event_id: z.string(), type: z.string() }).strict(),
  /** The firm switched online payments off: its open Checkout Sessions must expire. */
  'stripe.disabled': z.object({}).strict(),
} satisfies Record<string, z.ZodObject>;

export type EventType = keyof typeof eventCatalogue;
export type EventData<T extends EventType> = z.output<(typeof eventCatalogue)[T]>;
export const eventTypes = Object.keys(eventCatalogue) as EventType[];
