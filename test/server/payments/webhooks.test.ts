/**
 * POST /api/v1/webhooks/stripe/:tenant with events the local fake Stripe
 * signs: verification, exactly-once recording per payment intent and per
 * refund id, any order, overpayments as credits, receipts, failures that make
 * Stripe retry. The receipt stores the event; the apply-stripe-event job
 * applies it: tests drain the job queue before they look.
 */
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type Stripe from 'stripe';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { retryJobs } from '../../../server/jobs/operator.js';
import { connectStripe, sentInvoice, type StripeKeys } from '../../helpers/stripe.js';

let s: TestServer;
let nora: PortalClient;
let keys: StripeKeys;

test.before(async () => {
  s = await startTestServer({ stripe: true });
  keys = (await connectStripe(s, 'acme', { allow_partial_payments: true, partial_payment_minimum: 1000 })).keys;
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
});
test.after.always(async () => s?.close());

const payments = (invoiceId: string) => s.db.owner('payments').where({ invoice_id: invoiceId });
const invoiceRow = (invoiceId: string) => s.db.owner('invoices').where({ id: invoiceId }).first();
const events = (id: string) => s.db.owner('stripe_events').where({ id });

/** Opens a checkout and pays it on the fake; the events are returned, not delivered. */
async function paid(invoiceId: string, amount?: number) {
  const session = await nora.invoices.checkout(invoiceId, amount ? { amount } : {});
  const { intent, events: list } = await s.stripe!.completeCheckout(session.id, { deliver: false });
  return { session, intent, events: list };
}

async function deliverAll(list: Stripe.Event[]) {
  for (const event of list) {
    const [answer] = await s.stripe!.sendEvent('acme', event);
    if (answer!.status !== 200) throw new Error(`${event.type}: ${answer!.status} ${answer!.body}`);
  }
  await s.server.jobs.drain();
}

test('the Pay flow: checkout.session.completed records the payment once, the invoice is paid, a receipt is queued', async (t) => {
  const invoice = await sentInvoice(s, { amount: 25_000 });
  const { session, intent, events: list } = await paid(invoice.id);
  const [completed, succeeded] = list as [Stripe.Event, Stripe.Event];
  const [first] = await s.stripe!.sendEvent('acme', completed);
  t.deepEqual([first!.status, JSON.parse(first!.body)], [200, { received: true }]);
  const [second] = await s.stripe!.sendEvent('acme', succeeded);
  t.deepEqual([second!.status, JSON.parse(second!.body)], [200, { received: true }]);
  t.like((await events(completed.id))[0], { type: 'checkout.session.completed', outcome: 'pending' });
  await s.server.jobs.drain();

  const rows = await payments(invoice.id);
  t.is(rows.length, 1);
  t.like(rows[0], { amount: 25_000, currency: 'USD', method: 'stripe', stripe_payment_intent_id: intent.id });
  t.like(await invoiceRow(invoice.id), { status: 'paid', amount_paid: 25_000 });
  t.like(await s.db.owner('checkout_sessions').where({ stripe_session_id: session.id }).first(), {
    status: 'complete',
  });
  t.like((await events(completed.id))[0], { type: 'checkout.session.completed', outcome: 'applied' });

  const receipts = await s.db.owner('email_outbox').where({ template: 'payment_receipt', to_address: demo.nora.email });
  t.is(receipts.filter((r) => r.subject === `Payment received: Invoice ${invoice.number}`).length, 1);
  const folder = s.server.mailDestination;
  const sent = fs
    .readdirSync(folder)
    .map((f) => fs.readFileSync(path.join(folder, f), 'utf8').replace(/=\r?\n/g, ''))
    .filter((m) => m.includes(`Subject: Payment received: Invoice ${invoice.number}`));
  t.is(sent.length, 1);
  t.true(sent[0]!.includes(`We received your payment of $250.00 for Invoice ${invoice.number}. Thank you.`));
  t.true(sent[0]!.includes('The invoice is now paid in full.'));
  t.true(sent[0]!.includes(`http://acme.localhost:${s.server.port}/clients/invoices`));
  const audit = await s.db.owner('audit_events').where({ action: 'invoice.payment_received', subject_id: invoice.id });
  t.is(audit.length, 1);
  t.like(audit[0], { actor_type: 'system', actor_id: null });
  t.like(audit[0].data, { amount: 25_000, currency: 'USD', stripe_payment_intent_id: intent.id, credit: 0 });

  // The portal shows it.
  const portalInvoice = await nora.invoices.retrieve(invoice.id);
  t.is(portalInvoice.status, 'paid');
  t.deepEqual(
    portalInvoice.payments.map((p) => [p.amount, p.method]),
    [[25_000, 'stripe']],
  );
});

