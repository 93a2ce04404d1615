/**
 * POST /api/v1/portal/invoices/:id/checkout against the local fake Stripe: the
 * exact request Stripe receives, one open session per invoice, idempotent
 * retries, partial payments, return URLs and every refusal. Serial: the tests
 * change the firm's Stripe settings and a contact's permissions.
 */
import { createHash } from 'node:crypto';
import test from 'ava';
import {
  ApiError,
  ConflictError,
  NotFoundError,
  PermissionError,
  PlanUpgradeRequiredError,
  ValidationError,
} from '../../../sdk/errors.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { checkoutMessages } from '../../../server/modules/payments/stripe/checkout.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { updateSettings } from '../../helpers/factories/index.js';
import { connectStripe, sentInvoice } from '../../helpers/stripe.js';

let s: TestServer;
let nora: PortalClient;
const ids: Record<string, string> = {};

test.before(async () => {
  s = await startTestServer({ stripe: true });
  await connectStripe(s, 'acme', { allow_partial_payments: true, partial_payment_minimum: 5000 });
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  const owner = s.db.owner;
  ids.acme = (await owner('tenants').where({ slug: 'acme' }).first()).id;
  ids.nora = (await owner('contacts').where({ email: demo.nora.email }).first()).id;
  for (const number of ['INV-0001', 'INV-0004', 'INV-0007']) {
    ids[number] = (await owner('invoices').where({ tenant_id: ids.acme, number }).first()).id;
  }
  ids.draft = (await owner('invoices').where({ tenant_id: ids.acme, status: 'draft' }).first()).id;
});
test.after.always(async () => s?.close());

const count = async (table: string, where: Record<string, string>) => (await s.db.owner(table).where(where)).length;
const creates = () => s.stripe!.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');

test.serial(
  'the exact Checkout request: balance, currency, line item, metadata on session and payment intent, idempotency key',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 123_45 });
    const before = creates().length;
    const answer = await nora.invoices.checkout(invoice.id, {}, { idempotencyKey: 'retry-me-1' });
    const [request] = creates().slice(before);
    t.is(creates().length, before + 1);
    const metadata = { tenant_id: ids.acme, tenant_slug: 'acme', invoice_id: invoice.id, contact_id: ids.nora };
    const back = `http://acme.localhost:${s.server.port}/clients/invoices`;
    t.deepEqual(request!.params, {
      mode: 'payment',
      line_items: [
        {
          quantity: '1',
          price_data: {
            currency: 'usd',
            unit_amount: '12345',
            product_data: { name: `Payment for Invoice ${invoice.number}` },
          },
        },
      ],
      client_reference_id: invoice.id,
      customer_email: demo.nora.email,
      metadata,
      payment_intent_data: { metadata },
      success_url: `${back}?caseflow_checkout=success&caseflow_invoice=${invoice.id}`,
      cancel_url: `${back}?caseflow_checkout=cancelled&caseflow_invoice=${invoice.id}`,
    });
    const digest = createHash('sha256').update(`${ids.acme}:${ids.nora}:${invoice.id}:retry-me-1`).digest('hex');
    t.is(request!.idempotencyKey, `caseflow-checkout-${digest}`);
    t.is(request!.apiKey?.startsWith('sk_test_'), true);

    const session = s.stripe!.sessions.get(answer.id)!;
    t.deepEqual(answer, {
      id: session.id,
      url: `${s.stripe!.baseUrl}/pay/${session.id}`,
      amount: 12345,
      currency: 'USD',
      expires_at: new Date(session.expires_at * 1000).toISOString(),
      previewed_by: null,
    });
    const rows = await s.db.owner('checkout_sessions').where({ invoice_id: invoice.id });
    t.is(rows.length, 1);
    t.like(rows[0], {
      stripe_session_id: answer.id,
      status: 'open',
      amount: 12345,
      currency: 'USD',
      contact_id: ids.nora,
    });
    const audit = await s.db
      .owner('audit_events')
      .where({ action: 'invoice.checkout_started', subject_id: invoice.id });
    t.is(audit.length, 1);
    t.like(audit[0], { actor_type: 'contact', actor_id: ids.nora });
  },
);

