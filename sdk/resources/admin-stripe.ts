import type { StripeConfigureRequest, StripeSettings } from '../schemas/payments.js';
import type { Transport } from '../transport.js';

/** The firm's Stripe connection (admins only). No answer ever carries a secret. */
export class AdminStripe {
  constructor(private readonly transport: Transport) {}

  /**
   * The current settings: mode, the secret key's last four characters, the webhook URL to add in Stripe.
   * @example const { enabled, mode, webhook_url } = await admin.stripe.retrieve();
   */
  retrieve(): Promise<StripeSettings> {
    return this.transport.request<StripeSettings>({ method: 'GET', path: '/admin/stripe' });
  }

  /**
   * Connects or reconfigures Stripe and enables online payments; keys left out keep their stored values.
   * @example await admin.stripe.configure({ secret_key: 'sk_live_…', publishable_key: 'pk_live_…', webhook_secret: 'whsec_…' });
   */
  configure(body: StripeConfigureRequest): Promise<StripeSettings> {
    return this.transport.request<StripeSettings>({ method: 'PUT', path: '/admin/stripe', body });
  }

  /**
   * Stops online payments (open checkouts expire); `configure({})` enables them again.
   * @example await admin.stripe.disable();
   */
  disable(): Promise<StripeSettings> {
    return this.transport.request<StripeSettings>({ method: 'POST', path: '/admin/stripe/disable' });
  }
}
