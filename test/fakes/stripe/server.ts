/**
 * A local, Stripe-shaped HTTP server for tests: the server under test points the
 * `stripe` SDK at it (STRIPE_API_HOST/PORT/PROTOCOL). It implements exactly the
 * endpoints our code calls, records every request, answers with objects shaped
 * by the `stripe` package's own types (a field real Stripe lacks does not
 * compile), and delivers webhooks signed with `stripe.webhooks.generateTestHeaderString`.
 *
 * It also serves a minimal hosted Checkout page at each session's `url` with a
 * "Pay" button: paying completes the session, posts the signed webhooks
 * (checkout.session.completed, then payment_intent.succeeded) to the firm's
 * webhook URL and redirects the browser to the session's success_url.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import Stripe from 'stripe';

/** Some of a Stripe type's fields, never one it lacks: the fake fills what our code reads. */
type Shaped<T, K extends keyof T> = Pick<T, K> & Partial<T>;

export type FakeSession = Shaped<
  Stripe.Checkout.Session,
  | 'id'
  | 'object'
  | 'amount_total'
  | 'currency'
  | 'metadata'
  | 'mode'
  | 'payment_intent'
  | 'payment_status'
  | 'status'
  | 'success_url'
  | 'cancel_url'
  | 'url'
  | 'expires_at'
  | 'created'
  | 'livemode'
  | 'client_reference_id'
  | 'customer_email'
>;
export type FakeIntent = Shaped<
  Stripe.PaymentIntent,
  | 'id'
  | 'object'
  | 'amount'
  | 'amount_received'
  | 'currency'
  | 'metadata'
  | 'status'
  | 'latest_charge'
  | 'created'
  | 'livemode'
>;
export type FakeCharge = Shaped<
  Stripe.Charge,
  'id' | 'object' | 'amount' | 'amount_refunded' | 'currency' | 'payment_intent' | 'refunded' | 'created' | 'livemode'
>;
export type FakeRefund = Shaped<
  Stripe.Refund,
  'id' | 'object' | 'amount' | 'charge' | 'currency' | 'payment_intent' | 'status' | 'created' | 'metadata'
>;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** The form parameters, decoded (nested keys as objects, indexed keys as arrays). */
  params: Record<string, unknown>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  idempotencyKey: string | undefined;
  apiKey: string | undefined;
}

/** Line item params as our code sends them (the fake keeps them to price the session). */
interface LineItemParams {
  quantity?: string;
  price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } };
}

export interface CompleteOptions {
  /** 'paid' (default) or 'unpaid' (an async payment method still processing: no payment_intent.succeeded yet). */
  paymentStatus?: 'paid' | 'unpaid';
  /** Deliver these events (default: checkout.session.completed then payment_intent.succeeded). */
  events?: ('checkout.session.completed' | 'payment_intent.succeeded' | 'checkout.session.async_payment_succeeded')[];
  /** Build the events without delivering them (to shuffle, duplicate or deliver them yourself). */
  deliver?: boolean;
}

export interface Delivery {
  status: number;
  body: string;
}

export interface FakeStripe {
  host: string;
  port: number;
  protocol: 'http';
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** The env that points a CaseFlow server at this fake. */
  env: Record<string, string>;
  requests: RecordedRequest[];
  sessions: Map<string, FakeSession>;
  intents: Map<string, FakeIntent>;
  charges: Map<string, FakeCharge>;
  refunds: Map<string, FakeRefund>;
  /** Where a firm's webhooks go (set by startFakeStripe's option or later, e.g. once the server listens). */
  webhookUrlFor: (tenantSlug: string) => string;
  /** The signing secret of each firm's webhook endpoint (as its dashboard would show it). */
  webhookSecrets: Map<string, string>;
  /** Secret keys the fake answers 401 for. */
  rejectedKeys: Set<string>;
  /** Include `refunds` on charges (older API versions did; current ones do not). Default false. */
  includeChargeRefunds: boolean;
  /** While true, webhooks of the Pay page are queued instead of sent (see releaseWebhooks). */
  holdWebhooks: boolean;
  /** Every API answer waits this long first (a slow Stripe); default 0. */
  delayMs: number;
  /** API calls received and not answered yet. */
  inFlight: number;
  /** The next API call whose path starts with `pathPrefix` fails with this Stripe error. */
  failNext(pathPrefix: string, error: { status: number; type: string; message: string }): void;
  /** Pays a session as the Pay button does: the events are delivered unless `deliver: false`. */
  completeCheckout(
    sessionId: string,
    options?: CompleteOptions,
  ): Promise<{ intent: FakeIntent; events: Stripe.Event[] }>;
  /** Refunds part or all of a payment intent's charge: builds charge.refunded (cumulative) and refund.created. */
  refund(intentId: string, amount: number): { refund: FakeRefund; events: Stripe.Event[] };
  /** A Stripe.Event around an object, as Stripe would send it. */
  event<T extends Stripe.Event['type']>(type: T, object: unknown): Stripe.Event;
  /** Posts one event, signed with the firm's secret (or `secret`), to the firm's webhook URL; `duplicate` posts it twice. */
  sendEvent(
    tenantSlug: string,
    event: Stripe.Event,
    secret?: string,
    options?: { duplicate?: boolean; timestamp?: number },
  ): Promise<Delivery[]>;
  /** Sends the webhooks held while holdWebhooks was true. */
  releaseWebhooks(): Promise<void>;
  close(): Promise<void>;
}