test('payment_intent.succeeded first, then the session event: still one payment', async (t) => {
  const invoice = await sentInvoice(s, { amount: 11_000 });
  const { events: list } = await paid(invoice.id);
  await deliverAll([...list].reverse());
  t.is((await payments(invoice.id)).length, 1);
  t.like(await invoiceRow(invoice.id), { status: 'paid', amount_paid: 11_000 });
});

test('a redelivered event answers 200 duplicate and changes nothing', async (t) => {
  const invoice = await sentInvoice(s, { amount: 12_000 });
  const { events: list } = await paid(invoice.id);
  const answers = await s.stripe!.sendEvent('acme', list[0]!, undefined, { duplicate: true });
  t.deepEqual(
    answers.map((a) => [a.status, JSON.parse(a.body)]),
    [
      [200, { received: true }],
      [200, { received: true, duplicate: true }],
    ],
  );
  await s.server.jobs.drain();
  t.is((await payments(invoice.id)).length, 1);
});

test('a forged or stale signature is a 400 and records nothing', async (t) => {
  const invoice = await sentInvoice(s, { amount: 13_000 });
  const { events: list } = await paid(invoice.id);
  const event = list[0]!;
  const [forged] = await s.stripe!.sendEvent('acme', event, 'whsec_not_the_firms_secret_0000');
  t.is(forged!.status, 400);
  t.is(JSON.parse(forged!.body).error.code, 'invalid_signature');
  const [stale] = await s.stripe!.sendEvent('acme', event, keys.webhook_secret, {
    timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
  });
  t.is(stale!.status, 400);
  // A body changed after signing.
  const header = `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`;
  const unsigned = await fetch(`${s.baseUrl}/api/v1/webhooks/stripe/acme`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: JSON.stringify(event),
  });
  t.is(unsigned.status, 400);
  const missing = await fetch(`${s.baseUrl}/api/v1/webhooks/stripe/acme`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  t.is(missing.status, 400);
  t.is((await missing.json()).error.code, 'signature_missing');
  t.is((await events(event.id)).length, 0);
  t.is((await payments(invoice.id)).length, 0);
  t.like(await invoiceRow(invoice.id), { status: 'unpaid', amount_paid: 0 });
});

test('unknown firm 404; a firm without Stripe 400; unknown event types are acknowledged and ignored', async (t) => {
  const event = s.stripe!.event('customer.created', { id: 'cus_test_1', object: 'customer' });
  s.stripe!.webhookSecrets.set('nope', 'whsec_whatever_00000000');
  s.stripe!.webhookSecrets.set('bluebird', 'whsec_whatever_00000000');
  t.is((await s.stripe!.sendEvent('nope', event))[0]!.status, 404);
  const [bluebird] = await s.stripe!.sendEvent('bluebird', event);
  t.is(bluebird!.status, 400);
  t.is(JSON.parse(bluebird!.body).error.code, 'stripe_not_configured');
  const [ignored] = await s.stripe!.sendEvent('acme', event);
  t.deepEqual([ignored!.status, JSON.parse(ignored!.body)], [200, { received: true, ignored: true }]);
  t.like((await events(event.id))[0], { type: 'customer.created', outcome: 'ignored' });
});

test('a partial payment, then the final one', async (t) => {
  const invoice = await sentInvoice(s, { amount: 20_000 });
  await deliverAll((await paid(invoice.id, 5_000)).events);
  t.like(await invoiceRow(invoice.id), { status: 'partially_paid', amount_paid: 5_000 });
  t.is((await nora.invoices.retrieve(invoice.id)).amount_due, 15_000);
  const rest = await paid(invoice.id);
  t.is(rest.session.amount, 15_000);
  await deliverAll(rest.events);
  t.like(await invoiceRow(invoice.id), { status: 'paid', amount_paid: 20_000 });
  t.is((await payments(invoice.id)).length, 2);
});

