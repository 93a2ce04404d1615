/**
 * No pooled connection waits on the network (issue 11). With the pool held to
 * 3 connections and the fake Stripe answering after 2 s, 8 concurrent
 * checkouts (more than connections) leave the pool free, so invoice lists sent
 * while every checkout is still waiting on Stripe all complete first. (PDFs no
 * longer fetch a logo: it is stored, issue 14.) Asserted on order, not on
 * milliseconds: each list must resolve while none of the slow requests has.
 */
import test from 'ava';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { connectStripe, sentInvoice } from '../../helpers/stripe.js';

let s: TestServer;
let nora: PortalClient;

test.before(async () => {
  s = await startTestServer({ stripe: true, env: { DB_POOL_MAX: '3' } });
  await connectStripe(s, 'acme');
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
});
test.after.always(async () => s?.close());

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

test.serial('8 checkouts waiting on a slow Stripe do not stop invoice lists on a pool of 3 connections', async (t) => {
  const invoices = [];
  for (let i = 0; i < 8; i++) invoices.push(await sentInvoice(s, { amount: 10_000 + i * 100 }));
  s.stripe!.delayMs = 2_000;
  const order: string[] = [];
  try {
    const checkouts = invoices.map((invoice, i) =>
      nora.invoices.checkout(invoice.id).then((session) => {
        order.push(`checkout ${i}`);
        return session;
      }),
    );
    // Every checkout has had its first transaction and now waits on Stripe.
    await until(() => s.stripe!.inFlight === 8, 'the 8 checkouts to reach Stripe');
    const lists = Array.from({ length: 6 }, (_, i) =>
      nora.invoices.list({ status: 'unpaid' }).then((page) => {
        order.push(`list ${i}`);
        return page;
      }),
    );
    const pages = await Promise.all(lists);
    t.is(s.stripe!.inFlight, 8, 'Stripe has answered none of the checkouts yet');
    t.deepEqual([...order].sort(), ['list 0', 'list 1', 'list 2', 'list 3', 'list 4', 'list 5']);
    for (const page of pages) {
      for (const invoice of invoices) t.true(page.data.some((row) => row.id === invoice.id));
    }

    const sessions = await Promise.all(checkouts);
    t.is(order.length, 14);
    t.deepEqual(
      sessions.map((session) => session.amount),
      invoices.map((invoice) => invoice.total),
    );
    const rows = await s.db.owner('checkout_sessions').whereIn(
      'invoice_id',
      invoices.map((invoice) => invoice.id),
    );
    t.deepEqual(
      rows.map((row) => row.status),
      Array(8).fill('open'),
    );
  } finally {
    s.stripe!.delayMs = 0;
  }
});
