import type { StripeConfigureRequest, StripeSettings } from '../schemas/payments.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** The firm's Stripe connection (admins only). No answer ever carries a secret. */
export class AdminStripe {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The current settings: mode, the secret key's last four characters, the webhook URL to add in Stripe.
   * @example const { enabled, mode, webhook_url } = await admin.stripe.retrieve();
   */
  retrieve(): Promise<StripeSettings> {
    return this.api.call('adminRetrieveStripe');
  }

  /**
   * Connects or reconfigures Stripe and enables online payments; keys left out keep their stored values.
   * @example await admin.stripe.configure({ secret_key: 'sk_live_…', publishable_key: 'pk_live_…', webhook_secret: 'whsec_…' });
   */
  configure(body: StripeConfigureRequest): Promise<StripeSettings> {
    return this.api.call('adminConfigureStripe', { body });
  }

  /**
   * Stops online payments (open checkouts expire); `configure({})` enables them again.
   * @example await admin.stripe.disable();
   */
  disable(): Promise<StripeSettings> {
    return this.api.call('adminDisableStripe');
  }
}
