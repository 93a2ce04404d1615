import test from 'ava';
import { NotFoundError, PlanUpgradeRequiredError, ValidationError } from '../../../sdk/errors.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { aClient, aContact, anInvoiceRow, aPayment, portalAs, setPlan } from '../../helpers/factories/index.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { statementsOf } from '../../helpers/statements.js';

let s: TestServer;
let nora: PortalClient;
let gina: PortalClient;

/** Acme's payment instructions in these tests, set with the owner connection (not through the settings API). */
const acmeInstructions = {
  payment_bank_details: 'Acme Law LLP\nFirst Harbour Bank\nAccount 12345678, routing 021000021',
  payment_remit_to: 'Acme Law LLP\n12 Harbour Street\nSpringfield, IL 62701',
  payment_notes: 'Quote the invoice number as your reference.',
  payment_instructions_updated_at: new Date('2026-11-20T09:30:00Z'),
};
type InstructionColumns = { [K in keyof typeof acmeInstructions]: (typeof acmeInstructions)[K] | null };
const setAcmeInstructions = (columns: Partial<InstructionColumns>) =>
  s.db.owner('tenants').where({ slug: 'acme' }).update(columns);

test.before(async () => {
  s = await startTestServer();
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  gina = s.portal('acme');
  await gina.auth.login(demo.gina);
  await setAcmeInstructions(acmeInstructions);
});
test.after.always(async () => s?.close());

/** A client of its own with one portal contact, so the other tests' lists stay as seeded. */
async function clientOfItsOwn() {
  const client = await aClient(s);
  const contact = await aContact(s, { client, password: demo.nora.password });
  return { client, portal: await portalAs(s, contact, demo.nora.password) };
}

test('GET /api/v1/portal/invoices?status=unpaid — includes unpaid invoices without a due date', async (t) => {
  const { client, portal } = await clientOfItsOwn();
  await anInvoiceRow(s, { client, number: 'U-1', status: 'unpaid', due_date: null });
  await anInvoiceRow(s, { client, number: 'U-2', status: 'unpaid', due_date: '2026-01-31' });
  t.deepEqual(
    (await portal.invoices.list({ status: 'unpaid' })).data.map((i) => i.number),
    ['U-1'],
  );
  t.deepEqual(
    (await portal.invoices.list({ status: 'overdue' })).data.map((i) => i.number),
    ['U-2'],
  );
});

test('GET /api/v1/portal/invoices — the client’s issued invoices, newest first, with derived overdue and exact amounts', async (t) => {
  const page = await nora.invoices.list();
  t.false(page.has_more);
  t.is(page.next_cursor, null);
  t.deepEqual(
    page.data.map((i) => [i.number, i.status, i.currency, i.total, i.amount_paid, i.amount_due]),
    [
      ['INV-0006', 'unpaid', 'EUR', 21420, 0, 21420],
      ['INV-0005', 'unpaid', 'USD', 11693, 0, 11693],
      ['INV-0002', 'partially_paid', 'USD', 162500, 50000, 112500],
      ['INV-0004', 'cancelled', 'USD', 25000, 0, 0],
      ['INV-0003', 'overdue', 'USD', 75000, 0, 75000],
      ['INV-0001', 'paid', 'USD', 135000, 135000, 0],
    ],
  );
});

test('GET /api/v1/portal/invoices — never a draft, never another client’s invoice', async (t) => {
  const all = await nora.invoices.list({ limit: 100 });
  const drafts = await s.db.owner('invoices').where({ status: 'draft' }).select('id');
  t.is(drafts.length, 1);
  t.false(all.data.some((i) => drafts.some((d) => d.id === i.id)));
  const ginas = await gina.invoices.list();
  t.deepEqual(
    ginas.data.map((i) => i.number),
    ['INV-0007', 'INV-0008'],
  );
});

test('GET /api/v1/portal/invoices?status= — filters by the client-facing state', async (t) => {
  t.deepEqual(
    (await nora.invoices.list({ status: 'overdue' })).data.map((i) => i.number),
    ['INV-0003'],
  );
  t.deepEqual(
    (await nora.invoices.list({ status: 'unpaid' })).data.map((i) => i.number),
    ['INV-0006', 'INV-0005'],
  );
  t.deepEqual(
    (await nora.invoices.list({ status: 'paid' })).data.map((i) => i.number),
    ['INV-0001'],
  );
});

