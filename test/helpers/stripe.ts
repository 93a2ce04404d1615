import { randomBytes } from 'node:crypto';
import type { StripeSettings } from '../../sdk/schemas/stripe.js';
import { demoStaff, type TestServer } from './server.js';

export interface StripeKeys {
  secret_key: string;
  publishable_key: string;
  webhook_secret: string;
}

/** A fresh set of keys of one mode, as a firm would copy them from its Stripe dashboard. */
export function stripeKeys(mode: 'test' | 'live' = 'test'): StripeKeys {
  const r = () => randomBytes(12).toString('hex');
  return { secret_key: `sk_${mode}_${r()}`, publishable_key: `pk_${mode}_${r()}`, webhook_secret: `whsec_${r()}` };
}

const adminOf = { acme: demoStaff.ada, bluebird: demoStaff.bea } as const;

/**
 * Connects a demo firm to the test server's fake Stripe through the admin API
 * (as its admin) and gives the fake the firm's webhook secret, so the Pay page
 * and sendEvent sign webhooks the server accepts. Needs startTestServer({ stripe: true }).
 */
export async function connectStripe(
  s: TestServer,
  slug: keyof typeof adminOf = 'acme',
  settings: { allow_partial_payments?: boolean; partial_payment_minimum?: number | null } = {},
): Promise<{ keys: StripeKeys; settings: StripeSettings }> {
  if (!s.stripe) throw new Error('start the server with startTestServer({ stripe: true })');
  const keys = stripeKeys();
  const admin = await s.staffLogin(adminOf[slug]);
  const answer = await admin.stripe.configure({ ...keys, ...settings });
  s.stripe.webhookSecrets.set(slug, keys.webhook_secret);
  return { keys, settings: answer };
}