test('checkout.session.completed with an unpaid (processing) payment records nothing until async_payment_succeeded', async (t) => {
  const invoice = await sentInvoice(s, { amount: 14_000 });
  const session = await nora.invoices.checkout(invoice.id);
  const { events: list } = await s.stripe!.completeCheckout(session.id, {
    paymentStatus: 'unpaid',
    events: ['checkout.session.completed'],
    deliver: false,
  });
  await deliverAll(list);
  t.is((await payments(invoice.id)).length, 0);
  // The bank debit clears.
  const paidSession = { ...s.stripe!.sessions.get(session.id)!, payment_status: 'paid' as const };
  await deliverAll([s.stripe!.event('checkout.session.async_payment_succeeded', paidSession)]);
  t.is((await payments(invoice.id)).length, 1);
  t.like(await invoiceRow(invoice.id), { status: 'paid' });
});

test.serial(
  'money taken above the balance (a manual payment meanwhile) is recorded, the excess a credit flagged for the firm',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 30_000 });
    const { intent, events: list } = await paid(invoice.id);
    const ada = await s.staffLogin(demoStaff.ada);
    await ada.invoices.pay(invoice.id, { amount: 30_000, mode: 'bank_transfer' });
    await deliverAll(list);
    const rows = await payments(invoice.id);
    t.deepEqual(rows.map((p) => [p.method, p.amount]).sort(), [
      ['manual', 30_000],
      ['stripe', 30_000],
    ]);
    t.like(await invoiceRow(invoice.id), { status: 'paid', amount_paid: 30_000 });
    const credits = (await ada.credits.list()).data.filter((c) => c.invoice_id === invoice.id);
    t.is(credits.length, 1);
    t.like(credits[0], { amount: 30_000, original_amount: 30_000, currency: 'USD', reason: 'overpayment' });
    const audit = await s.db
      .owner('audit_events')
      .where({ action: 'invoice.payment_received', subject_id: invoice.id });
    t.like(audit[0].data, { stripe_payment_intent_id: intent.id, credit: 30_000 });
  },
);

test('a refund after the payment, delivered twice, is recorded once and moves the status back', async (t) => {
  const invoice = await sentInvoice(s, { amount: 40_000 });
  const { intent, events: list } = await paid(invoice.id);
  await deliverAll(list);
  const { refund, events: refundEvents } = s.stripe!.refund(intent.id, 15_000);
  for (const event of refundEvents) await s.stripe!.sendEvent('acme', event, undefined, { duplicate: true });
  await s.server.jobs.drain();
  const refunds = await s.db.owner('refunds').where({ invoice_id: invoice.id });
  t.deepEqual(
    refunds.map((r) => [r.stripe_refund_id, r.amount]),
    [[refund.id, 15_000]],
  );
  t.like(await invoiceRow(invoice.id), { status: 'partially_paid', amount_paid: 25_000 });
  // A second refund: charge.refunded carries the cumulative 40,000; only the new 25,000 is recorded.
  const second = s.stripe!.refund(intent.id, 25_000);
  await deliverAll(second.events);
  t.like(await invoiceRow(invoice.id), { status: 'unpaid', amount_paid: 0 });
  t.is((await s.db.owner('refunds').where({ invoice_id: invoice.id })).length, 2);
});

// Serial: it switches a setting of the shared fake and counts the fake's refund listings.
test.serial('charge.refunded with its refunds included (older API versions) records each refund by id', async (t) => {
  const invoice = await sentInvoice(s, { amount: 16_000 });
  const { intent, events: list } = await paid(invoice.id);
  await deliverAll(list);
  const listed = s.stripe!.requests.filter((r) => r.path === '/v1/refunds').length;
  s.stripe!.includeChargeRefunds = true;
  try {
    const first = s.stripe!.refund(intent.id, 6_000);
    const second = s.stripe!.refund(intent.id, 4_000);
    // Only the second, cumulative charge.refunded arrives: it names both refunds.
    await deliverAll([second.events[0]!]);
    t.deepEqual(
      (await s.db.owner('refunds').where({ invoice_id: invoice.id }).orderBy('amount')).map((r) => r.stripe_refund_id),
      [second.refund.id, first.refund.id],
    );
    await deliverAll([...first.events, second.events[1]!]);
    t.is((await s.db.owner('refunds').where({ invoice_id: invoice.id })).length, 2);
    t.like(await invoiceRow(invoice.id), { status: 'partially_paid', amount_paid: 6_000 });
    t.is(s.stripe!.requests.filter((r) => r.path === '/v1/refunds').length, listed);
  } finally {
    s.stripe!.includeChargeRefunds = false;
  }
});

