/**
 * GET /admin/reports/revenue against hand-computed figures. A firm in New York
 * time with two practice areas bills in USD and EUR over January–March 2026;
 * payments and refunds sit near month ends so that the firm's time zone, not
 * UTC, decides their month. Rows are arranged with factories (the owner
 * connection), the report is read through the SDK.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { PermissionError, ValidationError } from '../../../sdk/errors.js';
import { aFirm, anApiKey, anInvoiceRow, aPayment, aRefund } from '../../helpers/factories/index.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let admin: AdminClient;
let staffKey: AdminClient;
const ids: Record<string, string> = {};

test.before(async () => {
  s = await startTestServer();
  const { tenant } = await aFirm(s, { slug: 'ledger-law', timezone: 'America/New_York', currency: 'USD' });
  ids.tenant = tenant.id;
  admin = s.admin('ledger-law', (await anApiKey(s, { firm: tenant.id, role: 'admin' })).token);
  staffKey = s.admin('ledger-law', (await anApiKey(s, { firm: tenant.id, role: 'staff' })).token);
  const client = await admin.clients.create({ name: 'Harbor Holdings' });
  ids.client = client.id;
  const family = await admin.practiceAreas.create({ name: 'Family' });
  const estate = await admin.practiceAreas.create({ name: 'Real estate' });
  ids.family = family.id;
  ids.estate = estate.id;
  const m1 = await admin.matters.create({ client_id: client.id, title: 'Divorce', practice_area_id: family.id });
  const m2 = await admin.matters.create({ client_id: client.id, title: 'Purchase', practice_area_id: estate.id });

  const i1 = await anInvoiceRow(s, { client, currency: 'USD', total: 100_000, issue_date: '2026-01-10', matter: m1 });
  const i2 = await anInvoiceRow(s, { client, currency: 'USD', total: 50_000, issue_date: '2026-02-05', matter: m2 });
  const i3 = await anInvoiceRow(s, { client, currency: 'EUR', total: 30_000, issue_date: '2026-01-20' });
  // Never outstanding: a draft, a cancelled invoice, and one issued after the period.
  await anInvoiceRow(s, { client, currency: 'USD', total: 99_900, issue_date: '2026-01-01', status: 'draft' });
  await anInvoiceRow(s, {
    client,
    currency: 'USD',
    total: 20_000,
    issue_date: '2026-01-15',
    matter: m1,
    status: 'cancelled',
  });
  await anInvoiceRow(s, { client, currency: 'USD', total: 70_000, issue_date: '2026-04-01', matter: m1 });

  await aPayment(s, { invoice: i1, amount: 40_000, paid_at: '2026-01-20T15:00:00Z' });
  // 22:00 on 31 January in New York: January's, though UTC says February.
  const p2 = await aPayment(s, { invoice: i1, amount: 60_000, paid_at: '2026-02-01T03:00:00Z' });
  const p3 = await aPayment(s, { invoice: i2, amount: 20_000, paid_at: '2026-03-10T12:00:00Z' });
  const p4 = await aPayment(s, { invoice: i3, amount: 30_000, paid_at: '2026-02-15T12:00:00Z' });
  // 23:59 on 28 February in New York: February's.
  await aRefund(s, { payment: p2, amount: 10_000, created_at: '2026-03-01T04:59:00Z' });
  await aRefund(s, { payment: p4, amount: 5_000, created_at: '2026-03-20T12:00:00Z' });
  // After the period: changes nothing in it.
  await aRefund(s, { payment: p3, amount: 2_000, created_at: '2026-04-05T12:00:00Z' });
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
    {
      path: 'query.from',
      code: 'invalid_date',
      message: 'The first month (2026-03) is after the last month (2026-01).',
    },
  ]);
  const long = await t.throwsAsync(admin.reports.revenue({ from: '2023-01', to: '2026-01' }));
  t.deepEqual((long as ValidationError).params, [
    {
      path: 'query.to',
      code: 'too_large',
      message: 'The report covers 37 months; at most 36 months fit in one report.',
    },
  ]);
  t.like(await admin.reports.revenue({ from: '2023-02', to: '2026-01' }), { from: '2023-02', to: '2026-01' });
  for (const bad of ['2026-13', '2026-1', '0000-01', '2026-01-01']) {
    const error = await t.throwsAsync(admin.reports.revenue({ from: bad, to: '2026-03' }));
    t.deepEqual(
      (error as ValidationError).params.map((p) => [p.path, p.message]),
      [['query.from', 'First month must be a month such as 2026-03.']],
      bad,
    );
  }
});

test('GET /admin/reports/revenue — a staff API key gets 403 admin_required (staff users: see the authorization matrix)', async (t) => {
  const error = await t.throwsAsync(staffKey.reports.revenue());
  t.true(error instanceof PermissionError);
  t.is((error as PermissionError).code, 'admin_required');
});
