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
  'invoice.sent': z
    .object({ invoice_id: Id, number: z.string() })
    .strict()
    .describe('An invoice was sent to the client: it is numbered and visible in the portal.'),
  'invoice.cancelled': z
    .object({ invoice_id: Id, number: z.string() })
    .strict()
    .describe('A sent invoice was cancelled: nothing is due on it any more.'),
  'payment.recorded': z
    .object({ invoice_id: Id, payment_id: Id, method: z.string(), ...Money })
    .strict()
    .describe('A payment of an invoice was recorded: online through Stripe, or by the firm (bank transfer, cash…).'),
  'refund.recorded': z
    .object({ invoice_id: Id, refund_id: Id, ...Money })
    .strict()
    .describe('A refund of a payment was recorded.'),
  'stripe.event_received': z
    .object({ stripe_event_id: z.string(), type: z.string() })
    .strict()
    .describe('A signed Stripe webhook event was stored; it is applied by a job.'),
  'stripe.disabled': z
    .object({})
    .strict()
    .describe('The firm switched online payments off: its open Checkout Sessions are expired.'),
} satisfies Record<string, z.ZodObject>;

export type EventType = keyof typeof eventCatalogue;
export type EventData<T extends EventType> = z.output<(typeof eventCatalogue)[T]>;
export const eventTypes = Object.keys(eventCatalogue) as EventType[];