test('a refund arriving before its payment: the payment is recorded from the payment intent first; later events change nothing', async (t) => {
  const invoice = await sentInvoice(s, { amount: 18_000 });
  const { intent, events: list } = await paid(invoice.id);
  const { events: refundEvents } = s.stripe!.refund(intent.id, 8_000);
  await deliverAll(refundEvents);
  t.is((await payments(invoice.id)).length, 1);
  t.like(await invoiceRow(invoice.id), { status: 'partially_paid', amount_paid: 10_000 });
  await deliverAll(list);
  t.is((await payments(invoice.id)).length, 1);
  t.like(await invoiceRow(invoice.id), { status: 'partially_paid', amount_paid: 10_000 });
});

test('an event naming another firm or no invoice is acknowledged; applying it changes nothing: outcome ignored', async (t) => {
  const foreign = s.stripe!.event('payment_intent.succeeded', {
    id: 'pi_test_foreign',
    object: 'payment_intent',
    amount: 500,
    amount_received: 500,
    currency: 'usd',
    metadata: { tenant_id: '00000000-0000-4000-8000-000000000000', invoice_id: '00000000-0000-4000-8000-000000000001' },
    status: 'succeeded',
  });
  const [answer] = await s.stripe!.sendEvent('acme', foreign);
  t.deepEqual(JSON.parse(answer!.body), { received: true });
  await s.server.jobs.drain();
  t.is((await s.db.owner('payments').where({ stripe_payment_intent_id: 'pi_test_foreign' })).length, 0);
  t.like((await events(foreign.id))[0], { outcome: 'ignored' });
});

test.serial('a database failure answers 5xx and stores nothing, so Stripe retries', async (t) => {
  const invoice = await sentInvoice(s, { amount: 19_500 });
  const { events: list } = await paid(invoice.id);
  await s.db.owner.raw(`
    CREATE FUNCTION test_fail_events() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
    CREATE TRIGGER test_fail_events BEFORE INSERT ON stripe_events FOR EACH ROW EXECUTE FUNCTION test_fail_events();
  `);
  try {
    const [failed] = await s.stripe!.sendEvent('acme', list[0]!);
    t.is(failed!.status, 500);
    t.false(failed!.body.includes('disk full'));
    t.is((await events(list[0]!.id)).length, 0);
  } finally {
    await s.db.owner.raw(`DROP TRIGGER test_fail_events ON stripe_events; DROP FUNCTION test_fail_events();`);
  }
  await deliverAll([list[0]!]);
  t.is((await payments(invoice.id)).length, 1);
});

test.serial(
  'a database failure while applying: the event stays pending, the job retries it, the retry records the payment',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 19_000 });
    const { events: list } = await paid(invoice.id);
    await s.db.owner.raw(`
    CREATE FUNCTION test_fail_payments() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$;
    CREATE TRIGGER test_fail_payments BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION test_fail_payments();
  `);
    try {
      const [received] = await s.stripe!.sendEvent('acme', list[0]!);
      t.deepEqual([received!.status, JSON.parse(received!.body)], [200, { received: true }]);
      await s.server.jobs.drain();
      t.like((await events(list[0]!.id))[0], { outcome: 'pending' });
      t.is((await payments(invoice.id)).length, 0);
    } finally {
      await s.db.owner.raw(`DROP TRIGGER test_fail_payments ON payments; DROP FUNCTION test_fail_payments();`);
    }
    // The failed job waits for its backoff: run it now, as `caseflow jobs retry` would.
    const failed = await s.db.owner('graphile_worker._private_jobs').where('attempts', '>', 0).select('id');
    t.true(failed.length >= 1);
    await retryJobs(s.db.owner, { ids: failed.map((j) => String(j.id)) });
    await s.server.jobs.drain();
    t.like((await events(list[0]!.id))[0], { outcome: 'applied' });
    t.is((await payments(invoice.id)).length, 1);
  },
);

