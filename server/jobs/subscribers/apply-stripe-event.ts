import { applyStoredEvent } from '../../modules/payments/stripe/apply-event.js';
import { defineSubscriber } from '../subscriber.js';

/**
 * A signed Stripe event was stored at receipt: apply it (payments, refunds,
 * session states, receipts). Stripe is asked with no transaction open; the
 * stored event's outcome makes a second run a no-op.
 */
export const applyStripeEvent = defineSubscriber({
  name: 'apply-stripe-event',
  events: ['stripe.event_received'],
  maxAttempts: 12,
  async handle(event, deps) {
    await applyStoredEvent(deps, event.tenant_id, event.data.stripe_event_id);
  },
});
