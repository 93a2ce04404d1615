/**
 * The factories themselves: unique values never collide, defaults are what
 * their doc comments say, and owner-written states are the ones named.
 */
import test from 'ava';
import { AuthenticationError, PermissionError } from '../../../sdk/errors.js';
import {
  aClient,
  aContact,
  aFirm,
  anApiKey,
  anInvoice,
  anInvoiceRow,
  aPayment,
  aRefund,
  idleSession,
  portalAs,
  setPlan,
} from '../../helpers/factories/index.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

test('two of each never share a client number, an email or a firm slug', async (t) => {
  const [a, b] = [await aClient(s), await aClient(s)];
  t.not(a.number, b.number);
  const [c, d] = [await aContact(s, { client: a }), await aContact(s, { client: a })];
  t.not(c.email, d.email);
  const [f, g] = [await aFirm(s), await aFirm(s)];
  t.not(f.tenant.slug, g.tenant.slug);
  t.is(f.tenant.plan, 'growth');
});

test('aContact with a password logs in to the portal; without one it has no portal access', async (t) => {
  const client = await aClient(s);
  const withPassword = await aContact(s, { client, password: demo.nora.password });
  t.true(withPassword.portal_access);
  t.is((await (await portalAs(s, withPassword, demo.nora.password)).me()).contact.id, withPassword.id);
  const without = await aContact(s, { client });
  t.false(without.portal_access);
  await t.throwsAsync(portalAs(s, without, demo.nora.password), { instanceOf: AuthenticationError });
});

test('anInvoice sends a one-line invoice unless asked for a draft', async (t) => {
  const client = await aClient(s);
  const sent = await anInvoice(s, { client, amount: 12_345 });
  t.deepEqual([sent.status, sent.total, sent.lines.length], ['unpaid', 12_345, 1]);
  const draft = await anInvoice(s, { client, status: 'draft' });
  t.deepEqual([draft.status, draft.number], ['draft', null]);
});

test('anInvoiceRow numbers issued invoices uniquely and drafts not at all', async (t) => {
  const client = await aClient(s);
  const first = await anInvoiceRow(s, { client });
  const second = await anInvoiceRow(s, { client, status: 'partially_paid', total: 500, amount_paid: 200 });
  const draft = await anInvoiceRow(s, { client, status: 'draft' });
  t.not(first.number, second.number);
  t.deepEqual(
    [second.status, second.total, second.subtotal, second.amount_paid, second.issue_date],
    ['partially_paid', 500, 500, 200, '2026-01-01'],
  );
  t.is(draft.number, null);
});

test('aRefund raises its payment’s refunded amount by the refund, in the payment’s currency', async (t) => {
  const client = await aClient(s);
  const invoice = await anInvoiceRow(s, { client, currency: 'EUR', total: 900 });
  const payment = await aPayment(s, { invoice, amount: 900 });
  t.deepEqual([payment.currency, payment.refunded_amount, payment.client_id], ['EUR', 0, client.id]);
  await aRefund(s, { payment, amount: 300 });
  await aRefund(s, { payment, amount: 100 });
  const after = await s.db.owner('payments').where({ id: payment.id }).first('refunded_amount');
  t.is(after.refunded_amount, 400);
  t.deepEqual(
    await s.db.owner('refunds').where({ payment_id: payment.id }).orderBy('amount').pluck('amount'),
    [100, 300],
  );
});

test('anApiKey is a key no staff user made; its token acts with its role', async (t) => {
  const { key, token } = await anApiKey(s, { firm: 'acme', role: 'staff' });
  t.deepEqual([key.role, key.created_by, key.revoked_at], ['staff', null, null]);
  const staff = s.admin('acme', token);
  t.is((await staff.clients.list({ number: 1001 })).data[0]!.name, 'Northwind Traders');
  await t.throwsAsync(staff.apiKeys.create({ name: 'nope', role: 'staff' }), { instanceOf: PermissionError });
});

test('idleSession and setPlan put the firm and the session in the named state', async (t) => {
  const portal = s.portal('bluebird');
  await portal.auth.login(demo.ian);
  await setPlan(s, 'bluebird', 'solo');
  t.is((await portal.me()).firm.plan, 'solo');
  await setPlan(s, 'bluebird', 'growth');
  await idleSession(s, portal.token!, '2 days');
  await t.throwsAsync(portal.me(), { instanceOf: AuthenticationError });
});