test('GET /api/v1/portal/invoices/:id — lines, totals, balance and payments', async (t) => {
  const [summary] = (await nora.invoices.list({ status: 'partially_paid' })).data;
  const invoice = await nora.invoices.retrieve(summary!.id);
  t.like(invoice, {
    number: 'INV-0002',
    subtotal: 162500,
    tax: 0,
    total: 162500,
    amount_paid: 50000,
    amount_due: 112500,
    client_note: null,
  });
  t.deepEqual(
    invoice.lines.map((l) => [l.description, l.quantity, l.unit_price, l.amount]),
    [['Legal services (hours)', '6.5000', 25000, 162500]],
  );
  t.deepEqual(
    invoice.payments.map((p) => [p.amount, p.currency, p.method]),
    [[50000, 'USD', 'manual']],
  );
});

test('GET /api/v1/portal/invoices/:id — per-line tax is rounded half-up to the minor unit', async (t) => {
  const inv5 = (await nora.invoices.list({ limit: 100 })).data.find((i) => i.number === 'INV-0005')!;
  const invoice = await nora.invoices.retrieve(inv5.id);
  // 0.25 h × 250.00 = 62.50; courier 49.99 with 8.875 % tax = 4.4366… → 4.44
  t.deepEqual(
    invoice.lines.map((l) => [l.quantity, l.amount, l.tax_rate, l.tax]),
    [
      ['0.2500', 6250, '0.0000', 0],
      ['1.0000', 4999, '8.8750', 444],
    ],
  );
  t.deepEqual([invoice.subtotal, invoice.tax, invoice.total], [11249, 444, 11693]);
});

test('GET /api/v1/portal/invoices/:id — another client’s invoice and a draft are 404', async (t) => {
  const ginaInvoice = (await gina.invoices.list()).data[0]!;
  const error = await t.throwsAsync(nora.invoices.retrieve(ginaInvoice.id), { instanceOf: NotFoundError });
  t.deepEqual([error.status, error.code, error.message], [404, 'resource_missing', 'No such invoice.']);
  const draft = await s.db.owner('invoices').where({ status: 'draft' }).first();
  await t.throwsAsync(nora.invoices.retrieve(draft.id), { instanceOf: NotFoundError });
});

test('GET /api/v1/portal/invoices/:id — a malformed id is a 400 naming the parameter', async (t) => {
  const error = await t.throwsAsync(nora.invoices.retrieve('not-a-uuid'), { instanceOf: ValidationError });
  t.is(error.params[0]!.path, 'path.id');
});

test('keyset pagination: walking every page returns each row exactly once while rows are being inserted', async (t) => {
  const { client, portal: paula } = await clientOfItsOwn();
  const insertOne = (n: number) => anInvoiceRow(s, { client, number: `BULK-${String(n).padStart(4, '0')}`, total: n });
  for (let n = 1; n <= 60; n++) await insertOne(n);

  const seen: string[] = [];
  let inserted = 60;
  for await (const invoice of paula.invoices.list({ limit: 7 })) {
    seen.push(invoice.number);
    if (seen.length % 7 === 0) await insertOne(++inserted); // a new invoice arrives between pages
  }
  const expected = Array.from({ length: 60 }, (_, i) => `BULK-${String(60 - i).padStart(4, '0')}`);
  t.deepEqual(seen, expected, 'every row that existed, exactly once, in order');
  t.is(inserted, 68);
});

test('GET /api/v1/portal/invoices — limit and cursor are validated', async (t) => {
  const tooMany = await t.throwsAsync(gina.invoices.list({ limit: 101 }), { instanceOf: ValidationError });
  t.deepEqual(tooMany.params, [{ path: 'query.limit', code: 'too_large', message: 'Page size must be at most 100.' }]);
  const badCursor = await t.throwsAsync(gina.invoices.list({ starting_after: 'abc' }), { instanceOf: ValidationError });
  t.is(badCursor.params[0]!.path, 'query.starting_after');
});

test('solo plan: the invoice endpoints answer 402 plan_upgrade_required, /me still works', async (t) => {
  await setPlan(s, 'bluebird', 'solo');
  const ian = s.portal('bluebird');
  await ian.auth.login(demo.ian);
  const error = await t.throwsAsync(ian.invoices.list(), { instanceOf: PlanUpgradeRequiredError });
  t.deepEqual([error.status, error.code, error.requiredPlan], [402, 'plan_upgrade_required', 'growth']);
  t.is((await ian.me()).firm.plan, 'solo');
  await setPlan(s, 'bluebird', 'growth');
  t.is((await ian.invoices.list()).data.length, 1);
});

const noraInvoice = async (number: string) => {
  const found = (await nora.invoices.list({ limit: 100 })).data.find((i) => i.number === number);
  return nora.invoices.retrieve(found!.id);
};

