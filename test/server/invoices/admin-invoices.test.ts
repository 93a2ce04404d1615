/**
 * The admin invoice API through the SDK: creation with the money rules, drafts
 * edited only while draft, upsert by external id, list filters, matters, and
 * what the portal never sees (drafts, internal notes).
 */
import test from 'ava';
import { ConflictError, NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { aClient } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  sam = await s.staffLogin(demoStaff.sam);
});
test.after.always(async () => s?.close());

const newClient = () => aClient(s, { admin: ada });

const line = (description: string, quantity: string, unit_price: number, tax_rate?: string) => ({
  description,
  quantity,
  unit_price,
  ...(tax_rate ? { tax_rate } : {}),
});

test('POST /admin/invoices — a draft in the firm currency with per-line rounding and no number', async (t) => {
  const client = await newClient();
  const invoice = await sam.invoices.create({
    client_id: client.id,
    issue_date: '2026-11-01',
    due_date: '2026-12-01',
    client_note: 'Thank you.',
    internal_note: 'Discounted: old friend.',
    lines: [
      line('Advice (hours)', '0.25', 25000),
      line('Courier', '1', 4999, '8.875'),
      line('Courier', '1', 4999, '8.875'),
    ],
  });
  t.like(invoice, {
    number: null,
    status: 'draft',
    client_id: client.id,
    matter_id: null,
    currency: 'USD',
    issue_date: '2026-11-01',
    due_date: '2026-12-01',
    subtotal: 6250 + 4999 + 4999,
    tax: 444 + 444, // 443.66 rounded per line, not 887.32 on the sum
    total: 6250 + 9998 + 888,
    amount_paid: 0,
    amount_due: 0,
    sent: false,
    sent_at: null,
    last_sent_at: null,
    client_note: 'Thank you.',
    internal_note: 'Discounted: old friend.',
    external_id: null,
  });
  t.deepEqual(
    invoice.lines.map((l) => [l.position, l.quantity, l.unit_price, l.tax_rate, l.amount, l.tax]),
    [
      [0, '0.2500', 25000, '0.0000', 6250, 0],
      [1, '1.0000', 4999, '8.8750', 4999, 444],
      [2, '1.0000', 4999, '8.8750', 4999, 444],
    ],
  );
  t.deepEqual(await ada.invoices.retrieve(invoice.id), invoice);
});

test('POST /admin/invoices — JPY (exponent 0) and KWD (exponent 3) amounts stay exact', async (t) => {
  const client = await newClient();
  const yen = await ada.invoices.create({
    client_id: client.id,
    currency: 'JPY',
    lines: [line('Consultation', '1.5', 3333, '10')],
  });
  t.like(yen, { currency: 'JPY', subtotal: 5000, tax: 500, total: 5500 }); // ¥4999.5 → ¥5000
  const dinar = await ada.invoices.create({
    client_id: client.id,
    currency: 'KWD',
    lines: [line('Filing', '2', 1250, '5'), line('Copies', '0.3333', 100)],
  });
  t.like(dinar, { currency: 'KWD', subtotal: 2500 + 33, tax: 125, total: 2658 }); // 2.658 KWD
});

test('POST /admin/invoices — bad money input is a 400 naming the field, and nothing is written', async (t) => {
  const client = await newClient();
  const cases: [unknown, string, RegExp][] = [
    [{ currency: 'XYZ' }, 'body.currency', /"XYZ" is not an ISO 4217 currency/],
    [{ currency: 'CLF' }, 'body.currency', /"CLF" is not an ISO 4217 currency/],
    [{ currency: 'usd' }, 'body.currency', /ISO 4217/],
    [{ lines: [line('x', '0.12345', 100)] }, 'body.lines.0.quantity', /at most 4 places/],
    [{ lines: [line('x', '0', 100)] }, 'body.lines.0.quantity', /greater than 0/],
    [{ lines: [line('x', '-1', 100)] }, 'body.lines.0.quantity', /at most 4 places/],
    [
      { lines: [{ description: 'x', quantity: '1', unit_price: 10.5 }] },
      'body.lines.0.unit_price',
      /whole number of the currency's smallest unit/,
    ],
    [{ lines: [line('x', '1', 100, '100.5')] }, 'body.lines.0.tax_rate', /between 0 and 100/],
    [{ lines: [line('x', '1', 100, '-5')] }, 'body.lines.0.tax_rate', /percentage/],
    [{ lines: [] }, 'body.lines', /./],
    [{ surprise: true }, 'body.surprise', /does not take a field named “surprise”/],
  ];
  for (const [patch, path, message] of cases) {
    const body = { client_id: client.id, lines: [line('x', '1', 100)], ...(patch as object) };
    const error = await t.throwsAsync(ada.invoices.create(body as never), { instanceOf: ValidationError });
    const param = error!.params?.find((p) => p.path === path);
    t.truthy(param, `${JSON.stringify(patch)} → ${JSON.stringify(error!.params)}`);
    t.regex(param!.message, message);
  }
  t.deepEqual(await s.db.owner('invoices').where({ client_id: client.id }), []);
});

