/**
 * GET /admin/reports/revenue against hand-computed figures. A firm in New York
 * time with two practice areas bills in USD and EUR over January–March 2026;
 * payments and refunds sit near month ends so that the firm's time zone, not
 * UTC, decides their month. Rows are arranged with factories (the owner
 * connection), the report is read through the SDK.
 */
import test from 'ava';
import type { Knex } from 'knex';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { PermissionError, ValidationError } from '../../../sdk/errors.js';
import { newToken, tokenHash } from '../../../server/security/tokens.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let admin: AdminClient;
let staffKey: AdminClient;
const ids: Record<string, string> = {};

async function apiKey(owner: Knex, tenantId: string, role: 'admin' | 'staff'): Promise<string> {
  const token = newToken('cfa');
  await owner('api_keys').insert({
    tenant_id: tenantId,
    name: `Revenue ${role}`,
    role,
    prefix: token.slice(0, 8),
    key_hash: tokenHash(token),
  });
  return token;
}

let invoiceSeq = 0;
/** An invoice of the test firm's client, issued unless `status` says otherwise. */
async function anInvoice(
  owner: Knex,
  o: { currency: string; total: number; issued: string; matter?: string; status?: string },
): Promise<string> {
  const status = o.status ?? 'unpaid';
  const [row] = await owner('invoices')
    .insert({
      tenant_id: ids.tenant,
      client_id: ids.client,
      matter_id: o.matter ?? null,
      number: status === 'draft' ? null : `R-${++invoiceSeq}`,
      status,
      currency: o.currency,
      issue_date: o.issued,
      subtotal: o.total,
      tax: 0,
      total: o.total,
    })
    .returning('id');
  return row.id;
}

async function aPayment(owner: Knex, invoiceId: string, amount: number, currency: string, paidAt: string) {
  const [row] = await owner('payments')
    .insert({
      tenant_id: ids.tenant,
      client_id: ids.client,
      invoice_id: invoiceId,
      amount,
      currency,
      method: 'manual',
      paid_at: paidAt,
    })
    .returning('id');
  return row.id as string;
}

async function aRefund(owner: Knex, paymentId: string, amount: number, at: string) {
  const payment = await owner('payments').where({ id: paymentId }).first();
  await owner('refunds').insert({
    tenant_id: ids.tenant,
    client_id: ids.client,
    payment_id: paymentId,
    invoice_id: payment.invoice_id,
    amount,
    currency: payment.currency,
    created_at: at,
  });
  await owner('payments')
    .where({ id: paymentId })
    .update({ refunded_amount: owner.raw('refunded_amount + ?', [amount]) });
}

test.before(async () => {
  s = await startTestServer();
  const owner = s.db.owner;
  const { tenant } = await s.platform().tenants.create({
    slug: 'ledger-law',
    name: 'Ledger Law',
    timezone: 'America/New_York',
    currency: 'USD',
    admin: { email: 'lea@ledger.example', first_name: 'Lea', last_name: 'Ledger' },
  });
  ids.tenant = tenant.id;
  admin = s.admin('ledger-law', await apiKey(owner, tenant.id, 'admin'));
  staffKey = s.admin('ledger-law', await apiKey(owner, tenant.id, 'staff'));
  const client = await admin.clients.create({ name: 'Harbor Holdings' });
  ids.client = client.id;
  const family = await admin.practiceAreas.create({ name: 'Family' });
  const estate = await admin.practiceAreas.create({ name: 'Real estate' });
  ids.family = family.id;
  ids.estate = estate.id;
  const m1 = await admin.matters.create({ client_id: client.id, title: 'Divorce', practice_area_id: family.id });
  const m2 = await admin.matters.create({ client_id: client.id, title: 'Purchase', practice_area_id: estate.id });

  const i1 = await anInvoice(owner, { currency: 'USD', total: 100_000, issued: '2026-01-10', matter: m1.id });
  const i2 = await anInvoice(owner, { currency: 'USD', total: 50_000, issued: '2026-02-05', matter: m2.id });
  const i3 = await anInvoice(owner, { currency: 'EUR', total: 30_000, issued: '2026-01-20' });
  // Never outstanding: a draft, a cancelled invoice, and one issued after the period.
  await anInvoice(owner, { currency: 'USD', total: 99_900, issued: '2026-01-01', status: 'draft' });
  await anInvoice(owner, { currency: 'USD', total: 20_000, issued: '2026-01-15', matter: m1.id, status: 'cancelled' });
  await anInvoice(owner, { currency: 'USD', total: 70_000, issued: '2026-04-01', matter: m1.id });

  await aPayment(owner, i1, 40_000, 'USD', '2026-01-20T15:00:00Z');
  // 22:00 on 31 January in New York: January's, though UTC says February.
  const p2 = await aPayment(owner, i1, 60_000, 'USD', '2026-02-01T03:00:00Z');
  const p3 = await aPayment(owner, i2, 20_000, 'USD', '2026-03-10T12:00:00Z');
  const p4 = await aPayment(owner, i3, 30_000, 'EUR', '2026-02-15T12:00:00Z');
  // 23:59 on 28 February in New York: February's.
  await aRefund(owner, p2, 10_000, '2026-03-01T04:59:00Z');
  await aRefund(owner, p4, 5_000, '2026-03-20T12:00:00Z');
  // After the period: changes nothing in it.
  await aRefund(owner, p3, 2_000, '2026-04-05T12:00:00Z');
});
test.after.always(async () => s?.close());