const stripe = new Stripe('sk_test_fake_signer');
const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;
const now = () => Math.floor(Date.now() / 1000);

function stripeError(ctx: Koa.Context, status: number, type: string, message: string) {
  ctx.status = status;
  ctx.body = { error: { type, message } };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function startFakeStripe(
  options: { webhookUrlFor?: (tenantSlug: string) => string } = {},
): Promise<FakeStripe> {
  const app = new Koa();
  const router = new Router();
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, FakeSession>();
  const lineItems = new Map<string, LineItemParams[]>();
  const intents = new Map<string, FakeIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  /** payment_intent_data.metadata of each session, for the payment intent it creates when paid. */
  const intentMetadata = new Map<string, Record<string, string>>();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const failures: { pathPrefix: string; error: { status: number; type: string; message: string } }[] = [];
  const held: { slug: string; event: Stripe.Event }[] = [];
  let baseUrl = '';

  const fake = {} as FakeStripe;

  app.use(bodyParser({ enableTypes: ['form'] }));
  // Record, authenticate, replay idempotent POSTs and inject failures, like the real API's front door.
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/v1/')) return next();
    const headers = Object.fromEntries(Object.entries(ctx.headers).map(([k, v]) => [k, String(v)]));
    const apiKey = /^Bearer (\S+)$/.exec(ctx.get('authorization'))?.[1];
    const params = ((ctx.request as { body?: Record<string, unknown> }).body ?? {}) as Record<string, unknown>;
    const idempotencyKey = ctx.get('idempotency-key') || undefined;
    requests.push({
      method: ctx.method,
      path: ctx.path,
      query: { ...ctx.query },
      params,
      headers,
      idempotencyKey,
      apiKey,
    });
    if (fake.delayMs > 0) {
      fake.inFlight += 1;
      try {
        await new Promise((resolve) => setTimeout(resolve, fake.delayMs));
      } finally {
        fake.inFlight -= 1;
      }
    }
    if (!apiKey || !/^(sk|rk)_(test|live)_/.test(apiKey) || fake.rejectedKeys.has(apiKey)) {
      const shown = apiKey ? `${apiKey.slice(0, 8)}****${apiKey.slice(-4)}` : 'none';
      return stripeError(ctx, 401, 'invalid_request_error', `Invalid API Key provided: ${shown}`);
    }
    const failure = failures.findIndex((f) => ctx.path.startsWith(f.pathPrefix));
    if (failure >= 0) {
      const [{ error }] = failures.splice(failure, 1) as [(typeof failures)[number]];
      return stripeError(ctx, error.status, error.type, error.message);
    }
    if (ctx.method === 'POST' && idempotencyKey) {
      const fingerprint = `${ctx.path} ${JSON.stringify(params)}`;
      const seen = idempotent.get(`${apiKey} ${idempotencyKey}`);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          return stripeError(
            ctx,
            400,
            'idempotency_error',
            'Keys for idempotent requests can only be used with the same parameters they were first used with.',
          );
        }
        ctx.status = seen.status;
        ctx.body = seen.body;
        ctx.set('idempotent-replayed', 'true');
        return;
      }
      await next();
      idempotent.set(`${apiKey} ${idempotencyKey}`, { fingerprint, status: ctx.status, body: ctx.body });
      return;
    }
    await next();
  });

  const livemode = (ctx: Koa.Context) => /_live_/.test(ctx.get('authorization'));

  router.get('/v1/account', (ctx) => {
    const account: Shaped<Stripe.Account, 'id' | 'object' | 'charges_enabled' | 'country'> = {
      id: 'acct_fake0123456789',
      object: 'account',
      charges_enabled: true,
      country: 'US',
    };
    ctx.body = account;
  });

  router.post('/v1/checkout/sessions', (ctx) => {
    const p = (ctx.request as { body: Record<string, unknown> }).body as {
      line_items?: LineItemParams[];
      metadata?: Record<string, string>;
      success_url?: string;
      cancel_url?: string;
      client_reference_id?: string;
      customer_email?: string;
      mode?: string;
      payment_intent_data?: { metadata?: Record<string, string> };
    };
    const items = p.line_items ?? [];
    if (p.mode !== 'payment' || items.length === 0 || !p.success_url) {
      return stripeError(ctx, 400, 'invalid_request_error', 'mode, line_items and success_url are required.');
    }
    const currency = items[0]!.price_data?.currency ?? 'usd';
    const amount = items.reduce(
      (sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1),
      0,
    );
    const sessionId = id('cs');
    const session: FakeSession = {
      id: sessionId,
      object: 'checkout.session',
      amount_total: amount,
      amount_subtotal: amount,
      currency,
      metadata: p.metadata ?? {},
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: p.success_url,
      cancel_url: p.cancel_url ?? null,
      url: `${baseUrl}/pay/${sessionId}`,
      expires_at: now() + 24 * 60 * 60,
      created: now(),
      livemode: livemode(ctx),
      client_reference_id: p.client_reference_id ?? null,
      customer_email: p.customer_email ?? null,
    };
    sessions.set(sessionId, session);
    lineItems.set(sessionId, items);
    // Kept for the payment intent the session will create when paid.
    intentMetadata.set(sessionId, p.payment_intent_data?.metadata ?? {});
    ctx.body = session;
  });

  router.get('/v1/checkout/sessions/:id', (ctx) => {
    const session = sessions.get(ctx.params.id!);
    if (!session) return stripeError(ctx, 404, 'invalid_request_error', `No such checkout.session: '${ctx.params.id}'`);
    ctx.body = session;
  });

  router.post('/v1/checkout/sessions/:id/expire', (ctx) => {
    const session = sessions.get(ctx.params.id!);
    if (!session) return stripeError(ctx, 404, 'invalid_request_error', `No such checkout.session: '${ctx.params.id}'`);
    if (session.status !== 'open') {
      return stripeError(
        ctx,
        400,
        'invalid_request_error',
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
      );
    }
    session.status = 'expired';
    session.url = null;
    ctx.body = session;
  });

  router.get('/v1/payment_intents/:id', (ctx) => {
    const intent = intents.get(ctx.params.id!);
    if (!intent) return stripeError(ctx, 404, 'invalid_request_error', `No such payment_intent: '${ctx.params.id}'`);
    ctx.body = intent;
  });

  router.get('/v1/refunds', (ctx) => {
    const charge = typeof ctx.query.charge === 'string' ? ctx.query.charge : undefined;
    const data = [...refunds.values()].filter((r) => !charge || r.charge === charge).reverse();
    const list: Omit<Stripe.ApiList<Stripe.Refund>, 'data'> & { data: FakeRefund[] } = {
      object: 'list',
      data,
      has_more: false,
      url: '/v1/refunds',
    };
    ctx.body = list;
  });

  // The hosted Checkout page (what a browser sees at session.url).
  router.get('/pay/:id', (ctx) => {
    const session = sessions.get(ctx.params.id!);
    if (!session) {
      ctx.status = 404;
      ctx.body = 'No such Checkout Session';
      return;
    }
    const name = lineItems.get(session.id)?.[0]?.price_data?.product_data?.name ?? 'Payment';
    // Minor units as Stripe has them: the fake does not format money.
    const amount = `${session.amount_total ?? 0} ${(session.currency ?? '').toUpperCase()}`;
    ctx.type = 'html';
    ctx.body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
<body>
<main>
<h1>Fake Stripe Checkout</h1>
<p data-testid="description">${escapeHtml(name)}</p>
<p data-testid="amount">${escapeHtml(amount)}</p>
<p data-testid="status">${escapeHtml(session.status ?? '')}</p>
${
  session.status === 'open'
    ? `<form method="post" action="/pay/${escapeHtml(session.id)}"><button type="submit">Pay</button></form>
<p><a href="${escapeHtml(session.cancel_url ?? '/')}">Cancel</a></p>`
    : '<p>This Checkout Session is no longer open.</p>'
}
</main>
</body></html>`;
  });

  router.post('/pay/:id', async (ctx) => {
    const session = sessions.get(ctx.params.id!);
    if (!session || session.status !== 'open') {
      ctx.status = 409;
      ctx.body = 'This Checkout Session is no longer open.';
      return;
    }
    await fake.completeCheckout(session.id);
    ctx.redirect(session.success_url!);
  });

  app.use(router.routes());

  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  const event = <T extends Stripe.Event['type']>(type: T, object: unknown): Stripe.Event => {
    // The one cast of the fake: Stripe.Event is a union discriminated by `type`; the objects put in it are shaped above.
    const built = {
      id: id('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: now(),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    return built as unknown as Stripe.Event;
  };

  async function post(
    slug: string,
    ev: Stripe.Event,
    secret: string | undefined,
    timestamp?: number,
  ): Promise<Delivery> {
    const payload = JSON.stringify(ev);
    const key = secret ?? fake.webhookSecrets.get(slug);
    if (!key) throw new Error(`no webhook secret for firm ${slug}: set fake.webhookSecrets`);
    const header = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: key,
      ...(timestamp !== undefined ? { timestamp } : {}),
    });
    const response = await fetch(fake.webhookUrlFor(slug), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': header },
      body: payload,
    });
    return { status: response.status, body: await response.text() };
  }

  async function deliver(slug: string, events: Stripe.Event[], hold: boolean): Promise<void> {
    for (const ev of events) {
      if (hold) held.push({ slug, event: ev });
      else {
        const answer = await post(slug, ev, undefined);
        if (answer.status !== 200) throw new Error(`webhook ${ev.type} answered ${answer.status}: ${answer.body}`);
      }
    }
  }

  Object.assign(fake, {
    host: '127.0.0.1',
    port,
    protocol: 'http' as const,
    baseUrl,
    env: { STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: String(port), STRIPE_API_PROTOCOL: 'http' },
    requests,
    sessions,
    intents,
    charges,
    refunds,
    webhookUrlFor:
      options.webhookUrlFor ??
      (() => {
        throw new Error('set fake.webhookUrlFor to the server under test');
      }),
    webhookSecrets: new Map<string, string>(),
    rejectedKeys: new Set<string>(),
    includeChargeRefunds: false,
    holdWebhooks: false,
    delayMs: 0,
    inFlight: 0,
    event,
    failNext: (pathPrefix: string, error: { status: number; type: string; message: string }) => {
      failures.push({ pathPrefix, error });
    },
    completeCheckout: async (sessionId: string, opts: CompleteOptions = {}) => {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`no session ${sessionId}`);
      if (session.status !== 'open') throw new Error(`session ${sessionId} is ${session.status}`);
      const paid = (opts.paymentStatus ?? 'paid') === 'paid';
      const intentId = id('pi');
      const chargeId = id('ch');
      const amount = session.amount_total ?? 0;
      const intent: FakeIntent = {
        id: intentId,
        object: 'payment_intent',
        amount,
        amount_received: paid ? amount : 0,
        currency: session.currency!,
        metadata: intentMetadata.get(sessionId) ?? {},
        status: paid ? 'succeeded' : 'processing',
        latest_charge: chargeId,
        created: now(),
        livemode: session.livemode,
      };
      const charge: FakeCharge = {
        id: chargeId,
        object: 'charge',
        amount,
        amount_refunded: 0,
        currency: session.currency!,
        payment_intent: intentId,
        refunded: false,
        created: now(),
        livemode: session.livemode,
      };
      intents.set(intentId, intent);
      charges.set(chargeId, charge);
      Object.assign(session, {
        status: 'complete',
        payment_status: paid ? 'paid' : 'unpaid',
        payment_intent: intentId,
        url: null,
      });
      const types = opts.events ?? ['checkout.session.completed', 'payment_intent.succeeded'];
      const events = types.map((type) =>
        type === 'payment_intent.succeeded' ? event(type, { ...intent }) : event(type, { ...session }),
      );
      const slug = session.metadata?.tenant_slug;
      if (opts.deliver !== false && slug) await deliver(slug, events, fake.holdWebhooks);
      return { intent, events };
    },
    refund: (intentId: string, amount: number) => {
      const intent = intents.get(intentId);
      if (!intent) throw new Error(`no payment intent ${intentId}`);
      const charge = charges.get(intent.latest_charge as string)!;
      if (charge.amount_refunded + amount > charge.amount) throw new Error('refund above the charge');
      const refund: FakeRefund = {
        id: id('re'),
        object: 'refund',
        amount,
        charge: charge.id,
        currency: charge.currency,
        payment_intent: intentId,
        status: 'succeeded',
        created: now(),
        metadata: {},
      };
      refunds.set(refund.id, refund);
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded === charge.amount;
      const chargeSnapshot: FakeCharge = { ...charge };
      if (fake.includeChargeRefunds) {
        const data = [...refunds.values()].filter((r) => r.charge === charge.id).reverse();
        chargeSnapshot.refunds = {
          object: 'list',
          data: data as Stripe.Refund[],
          has_more: false,
          url: `/v1/charges/${charge.id}/refunds`,
        };
      }
      return { refund, events: [event('charge.refunded', chargeSnapshot), event('refund.created', { ...refund })] };
    },
    sendEvent: async (
      slug: string,
      ev: Stripe.Event,
      secret?: string,
      opts: { duplicate?: boolean; timestamp?: number } = {},
    ) => {
      const answers = [await post(slug, ev, secret, opts.timestamp)];
      if (opts.duplicate) answers.push(await post(slug, ev, secret, opts.timestamp));
      return answers;
    },
    releaseWebhooks: async () => {
      for (const { slug, event: ev } of held.splice(0)) await deliver(slug, [ev], false);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return fake;
}