test('POST /admin/invoices — an unknown client, another client’s matter, a due date before the issue date: 400', async (t) => {
  const client = await newClient();
  const other = await newClient();
  const matter = await ada.matters.create({ client_id: other.id, title: 'Other matter' });
  const base = { client_id: client.id, lines: [line('x', '1', 100)] };
  const unknown = await t.throwsAsync(
    ada.invoices.create({ ...base, client_id: '00000000-0000-4000-8000-000000000000' }),
    { instanceOf: ValidationError },
  );
  t.is(unknown!.params?.[0]?.path, 'body.client_id');
  const wrongMatter = await t.throwsAsync(ada.invoices.create({ ...base, matter_id: matter.id }), {
    instanceOf: ValidationError,
  });
  t.deepEqual(wrongMatter!.params, [
    {
      path: 'body.matter_id',
      code: 'invalid',
      message: "This matter belongs to another client: an invoice's matter must be its client's.",
    },
  ]);
  const dates = await t.throwsAsync(
    ada.invoices.create({ ...base, issue_date: '2026-11-10', due_date: '2026-11-01' }),
    { instanceOf: ValidationError },
  );
  t.is(dates!.params?.[0]?.path, 'body.due_date');
  const own = await ada.matters.create({ client_id: client.id, title: 'Own matter' });
  const ok = await ada.invoices.create({ ...base, matter_id: own.id });
  t.is(ok.matter_id, own.id);
});

test('PATCH /admin/invoices/:id — a draft changes (lines replaced, totals recomputed); once sent: 409 invoice_not_draft', async (t) => {
  const client = await newClient();
  const draft = await ada.invoices.create({ client_id: client.id, lines: [line('x', '1', 100)] });
  const changed = await sam.invoices.update(draft.id, {
    lines: [line('Hours', '2', 15000, '20')],
    due_date: '2027-01-31',
    internal_note: null,
    client_note: 'Net 30',
  });
  t.like(changed, { subtotal: 30000, tax: 6000, total: 36000, due_date: '2027-01-31', client_note: 'Net 30' });
  t.is(changed.lines.length, 1);
  await ada.invoices.send(draft.id);
  const error = await t.throwsAsync(ada.invoices.update(draft.id, { client_note: 'late change' }), {
    instanceOf: ConflictError,
  });
  t.is(error!.code, 'invoice_not_draft');
  t.is((await ada.invoices.retrieve(draft.id)).client_note, 'Net 30');
  await t.throwsAsync(ada.invoices.update('00000000-0000-4000-8000-000000000000', { client_note: 'x' }), {
    instanceOf: NotFoundError,
  });
});

test('external_id — unique per firm on create (409); PUT by external id creates, then replaces the draft, then 409 once sent', async (t) => {
  const client = await newClient();
  const created = await ada.invoices.create({
    client_id: client.id,
    external_id: 'erp-1',
    lines: [line('x', '1', 100)],
  });
  t.is(created.external_id, 'erp-1');
  const taken = await t.throwsAsync(
    ada.invoices.create({ client_id: client.id, external_id: 'erp-1', lines: [line('x', '1', 100)] }),
    { instanceOf: ConflictError },
  );
  t.is(taken!.code, 'external_id_taken');

  const first = await ada.invoices.upsertByExternalId('erp/2 ü', {
    client_id: client.id,
    lines: [line('A', '1', 500)],
  });
  t.like(first, { external_id: 'erp/2 ü', status: 'draft', total: 500 });
  const second = await ada.invoices.upsertByExternalId('erp/2 ü', {
    client_id: client.id,
    lines: [line('B', '3', 500)],
    client_note: 'replaced',
  });
  t.like(second, { id: first.id, total: 1500, client_note: 'replaced', issue_date: first.issue_date });
  t.deepEqual(
    second.lines.map((l) => l.description),
    ['B'],
  );
  const { data } = await ada.invoices.list({ external_id: 'erp/2 ü' });
  t.deepEqual(
    data.map((i) => i.id),
    [first.id],
  );
  const sentInvoice = await ada.invoices.send(first.id);
  // Re-pushing the sent invoice unchanged is answered as is (a sync re-sends everything).
  const unchanged = await ada.invoices.upsertByExternalId('erp/2 ü', {
    client_id: client.id,
    lines: [line('B', '3.0', 500)],
    client_note: 'replaced',
  });
  t.deepEqual(unchanged, sentInvoice);
  const sent = await t.throwsAsync(
    ada.invoices.upsertByExternalId('erp/2 ü', { client_id: client.id, lines: [line('C', '1', 1)] }),
    { instanceOf: ConflictError },
  );
  t.is(sent!.code, 'invoice_not_draft');
});