test('GET /admin/reports/revenue — collected and outstanding per month, per practice area and in total, per currency', async (t) => {
  const report = await admin.reports.revenue({ from: '2026-01', to: '2026-03' });
  // By hand. USD collected: Jan 40000 + 60000; Feb −10000 (refund); Mar 20000.
  // USD outstanding: end Jan I1 100000 − 100000 = 0 (I2 not issued yet); end Feb I1 10000 + I2 50000;
  // end Mar I1 10000 + I2 30000. EUR: collected Feb 30000, Mar −5000; outstanding Jan 30000, Feb 0, Mar 5000.
  t.deepEqual(report, {
    from: '2026-01',
    to: '2026-03',
    timezone: 'America/New_York',
    currencies: [
      {
        currency: 'EUR',
        months: [
          { month: '2026-01', collected: 0, outstanding: 30_000 },
          { month: '2026-02', collected: 30_000, outstanding: 0 },
          { month: '2026-03', collected: -5_000, outstanding: 5_000 },
        ],
        practice_areas: [{ practice_area_id: null, name: null, collected: 25_000, outstanding: 5_000 }],
        totals: { collected: 25_000, outstanding: 5_000 },
      },
      {
        currency: 'USD',
        months: [
          { month: '2026-01', collected: 100_000, outstanding: 0 },
          { month: '2026-02', collected: -10_000, outstanding: 60_000 },
          { month: '2026-03', collected: 20_000, outstanding: 40_000 },
        ],
        practice_areas: [
          { practice_area_id: ids.family, name: 'Family', collected: 90_000, outstanding: 10_000 },
          { practice_area_id: ids.estate, name: 'Real estate', collected: 20_000, outstanding: 30_000 },
        ],
        totals: { collected: 110_000, outstanding: 40_000 },
      },
    ],
  });
});

test('GET /admin/reports/revenue — a one-month period counts only that month’s money and balances', async (t) => {
  const report = await admin.reports.revenue({ from: '2026-02', to: '2026-02' });
  t.deepEqual(
    report.currencies.map((c) => [c.currency, c.months, c.practice_areas, c.totals]),
    [
      [
        'EUR',
        [{ month: '2026-02', collected: 30_000, outstanding: 0 }],
        [{ practice_area_id: null, name: null, collected: 30_000, outstanding: 0 }],
        { collected: 30_000, outstanding: 0 },
      ],
      [
        'USD',
        [{ month: '2026-02', collected: -10_000, outstanding: 60_000 }],
        [
          { practice_area_id: ids.family, name: 'Family', collected: -10_000, outstanding: 10_000 },
          { practice_area_id: ids.estate, name: 'Real estate', collected: 0, outstanding: 50_000 },
        ],
        { collected: -10_000, outstanding: 60_000 },
      ],
    ],
  );
});

test('GET /admin/reports/revenue — by default the twelve months up to the current one in the firm’s time zone', async (t) => {
  const report = await admin.reports.revenue();
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit' })
    .formatToParts(new Date())
    .filter((p) => p.type !== 'literal')
    .map((p) => p.value);
  t.is(report.to, `${parts[0]}-${parts[1]}`);
  t.is(report.currencies[0]!.months.length, 12);
  t.is(report.currencies[0]!.months.at(-1)!.month, report.to);
  t.is(report.currencies[0]!.months[0]!.month, report.from);
});

test('GET /admin/reports/revenue — refuses a reversed period, more than 36 months and a malformed month, naming the field', async (t) => {
  const reversed = await t.throwsAsync(admin.reports.revenue({ from: '2026-03', to: '2026-01' }));
  t.true(reversed instanceof ValidationError);
  t.deepEqual((reversed as ValidationError).params, [
    { path: 'query.from', message: 'The first month (2026-03) is after the last month (2026-01).' },
  ]);
  const long = await t.throwsAsync(admin.reports.revenue({ from: '2023-01', to: '2026-01' }));
  t.deepEqual((long as ValidationError).params, [
    { path: 'query.to', message: 'The report covers 37 months; at most 36 months fit in one report.' },
  ]);
  t.like(await admin.reports.revenue({ from: '2023-02', to: '2026-01' }), { from: '2023-02', to: '2026-01' });
  for (const bad of ['2026-13', '2026-1', '0000-01', '2026-01-01']) {
    const error = await t.throwsAsync(admin.reports.revenue({ from: bad, to: '2026-03' }));
    t.deepEqual(
      (error as ValidationError).params.map((p) => [p.path, p.message]),
      [['query.from', 'must be a month such as 2026-03']],
      bad,
    );
  }
});

test('GET /admin/reports/revenue — a staff API key gets 403 admin_required (staff users: see the authorization matrix)', async (t) => {
  const error = await t.throwsAsync(staffKey.reports.revenue());
  t.true(error instanceof PermissionError);
  t.is((error as PermissionError).code, 'admin_required');
});
