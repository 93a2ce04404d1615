import { reconcileCheckoutSessions } from '../../modules/payments/stripe/reconcile.js';
import { defineCron } from '../subscriber.js';

/** Checkout Sessions left `creating` or `expiring` for 10 minutes are settled with Stripe (modules/payments/stripe/reconcile.ts). */
export const reconcileCheckoutSessionsCron = defineCron({
  name: 'reconcile-checkout-sessions',
  pattern: '*/5 * * * *',
  async run(deps) {
    await reconcileCheckoutSessions(deps);
  },
});
