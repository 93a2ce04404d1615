import { expireOpenSessions } from '../../modules/payments/stripe/expiry.js';
import { defineSubscriber } from '../subscriber.js';

/**
 * An invoice's balance moved (a payment, a refund) or it was cancelled: its open
 * Checkout Sessions would charge the wrong amount, so they expire at Stripe.
 * When the firm disables payments, all of its open sessions do. Idempotent:
 * sessions already closed are not touched again.
 */
export const expireCheckoutSessions = defineSubscriber({
  name: 'expire-checkout-sessions',
  events: ['payment.recorded', 'refund.recorded', 'invoice.cancelled', 'stripe.disabled'],
  maxAttempts: 8,
  async handle(event, deps) {
    const invoiceId = event.type === 'stripe.disabled' ? null : (event.data as { invoice_id: string }).invoice_id;
    await expireOpenSessions(deps, event.tenant_id, invoiceId);
  },
});