test('GET /admin/invoices — drafts included, filters by client and status (overdue derived), keyset pages', async (t) => {
  const client = await newClient();
  const a = await ada.invoices.create({ client_id: client.id, lines: [line('a', '1', 100)] });
  const b = await ada.invoices.create({
    client_id: client.id,
    issue_date: '2020-01-01',
    due_date: '2020-02-01',
    lines: [line('b', '1', 100)],
  });
  const c = await ada.invoices.create({ client_id: client.id, due_date: '2099-01-01', lines: [line('c', '1', 100)] });
  await ada.invoices.send(b.id);
  await ada.invoices.send(c.id);
  const all = await ada.invoices.list({ client_id: client.id });
  t.deepEqual(
    all.data.map((i) => [i.id, i.status]),
    [
      [c.id, 'unpaid'],
      [b.id, 'overdue'],
      [a.id, 'draft'],
    ],
  );
  t.deepEqual(
    (await ada.invoices.list({ client_id: client.id, status: 'overdue' })).data.map((i) => i.id),
    [b.id],
  );
  t.deepEqual(
    (await ada.invoices.list({ client_id: client.id, status: 'unpaid' })).data.map((i) => i.id),
    [c.id],
  );
  t.deepEqual(
    (await ada.invoices.list({ client_id: client.id, status: 'draft' })).data.map((i) => i.id),
    [a.id],
  );
  const page1 = await ada.invoices.list({ client_id: client.id, limit: 2 });
  t.true(page1.has_more);
  const page2 = await ada.invoices.list({ client_id: client.id, limit: 2, starting_after: page1.next_cursor! });
  t.deepEqual(
    [...page1.data, ...page2.data].map((i) => i.id),
    [c.id, b.id, a.id],
  );
  t.false(page2.has_more);
});

test('matters — numbered per firm, listed by client; another firm never sees them', async (t) => {
  const client = await newClient();
  const one = await sam.matters.create({ client_id: client.id, title: 'Lease renewal' });
  const two = await sam.matters.create({ client_id: client.id, title: 'Dispute', status: 'in_progress' });
  // Other tests of this file create matters concurrently: numbers only grow.
  t.true(two.number > one.number);
  t.like(two, { client_id: client.id, title: 'Dispute', status: 'in_progress' });
  t.deepEqual(
    (await ada.matters.list({ client_id: client.id })).data.map((m) => m.id),
    [two.id, one.id],
  );
  const taken = await t.throwsAsync(ada.matters.create({ client_id: client.id, title: 'X', number: one.number }), {
    instanceOf: ConflictError,
  });
  t.is(taken!.code, 'matter_number_taken');
  const bea = await s.staffLogin(demoStaff.bea);
  await t.throwsAsync(bea.matters.retrieve(one.id), { instanceOf: NotFoundError });
  t.deepEqual((await bea.matters.list()).data, []);
});

test('portal — never shows drafts or internal notes; a sent invoice shows its client note only', async (t) => {
  const noraClient = await s.db.owner('clients').where({ name: 'Northwind Traders' }).first();
  const draft = await ada.invoices.create({
    client_id: noraClient.id,
    internal_note: 'INTERNAL-SECRET-1',
    lines: [line('x', '1', 100)],
  });
  const sent = await ada.invoices.create({
    client_id: noraClient.id,
    client_note: 'Visible note',
    internal_note: 'INTERNAL-SECRET-2',
    lines: [line('y', '1', 200)],
  });
  await ada.invoices.send(sent.id);
  const nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  const list = await nora.invoices.list({ limit: 100 });
  const ids = list.data.map((i) => i.id);
  t.false(ids.includes(draft.id));
  t.true(ids.includes(sent.id));
  await t.throwsAsync(nora.invoices.retrieve(draft.id), { instanceOf: NotFoundError });
  const detail = await nora.invoices.retrieve(sent.id);
  t.is(detail.client_note, 'Visible note');
  t.false(JSON.stringify(detail).includes('INTERNAL-SECRET'));
  t.false(JSON.stringify(list).includes('INTERNAL-SECRET'));
});
