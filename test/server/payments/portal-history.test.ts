import test from 'ava';
import { PermissionError, PlanUpgradeRequiredError, ValidationError } from '../../../sdk/errors.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { aClient, aContact, anInvoiceRow, aPayment, portalAs, setPlan } from '../../helpers/factories/index.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let nora: PortalClient;
let gina: PortalClient;

test.before(async () => {
  s = await startTestServer();
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  gina = s.portal('acme');
  await gina.auth.login(demo.gina);
});
test.after.always(async () => s?.close());

const masked = (p: { id: string; invoice_id: string; paid_at: string }) => ({
  ...p,
  id: 'ID',
  invoice_id: 'ID',
  paid_at: 'T',
});

test('GET /api/v1/portal/payments — the client’s payments, newest first, with their invoice', async (t) => {
  const page = await nora.payments.list();
  t.deepEqual(page.data.map(masked), [
    {
      id: 'ID',
      invoice_id: 'ID',
      invoice_number: 'INV-0002',
      amount: 50000,
      currency: 'USD',
      method: 'manual',
      mode: 'bank_transfer',
      paid_at: 'T',
      refunded_amount: 0,
      previewed_by: null,
    },
    {
      id: 'ID',
      invoice_id: 'ID',
      invoice_number: 'INV-0001',
      amount: 135000,
      currency: 'USD',
      method: 'manual',
      mode: 'bank_transfer',
      paid_at: 'T',
      refunded_amount: 0,
      previewed_by: null,
    },
  ]);
  t.false(page.has_more);
  t.is(page.next_cursor, null);
  const inv2 = (await nora.invoices.list({ status: 'partially_paid' })).data[0]!;
  t.is(page.data[0]!.invoice_id, inv2.id);
  t.true(page.data[0]!.paid_at > page.data[1]!.paid_at);
});

test('GET /api/v1/portal/payments — never another client’s payments, nor a payment on a draft', async (t) => {
  const tenant = await s.db.owner('tenants').where({ slug: 'acme' }).first();
  const draft = await s.db.owner('invoices').where({ tenant_id: tenant.id, status: 'draft' }).first();
  await aPayment(s, { invoice: draft, amount: 999 });
  t.deepEqual(
    (await gina.payments.list()).data.map((p) => [p.invoice_number, p.amount]),
    [['INV-0008', 45000]],
  );
  t.false((await nora.payments.list()).data.some((p) => p.amount === 999));
});

test('GET /api/v1/portal/payments — keyset pages walk every payment once, in order', async (t) => {
  const client = await aClient(s);
  const contact = await aContact(s, { client, password: demo.nora.password });
  const invoice = await anInvoiceRow(s, {
    client,
    number: 'PAGE-1',
    status: 'partially_paid',
    currency: 'JPY',
    total: 100000,
    amount_paid: 1 + 2 + 3 + 4 + 5 + 6 + 7,
  });
  for (let n = 1; n <= 7; n++) {
    await aPayment(s, {
      invoice,
      amount: n,
      method: n % 2 ? 'manual' : 'stripe',
      // Two payments share a time: the id breaks the tie.
      paid_at: `2026-02-0${Math.min(n, 6)}T10:00:00Z`,
      refunded_amount: n === 4 ? 3 : 0,
    });
  }
  const pager = await portalAs(s, contact, demo.nora.password);
  const first = await pager.payments.list({ limit: 3 });
  t.true(first.has_more);
  t.is(first.data.length, 3);
  const all = await pager.payments.list({ limit: 3 }).toArray();
  t.is(new Set(all.map((p) => p.id)).size, 7);
  // 6 and 7 were paid at the same time (their order follows their ids), then 5 down to 1.
  t.deepEqual(
    all
      .slice(0, 2)
      .map((p) => p.amount)
      .sort(),
    [6, 7],
  );
  t.deepEqual(
    all.slice(2).map((p) => p.amount),
    [5, 4, 3, 2, 1],
  );
  t.deepEqual(
    all.map((p) => [p.method, p.currency, p.invoice_number, p.refunded_amount]),
    all.map((p) => [p.amount % 2 ? 'manual' : 'stripe', 'JPY', 'PAGE-1', p.amount === 4 ? 3 : 0]),
  );
});

test('GET /api/v1/portal/payments — limit and cursor are validated', async (t) => {
  const error = await t.throwsAsync(nora.payments.list({ limit: 0 }), { instanceOf: ValidationError });
  t.is(error.params[0]!.path, 'query.limit');
  const cursor = await t.throwsAsync(nora.payments.list({ starting_after: 'x' }), { instanceOf: ValidationError });
  t.is(cursor.params[0]!.path, 'query.starting_after');
});

test('GET /api/v1/portal/payments — 403 without the invoices permission', async (t) => {
  const noraRow = await s.db.owner('contacts').where({ email: demo.nora.email }).first();
  const contact = await aContact(s, {
    client: noraRow.client_id,
    permissions: ['documents'],
    password: demo.nora.password,
  });
  const docOnly = await portalAs(s, contact, demo.nora.password);
  const denied = await t.throwsAsync(docOnly.payments.list(), { instanceOf: PermissionError });
  t.deepEqual([denied.status, denied.code], [403, 'permission_denied']);
});

test('GET /api/v1/portal/payments — 402 plan_upgrade_required on solo', async (t) => {
  await setPlan(s, 'bluebird', 'solo');
  const ian = s.portal('bluebird');
  await ian.auth.login(demo.ian);
  const locked = await t.throwsAsync(ian.payments.list(), { instanceOf: PlanUpgradeRequiredError });
  t.deepEqual([locked.status, locked.code, locked.requiredPlan], [402, 'plan_upgrade_required', 'growth']);
  await setPlan(s, 'bluebird', 'growth');
});