test.serial('an idempotent retry answers the first session; the same key with other parameters is a 409', async (t) => {
  const invoice = await sentInvoice(s, { amount: 20_000 });
  const before = creates().length;
  const first = await nora.invoices.checkout(invoice.id, {}, { idempotencyKey: 'same-key' });
  const again = await nora.invoices.checkout(invoice.id, {}, { idempotencyKey: 'same-key' });
  t.deepEqual(again, first);
  t.is(creates().length, before + 1);
  t.is(await count('checkout_sessions', { invoice_id: invoice.id }), 1);
  const reused = await t.throwsAsync(
    nora.invoices.checkout(invoice.id, { amount: 6000 }, { idempotencyKey: 'same-key' }),
    { instanceOf: ConflictError },
  );
  t.is(reused.code, 'idempotency_key_reused');
});

test.serial('a second checkout expires the first, at Stripe and here: one open session per invoice', async (t) => {
  const invoice = await sentInvoice(s, { amount: 30_000 });
  const first = await nora.invoices.checkout(invoice.id);
  const second = await nora.invoices.checkout(invoice.id, { amount: 10_000 });
  t.not(first.id, second.id);
  t.is(second.amount, 10_000);
  const expires = s.stripe!.requests.filter((r) => r.path === `/v1/checkout/sessions/${first.id}/expire`);
  t.is(expires.length, 1);
  t.is(s.stripe!.sessions.get(first.id)!.status, 'expired');
  const rows = await s.db.owner('checkout_sessions').where({ invoice_id: invoice.id }).orderBy('created_at');
  t.deepEqual(
    rows.map((r) => [r.stripe_session_id, r.status]),
    [
      [first.id, 'expired'],
      [second.id, 'open'],
    ],
  );
});

test.serial(
  'partial amounts: within [minimum, balance] only; a firm without partial payments takes the balance alone',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 20_000 });
    const below = await t.throwsAsync(nora.invoices.checkout(invoice.id, { amount: 4999 }), {
      instanceOf: ValidationError,
    });
    t.is(below.code, 'amount_below_minimum');
    t.is(below.message, "The amount is below this firm's minimum partial payment of 50.00 USD.");
    const above = await t.throwsAsync(nora.invoices.checkout(invoice.id, { amount: 20_001 }), {
      instanceOf: ValidationError,
    });
    t.is(above.code, 'amount_above_balance');
    t.is((await nora.invoices.checkout(invoice.id, { amount: 5000 })).amount, 5000);

    const ada = await s.staffLogin(demoStaff.ada);
    await ada.stripe.configure({ allow_partial_payments: false });
    try {
      const refused = await t.throwsAsync(nora.invoices.checkout(invoice.id, { amount: 5000 }), {
        instanceOf: ValidationError,
      });
      t.is(refused.code, 'partial_payments_not_allowed');
      t.is((await nora.invoices.checkout(invoice.id, { amount: 20_000 })).amount, 20_000);
    } finally {
      await ada.stripe.configure({ allow_partial_payments: true });
    }
  },
);

test.serial('return_url: an origin the firm allowed is used; any other is a 400', async (t) => {
  const invoice = await sentInvoice(s, { amount: 9_000 });
  await updateSettings(s, 'acme', { allowed_origins: ['https://www.acme-law.example'] });
  const before = creates().length;
  await nora.invoices.checkout(invoice.id, { return_url: 'https://www.acme-law.example/billing?tab=1#top' });
  t.is(
    creates()[before]!.params.success_url,
    `https://www.acme-law.example/billing?tab=1&caseflow_checkout=success&caseflow_invoice=${invoice.id}#top`,
  );
  const error = await t.throwsAsync(nora.invoices.checkout(invoice.id, { return_url: 'https://evil.example/x' }), {
    instanceOf: ValidationError,
  });
  t.is(error.code, 'return_url_not_allowed');
});

