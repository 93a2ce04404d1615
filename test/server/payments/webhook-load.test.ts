/**
 * 1,000 webhook deliveries for 200 payments — shuffled, 10 % of them sent
 * twice, 20 at a time — end in exactly 200 payments with the right balances,
 * statuses and credits: the event store and the per-intent key make every
 * redelivery and every race a no-op.
 */
import test from 'ava';
import type Stripe from 'stripe';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { connectStripe, sentInvoice } from '../../helpers/stripe.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ stripe: true, env: { DB_POOL_MAX: '10' } });
  await connectStripe(s, 'acme', { allow_partial_payments: true, partial_payment_minimum: 1000 });
});
test.after.always(async () => s?.close());

/** A seeded shuffle (mulberry32), so a failure can be replayed. */
function shuffle<T>(items: T[], seed: number): T[] {
  let a = seed;
  const random = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

test('1,000 deliveries, shuffled, 10 % duplicated, 20 at a time → exactly 200 payments, right balances', async (t) => {
  t.timeout(240_000);
  const fake = s.stripe!;
  const nora = s.portal('acme');
  await nora.auth.login(demo.nora);

  // 100 invoices of 100.00; each gets a 40.00 payment, then a second one: 60.00 (the rest), or for every
  // fifth invoice the whole 100.00 again (a second tab), whose 40.00 excess becomes a credit.
  const invoices: { id: string; overpaid: boolean }[] = [];
  const ada = await s.staffLogin(demoStaff.ada);
  await inBatches([...Array(100).keys()], 10, async (i) => {
    const invoice = await sentInvoice(s, { amount: 10_000, admin: ada });
    invoices[i] = { id: invoice.id, overpaid: i % 5 === 0 };
  });
  const unique: Stripe.Event[] = [];
  await inBatches(invoices, 10, async (invoice) => {
    for (const amount of [4_000, invoice.overpaid ? 10_000 : 6_000]) {
      const session = await nora.invoices.checkout(invoice.id, { amount });
      const { intent, events } = await fake.completeCheckout(session.id, { deliver: false });
      unique.push(
        ...events,
        fake.event('charge.succeeded', { id: intent.latest_charge, object: 'charge', payment_intent: intent.id }),
        fake.event('payment_intent.created', { ...intent, status: 'requires_payment_method', amount_received: 0 }),
      );
    }
  });
  // 800 events of the payments, and 110 unrelated ones Stripe also sends.
  for (let i = 0; i < 110; i++)
    unique.push(fake.event('customer.created', { id: `cus_test_${i}`, object: 'customer' }));
  t.is(unique.length, 910);
  const duplicates = shuffle(unique, 7).slice(0, 90);
  const deliveries = shuffle([...unique, ...duplicates], 42);
  t.is(deliveries.length, 1000);

  const statuses: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < deliveries.length) {
        const event = deliveries[next++]!;
        const [answer] = await fake.sendEvent('acme', event);
        statuses.push(answer!.status);
      }
    }),
  );
  t.deepEqual(
    statuses.filter((status) => status !== 200),
    [],
  );
  // The receipts stored the events; their jobs apply them.
  await s.server.jobs.drain(180_000);

  const ids = invoices.map((i) => i.id);
  const payments = await s.db.owner('payments').whereIn('invoice_id', ids).where({ method: 'stripe' });
  t.is(payments.length, 200);
  t.is(new Set(payments.map((p) => p.stripe_payment_intent_id)).size, 200);
  const rows = await s.db.owner('invoices').whereIn('id', ids);
  t.deepEqual([...new Set(rows.map((r) => `${r.status} ${r.amount_paid}`))], ['paid 10000']);
  const credits = [];
  for await (const credit of ada.credits.list({ limit: 100 }))
    if (ids.includes(credit.invoice_id)) credits.push(credit);
  t.is(credits.length, 20);
  t.deepEqual([...new Set(credits.map((c) => c.amount))], [4_000]);
  t.deepEqual(
    credits.map((c) => c.invoice_id).sort(),
    invoices
      .filter((i) => i.overpaid)
      .map((i) => i.id)
      .sort(),
  );
  t.is((await s.db.owner('stripe_events')).length, 910);
  t.deepEqual(await s.db.owner('stripe_events').where({ outcome: 'pending' }), []);
  const receipts = await s.db.owner('email_outbox').where({ template: 'payment_receipt' });
  t.is(receipts.length, 200);
});
