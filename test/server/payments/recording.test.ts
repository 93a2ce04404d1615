/**
 * recording.ts, the one place money is recorded (manual payments and the Stripe
 * webhooks both call it): overpayment becomes a credit, a payment intent and a
 * refund id are recorded once each, even concurrently, and refunds move the
 * status back. Run as the request role (caseflow_staff with the firm set).
 */
import pg from 'pg';
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { RequestDb } from '../../../server/db/request-db.js';
import { recordPayment, recordRefund } from '../../../server/modules/payments/recording.js';
import { aClient } from '../../helpers/factories/index.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let acmeId: string;
let clientId: string;

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  acmeId = (await s.db.owner('tenants').where({ slug: 'acme' }).first()).id;
  clientId = (await aClient(s, { admin: ada })).id;
});
test.after.always(async () => s?.close());

/** One request-like transaction as caseflow_staff of Acme; commits when fn resolves. */
async function asStaff<T>(fn: (db: RequestDb) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: s.db.appUrl });
  await client.connect();
  try {
    await client.query(`BEGIN; SET LOCAL ROLE caseflow_staff;`);
    await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [acmeId]);
    const result = await fn(new RequestDb(client as unknown as pg.PoolClient));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

async function sentInvoice(unitPrice = 10000, currency = 'USD') {
  const draft = await ada.invoices.create({
    client_id: clientId,
    currency,
    lines: [{ description: 'Work', quantity: '1', unit_price: unitPrice }],
  });
  return ada.invoices.send(draft.id);
}

const stripe = (invoiceId: string, amount: number, intent: string) => ({
  invoiceId,
  amount,
  currency: 'USD',
  method: 'stripe' as const,
  stripePaymentIntentId: intent,
  overpayment: 'credit' as const,
});

test('recordPayment — Stripe money above the balance is recorded; the excess becomes an open credit flagged for the firm', async (t) => {
  const invoice = await sentInvoice();
  await ada.invoices.pay(invoice.id, { amount: 4000 });
  const result = await asStaff((db) => recordPayment(db, stripe(invoice.id, 10000, 'pi_over_1')));
  t.true(result.created);
  t.is(result.payment.amount, 10000);
  t.is(result.credit!.amount, 4000);
  t.deepEqual(result.invoice, { id: invoice.id, status: 'paid', amount_paid: 10000, balance: 0 });

  const view = await ada.invoices.retrieve(invoice.id);
  t.like(view, { status: 'paid', amount_paid: 10000, amount_due: 0 });
  t.deepEqual(
    view.credits.map((c) => [c.id, c.amount, c.original_amount, c.reason, c.resolved_at]),
    [[result.credit!.id, 4000, 4000, 'overpayment', null]],
  );
  const open = await ada.credits.list({ client_id: clientId });
  t.true(open.data.some((c) => c.id === result.credit!.id && c.payment_id === result.payment.id));
});

test('recordPayment — the same payment intent twice, even concurrently, is recorded once', async (t) => {
  const invoice = await sentInvoice();
  const results = await Promise.all(
    Array.from({ length: 5 }, () => asStaff((db) => recordPayment(db, stripe(invoice.id, 2500, 'pi_once_1')))),
  );
  t.is(results.filter((r) => r.created).length, 1);
  t.is(new Set(results.map((r) => r.payment.id)).size, 1);
  t.deepEqual(results.map((r) => r.invoice.amount_paid).sort(), [2500, 2500, 2500, 2500, 2500]);
  const rows = await s.db.owner('payments').where({ invoice_id: invoice.id });
  t.is(rows.length, 1);
  t.like(await ada.invoices.retrieve(invoice.id), { status: 'partially_paid', amount_paid: 2500 });
});

test('recordPayment — a cancelled invoice keeps its status; Stripe money taken on it all becomes credit', async (t) => {
  const invoice = await sentInvoice();
  await ada.invoices.cancel(invoice.id);
  const result = await asStaff((db) => recordPayment(db, stripe(invoice.id, 10000, 'pi_cancelled_1')));
  t.is(result.credit!.amount, 10000);
  t.deepEqual(result.invoice, { id: invoice.id, status: 'cancelled', amount_paid: 0, balance: 0 });
});

test('recordPayment — refuse mode (manual) keeps above-balance money out, and a foreign currency is refused', async (t) => {
  const invoice = await sentInvoice();
  const above = await t.throwsAsync(
    asStaff((db) => recordPayment(db, { ...stripe(invoice.id, 10001, 'pi_x'), overpayment: 'refuse' })),
  );
  t.is((above as { code?: string }).code, 'amount_exceeds_balance');
  const currency = await t.throwsAsync(
    asStaff((db) => recordPayment(db, { ...stripe(invoice.id, 100, 'pi_y'), currency: 'EUR' })),
  );
  t.is((currency as { code?: string }).code, 'currency_mismatch');
  t.deepEqual(await s.db.owner('payments').where({ invoice_id: invoice.id }), []);
});

test('recordRefund — once per refund id; the status moves back; unknown payment intent → null', async (t) => {
  const invoice = await sentInvoice();
  await asStaff((db) => recordPayment(db, stripe(invoice.id, 10000, 'pi_refund_1')));
  const first = await asStaff((db) =>
    recordRefund(db, { stripeRefundId: 're_1', stripePaymentIntentId: 'pi_refund_1', amount: 3000 }),
  );
  t.true(first!.created);
  t.deepEqual(first!.invoice, { id: invoice.id, status: 'partially_paid', amount_paid: 7000, balance: 3000 });
  const again = await asStaff((db) =>
    recordRefund(db, { stripeRefundId: 're_1', stripePaymentIntentId: 'pi_refund_1', amount: 3000 }),
  );
  t.false(again!.created);
  t.is(again!.refund.id, first!.refund.id);
  t.is(again!.invoice.amount_paid, 7000);
  const rest = await asStaff((db) =>
    recordRefund(db, { stripeRefundId: 're_2', stripePaymentIntentId: 'pi_refund_1', amount: 7000 }),
  );
  t.deepEqual(rest!.invoice, { id: invoice.id, status: 'unpaid', amount_paid: 0, balance: 10000 });
  const view = await ada.invoices.retrieve(invoice.id);
  t.is(view.payments[0]!.refunded_amount, 10000);
  t.is(
    await asStaff((db) => recordRefund(db, { stripeRefundId: 're_3', stripePaymentIntentId: 'pi_unknown', amount: 1 })),
    null,
  );
});

test('recordRefund — a refund of an overpaying payment first resolves its credit, then reduces amount_paid', async (t) => {
  const invoice = await sentInvoice();
  await asStaff((db) => recordPayment(db, stripe(invoice.id, 10000, 'pi_tab_1')));
  const second = await asStaff((db) => recordPayment(db, stripe(invoice.id, 10000, 'pi_tab_2')));
  t.is(second.credit!.amount, 10000);
  const refund = await asStaff((db) =>
    recordRefund(db, { stripeRefundId: 're_tab_2', stripePaymentIntentId: 'pi_tab_2', amount: 10000 }),
  );
  // The invoice stays paid: the refund gave the client back the excess.
  t.deepEqual(refund!.invoice, { id: invoice.id, status: 'paid', amount_paid: 10000, balance: 0 });
  const credit = await s.db.owner('client_credits').where({ id: second.credit!.id }).first();
  t.like(credit, { amount: 0, resolution: 'refunded' });
  t.truthy(credit.resolved_at);
  t.false((await ada.credits.list({ client_id: clientId })).data.some((c) => c.id === second.credit!.id));
});