test.serial('refusals: cancelled and paid invoices 409; a draft or another client’s invoice 404', async (t) => {
  const cancelled = await t.throwsAsync(nora.invoices.checkout(ids['INV-0004']!), { instanceOf: ConflictError });
  t.is(cancelled.code, 'invoice_not_payable');
  t.is(cancelled.message, 'This invoice was cancelled: there is nothing to pay.');
  const paid = await t.throwsAsync(nora.invoices.checkout(ids['INV-0001']!), { instanceOf: ConflictError });
  t.is(paid.code, 'invoice_not_payable');
  t.is(paid.message, 'This invoice is already paid.');
  await t.throwsAsync(nora.invoices.checkout(ids.draft!), { instanceOf: NotFoundError });
  await t.throwsAsync(nora.invoices.checkout(ids['INV-0007']!), { instanceOf: NotFoundError });
});

test.serial(
  'amounts Stripe cannot charge exactly (KWD not a multiple of 10 fils) are a 400; ISK goes to Stripe ×100',
  async (t) => {
    const kwd = await sentInvoice(s, { amount: 12_345, currency: 'KWD' });
    const error = await t.throwsAsync(nora.invoices.checkout(kwd.id), { instanceOf: ValidationError });
    t.is(error.code, 'amount_not_chargeable');
    const jpy = await sentInvoice(s, { amount: 5_000, currency: 'JPY' });
    const before = creates().length;
    t.is((await nora.invoices.checkout(jpy.id)).amount, 5000);
    t.like(creates()[before]!.params, { line_items: [{ price_data: { currency: 'jpy', unit_amount: '5000' } }] });
    const isk = await sentInvoice(s, { amount: 7_000, currency: 'ISK' });
    t.is((await nora.invoices.checkout(isk.id)).amount, 7000);
    t.like(creates()[before + 1]!.params, { line_items: [{ price_data: { currency: 'isk', unit_amount: '700000' } }] });
  },
);

test.serial('a Stripe error is a 502 with a clear message; the session is left failed, never open', async (t) => {
  const invoice = await sentInvoice(s, { amount: 4_000 });
  s.stripe!.failNext('/v1/checkout/sessions', {
    status: 400,
    type: 'invalid_request_error',
    message: 'Invalid currency: usd is not enabled on this account.',
  });
  const error = await t.throwsAsync(nora.invoices.checkout(invoice.id), { instanceOf: ApiError });
  t.is(error.status, 502);
  t.is(error.code, 'stripe_error');
  t.is(error.message, 'Stripe refused the request: Invalid currency: usd is not enabled on this account.');
  const rows = await s.db.owner('checkout_sessions').where({ invoice_id: invoice.id });
  t.deepEqual(
    rows.map((r) => [r.status, r.stripe_session_id, r.url]),
    [['failed', null, null]],
  );
  t.is(await count('audit_events', { action: 'invoice.checkout_started', subject_id: invoice.id }), 0);
  // Nothing holds the invoice: the next checkout opens.
  const next = await nora.invoices.checkout(invoice.id);
  t.is(await count('checkout_sessions', { invoice_id: invoice.id, status: 'open', stripe_session_id: next.id }), 1);
});

test.serial('a connection failure at Stripe leaves the session expiring, for the reconcile job', async (t) => {
  const invoice = await sentInvoice(s, { amount: 4_100 });
  s.stripe!.failNext('/v1/checkout/sessions', { status: 500, type: 'api_error', message: 'Something broke.' });
  s.stripe!.failNext('/v1/checkout/sessions', { status: 500, type: 'api_error', message: 'Something broke.' });
  s.stripe!.failNext('/v1/checkout/sessions', { status: 500, type: 'api_error', message: 'Something broke.' });
  const error = await t.throwsAsync(nora.invoices.checkout(invoice.id), { instanceOf: ApiError });
  t.is(error.status, 502);
  t.is(error.code, 'stripe_unavailable');
  const rows = await s.db.owner('checkout_sessions').where({ invoice_id: invoice.id });
  t.deepEqual(
    rows.map((r) => r.status),
    ['expiring'],
  );
  t.truthy(rows[0].stripe_idempotency_key);
  t.is(rows[0].create_params.client_reference_id, invoice.id);
});