test('GET /api/v1/portal/invoices/:id — a payable invoice carries the firm’s payment instructions and when they changed', async (t) => {
  const partlyPaid = await noraInvoice('INV-0002');
  t.is(partlyPaid.status, 'partially_paid');
  t.deepEqual(partlyPaid.payment_instructions, {
    bank_details: 'Acme Law LLP\nFirst Harbour Bank\nAccount 12345678, routing 021000021',
    remit_to: 'Acme Law LLP\n12 Harbour Street\nSpringfield, IL 62701',
    notes: 'Quote the invoice number as your reference.',
    updated_at: '2026-11-20T09:30:00.000Z',
  });
  const overdue = await noraInvoice('INV-0003');
  t.is(overdue.status, 'overdue');
  t.is(overdue.payment_instructions?.bank_details, acmeInstructions.payment_bank_details);
  const unpaid = await noraInvoice('INV-0005');
  t.is(unpaid.status, 'unpaid');
  t.is(unpaid.payment_instructions?.updated_at, '2026-11-20T09:30:00.000Z');
});

test('GET /api/v1/portal/invoices/:id — a paid and a cancelled invoice carry no payment instructions', async (t) => {
  const paid = await noraInvoice('INV-0001');
  t.deepEqual([paid.status, paid.amount_due, paid.payment_instructions], ['paid', 0, null]);
  const cancelled = await noraInvoice('INV-0004');
  t.deepEqual([cancelled.status, cancelled.amount_due, cancelled.payment_instructions], ['cancelled', 0, null]);
});

// Serial (ava runs serial tests before the concurrent ones): it takes Acme's instructions away for a moment.
test.serial(
  'GET /api/v1/portal/invoices/:id — no instructions when the firm gave none; one of the three is enough',
  async (t) => {
    try {
      await setAcmeInstructions({ payment_bank_details: null, payment_remit_to: null, payment_notes: null });
      t.is((await noraInvoice('INV-0002')).payment_instructions, null);
      await setAcmeInstructions({ payment_notes: 'Pay by card at the front desk.' });
      t.deepEqual((await noraInvoice('INV-0002')).payment_instructions, {
        bank_details: null,
        remit_to: null,
        notes: 'Pay by card at the front desk.',
        updated_at: '2026-11-20T09:30:00.000Z',
      });
    } finally {
      await setAcmeInstructions(acmeInstructions);
    }
  },
);

test('GET /api/v1/portal/invoices/:id — how each payment arrived: a recorded bank transfer, an online card payment', async (t) => {
  const { client, portal } = await clientOfItsOwn();
  const invoice = await anInvoiceRow(s, {
    client,
    number: 'M-1',
    status: 'partially_paid',
    total: 30000,
    amount_paid: 20000,
  });
  const transfer = await aPayment(s, { invoice, amount: 15000, method: 'manual', paid_at: '2026-02-01T10:00:00Z' });
  await s.db.owner('payments').where({ id: transfer.id }).update({ mode: 'bank_transfer' });
  await aPayment(s, { invoice, amount: 5000, method: 'stripe', paid_at: '2026-02-02T10:00:00Z' });
  const detail = await portal.invoices.retrieve(invoice.id);
  t.deepEqual(
    detail.payments.map((p) => [p.amount, p.method, p.mode]),
    [
      [15000, 'manual', 'bank_transfer'],
      [5000, 'stripe', 'card'],
    ],
  );
});

// Serial: the count wraps pg for the whole process, so no other request may run meanwhile.
test.serial(
  'GET /api/v1/portal/invoices/:id runs five statements, the payment instructions inside the invoice’s; its PDF eight, nothing fetched',
  async (t) => {
    const summary = (await nora.invoices.list({ status: 'partially_paid' })).data[0]!;
    await s.server.jobs.drain();
    const detail = (await statementsOf(s, () => nora.invoices.retrieve(summary.id))).statements;
    // The session check, the invoice with the firm's instructions, its lines, its payments, the commit.
    t.is(detail.length, 5, detail.join('\n---\n'));
    t.regex(detail[0]!, /^BEGIN; SELECT \* FROM caseflow\.enter_portal_session\(/);
    t.regex(detail[1]!, /FROM invoices LEFT JOIN tenants/);
    t.regex(detail[1]!, /tenants\.payment_bank_details/);
    t.regex(detail[2]!, /from "invoice_lines"/i);
    t.regex(detail[3]!, /from "payments"/i);
    t.is(detail[4], 'COMMIT');

    const pdf = (await statementsOf(s, () => nora.invoices.pdf(summary.id))).statements;
    // The PDF owns its transactions: the session checked in one (and committed), then its facts in a second —
    // the detail's four, the firm with its logo and the client's name in one, the commit — and it renders after.
    t.is(pdf.length, 8, pdf.join('\n---\n'));
    t.deepEqual([pdf[0], pdf[1]], [detail[0], 'COMMIT']);
    t.deepEqual(pdf.slice(2, 6), detail.slice(0, 4));
    t.regex(pdf[6]!, /FROM tenants LEFT JOIN tenant_logos/);
    t.is(pdf[7], 'COMMIT');
  },
);
