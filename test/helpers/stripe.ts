import { randomBytes } from 'node:crypto';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { StripeSettings } from '../../sdk/schemas/payments.js';
import { anInvoice, firmAdmin, type DemoFirm } from './factories/index.js';
import type { TestServer } from './server.js';

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

/**
 * Connects a demo firm to the test server's fake Stripe through the admin API
 * (as its admin) and gives the fake the firm's webhook secret, so the Pay page
 * and sendEvent sign webhooks the server accepts. Needs startTestServer({ stripe: true }).
 */
export async function connectStripe(
  s: TestServer,
  slug: DemoFirm = 'acme',
  settings: { allow_partial_payments?: boolean; partial_payment_minimum?: number | null } = {},
): Promise<{ keys: StripeKeys; settings: StripeSettings }> {
  if (!s.stripe) throw new Error('start the server with startTestServer({ stripe: true })');
  const keys = stripeKeys();
  const admin = await firmAdmin(s, slug);
  const answer = await admin.stripe.configure({ ...keys, ...settings });
  s.stripe.webhookSecrets.set(slug, keys.webhook_secret);
  return { keys, settings: answer };
}

/** A sent invoice of one line (quantity 1) of a seeded client, through the admin API (anInvoice): a fresh balance for each test. */
export async function sentInvoice(
  s: TestServer,
  options: {
    firm?: DemoFirm;
    clientNumber?: number;
    amount: number;
    currency?: string;
    admin?: AdminClient;
  },
): Promise<{ id: string; number: string; total: number; currency: string }> {
  const firm = options.firm ?? 'acme';
  const admin = options.admin ?? (await firmAdmin(s, firm));
  const [client] = (await admin.clients.list({ number: options.clientNumber ?? (firm === 'acme' ? 1001 : 2001) })).data;
  const sent = await anInvoice(s, {
    admin,
    client: client!,
    amount: options.amount,
    ...(options.currency ? { currency: options.currency } : {}),
  });
  return { id: sent.id, number: sent.number!, total: sent.total, currency: sent.currency };
}