test.serial('two concurrent checkouts of one invoice: one opens, the other is a clear 409', async (t) => {
  const invoice = await sentInvoice(s, { amount: 7_700 });
  s.stripe!.delayMs = 300;
  try {
    const outcomes = await Promise.allSettled([nora.invoices.checkout(invoice.id), nora.invoices.checkout(invoice.id)]);
    const opened = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as ConflictError] : []));
    t.is(opened.length, 1);
    t.deepEqual(
      refused.map((e) => [e.status, e.code, e.message]),
      [[409, 'checkout_in_progress', checkoutMessages.inProgress]],
    );
  } finally {
    s.stripe!.delayMs = 0;
  }
  t.deepEqual(
    (await s.db.owner('checkout_sessions').where({ invoice_id: invoice.id })).map((r) => r.status),
    ['open'],
  );
});

test.serial(
  'a payment recorded while Stripe creates the session: that session is expired and the client told',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 8_800 });
    const ada = await s.staffLogin(demoStaff.ada);
    s.stripe!.delayMs = 500;
    let checkout: Promise<unknown>;
    try {
      checkout = nora.invoices.checkout(invoice.id);
      for (let i = 0; i < 200 && s.stripe!.inFlight === 0; i++) await new Promise((r) => setTimeout(r, 10));
      await ada.invoices.pay(invoice.id, { amount: 1_000, mode: 'check' });
      const error = await t.throwsAsync(checkout, { instanceOf: ConflictError });
      t.is(error.code, 'invoice_changed');
    } finally {
      s.stripe!.delayMs = 0;
    }
    const rows = await s.db.owner('checkout_sessions').where({ invoice_id: invoice.id });
    t.deepEqual(
      rows.map((r) => r.status),
      ['expired'],
    );
    t.is(s.stripe!.sessions.get(rows[0].stripe_session_id)!.status, 'expired');
  },
);

test.serial('without the invoices permission: 403', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const contact = await ada.contacts.retrieve(ids.nora!);
  await ada.contacts.update(ids.nora!, { permissions: contact.permissions.filter((p) => p !== 'invoices') });
  try {
    const error = await t.throwsAsync(nora.invoices.checkout(ids['INV-0004']!), { instanceOf: PermissionError });
    t.is(error.code, 'permission_denied');
  } finally {
    await ada.contacts.update(ids.nora!, { permissions: contact.permissions });
  }
});

test.serial('a firm without Stripe: 409 payments_not_configured, and /me says payments are off', async (t) => {
  const ian = s.portal('bluebird');
  await ian.auth.login(demo.ian);
  const [invoice] = (await ian.invoices.list({ status: 'unpaid' })).data;
  const error = await t.throwsAsync(ian.invoices.checkout(invoice!.id), { instanceOf: ConflictError });
  t.is(error.code, 'payments_not_configured');
  t.is(error.message, 'This firm does not take online payments yet.');
  t.is((await ian.me()).firm.payments_enabled, false);
});

test.serial('a disabled configuration refuses checkouts like a missing one', async (t) => {
  const invoice = await sentInvoice(s, { amount: 4_500 });
  const ada = await s.staffLogin(demoStaff.ada);
  await ada.stripe.disable();
  try {
    const error = await t.throwsAsync(nora.invoices.checkout(invoice.id), { instanceOf: ConflictError });
    t.is(error.code, 'payments_not_configured');
  } finally {
    await ada.stripe.configure({});
  }
});

test.serial('on the solo plan the checkout answers 402', async (t) => {
  await s.platform().tenants.update('acme', { plan: 'solo' });
  try {
    await t.throwsAsync(nora.invoices.checkout(ids['INV-0004']!), { instanceOf: PlanUpgradeRequiredError });
  } finally {
    await s.platform().tenants.update('acme', { plan: 'growth' });
  }
});