test.serial('a payment expires the invoice’s other open checkout; so does a manual payment', async (t) => {
  const invoice = await sentInvoice(s, { amount: 50_000 });
  const first = await paid(invoice.id, 10_000);
  // The client opened another checkout in a second tab before the first payment's webhooks arrived:
  // the first session could not be expired any more (Stripe says it is complete).
  const other = await nora.invoices.checkout(invoice.id, { amount: 20_000 });
  t.like(await s.db.owner('checkout_sessions').where({ stripe_session_id: first.session.id }).first(), {
    status: 'complete',
  });
  await deliverAll(first.events);
  t.is(s.stripe!.sessions.get(other.id)!.status, 'expired');
  t.like(await s.db.owner('checkout_sessions').where({ stripe_session_id: other.id }).first(), { status: 'expired' });

  const third = await nora.invoices.checkout(invoice.id);
  const ada = await s.staffLogin(demoStaff.ada);
  await ada.invoices.pay(invoice.id, { amount: 1_000 });
  // The manual payment's event expires it once its job ran.
  await s.server.jobs.drain();
  t.is(s.stripe!.sessions.get(third.id)!.status, 'expired');
  t.like(await s.db.owner('checkout_sessions').where({ stripe_session_id: third.id }).first(), { status: 'expired' });
});

test.serial(
  'the fake Checkout page: the Pay button pays, posts the signed webhooks and returns to success_url',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 21_000 });
    const session = await nora.invoices.checkout(invoice.id);
    const page = await fetch(session.url);
    t.is(page.status, 200);
    const html = await page.text();
    t.true(html.includes(`Payment for Invoice ${invoice.number}`));
    t.true(html.includes('<button type="submit">Pay</button>'));
    const pay = await fetch(session.url, { method: 'POST', redirect: 'manual' });
    t.is(pay.status, 302);
    t.is(
      pay.headers.get('location'),
      `http://acme.localhost:${s.server.port}/clients/invoices?caseflow_checkout=success&caseflow_invoice=${invoice.id}`,
    );
    await s.server.jobs.drain();
    t.like(await invoiceRow(invoice.id), { status: 'paid', amount_paid: 21_000 });
    t.is((await fetch(session.url, { method: 'POST', redirect: 'manual' })).status, 409);
  },
);

test.serial(
  'holdWebhooks: back from Checkout the invoice is still unpaid until Stripe’s webhooks arrive',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 22_000 });
    const session = await nora.invoices.checkout(invoice.id);
    s.stripe!.holdWebhooks = true;
    try {
      t.is((await fetch(session.url, { method: 'POST', redirect: 'manual' })).status, 302);
      t.is((await nora.invoices.retrieve(invoice.id)).status, 'unpaid');
      await s.stripe!.releaseWebhooks();
      await s.server.jobs.drain();
      t.is((await nora.invoices.retrieve(invoice.id)).status, 'paid');
    } finally {
      s.stripe!.holdWebhooks = false;
    }
  },
);

test.serial('cancelling an invoice expires its open checkout', async (t) => {
  const invoice = await sentInvoice(s, { amount: 23_000 });
  const session = await nora.invoices.checkout(invoice.id);
  const ada = await s.staffLogin(demoStaff.ada);
  await ada.invoices.cancel(invoice.id);
  // The invoice.cancelled event expires it once its job ran.
  await s.server.jobs.drain();
  t.like(await s.db.owner('checkout_sessions').where({ stripe_session_id: session.id }).first(), { status: 'expired' });
  t.is(s.stripe!.sessions.get(session.id)!.status, 'expired');
});

test('checkout.session.expired (Stripe’s 24 h timeout) closes the session here too', async (t) => {
  const invoice = await sentInvoice(s, { amount: 24_000 });
  const session = await nora.invoices.checkout(invoice.id);
  const expired = { ...s.stripe!.sessions.get(session.id)!, status: 'expired' as const, url: null };
  const [answer] = await s.stripe!.sendEvent('acme', s.stripe!.event('checkout.session.expired', expired));
  t.deepEqual(JSON.parse(answer!.body), { received: true });
  await s.server.jobs.drain();
  t.like(await s.db.owner('checkout_sessions').where({ stripe_session_id: session.id }).first(), { status: 'expired' });
  t.is((await payments(invoice.id)).length, 0);
});
