/**
 * `caseflow invoices …` and `caseflow matters …` as real processes against a
 * real server: amounts typed in major units, converted with the currency's exponent.
 */
import test from 'ava';
import type { AdminInvoice, AdminInvoiceSummary } from '../../sdk/schemas/invoices.js';
import type { ManualPaymentResult } from '../../sdk/schemas/payments.js';
import type { Matter } from '../../sdk/schemas/matters.js';
import { cliWithApiKey, type KeyedCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let keyed: KeyedCli;

test.before(async () => {
  s = await startTestServer();
  keyed = await cliWithApiKey(s.db.owner, {
    baseUrl: s.baseUrl,
    tenant: 'acme',
    role: 'staff',
    name: 'CLI invoices (staff)',
  });
});
test.after.always(async () => s?.close());

const cli = (args: string[]) => keyed.cli(args);
const json = <T>(args: string[]) => keyed.json<T>(args);

test.serial('caseflow matters create|list, then invoices create → send → pay → show', async (t) => {
  const matter = await json<Matter>(['matters', 'create', '--client', '1002', '--title', 'Merger review']);
  // The demo firm's matters 1 and 2 are Northwind's.
  t.like(matter, { title: 'Merger review', status: 'not_started', number: 3 });
  const listed = await json<Matter[]>(['matters', 'list', '--client', '1002']);
  t.deepEqual(
    listed.map((m) => m.id),
    [matter.id],
  );

  const created = await cli([
    'invoices',
    'create',
    '--client',
    '1002',
    '--matter',
    '3',
    '--due',
    '2099-06-30',
    '--client-note',
    'Thank you',
    '--internal-note',
    'Partner rate',
    '--line',
    'Review (hours)|2.25|400.00|20',
    '--line',
    'Courier|1|12.5',
  ]);
  t.is(created.code, 0, created.stderr);
  const match = /^Created draft invoice ([0-9a-f-]{36}) for 1092\.50 USD \(2 lines\)\.\n$/.exec(created.stdout);
  t.truthy(match, created.stdout);
  const id = match![1]!;
  const draft = await json<AdminInvoice>(['invoices', 'show', id]);
  t.like(draft, {
    status: 'draft',
    number: null,
    currency: 'USD',
    matter_id: matter.id,
    due_date: '2099-06-30',
    subtotal: 90000 + 1250,
    tax: 18000,
    total: 109250,
    client_note: 'Thank you',
    internal_note: 'Partner rate',
  });
  t.deepEqual(
    draft.lines.map((l) => [l.description, l.quantity, l.unit_price, l.tax_rate]),
    [
      ['Review (hours)', '2.2500', 40000, '20.0000'],
      ['Courier', '1.0000', 1250, '0.0000'],
    ],
  );

  const sent = await cli(['invoices', 'send', id]);
  t.is(sent.code, 0, sent.stderr);
  const number = /^Sent invoice (INV-\d{4}) \(1092\.50 USD due by 2099-06-30\)\.\n$/.exec(sent.stdout)?.[1];
  t.truthy(number, sent.stdout);
  const queued = await s.db.owner('email_outbox').where({ template: 'invoice_sent' }).pluck('to_address');
  t.deepEqual(queued, ['gina@globex.example']);

  // The API refuses amounts in minor units; the CLI says it as people typed it.
  const zero = await cli(['invoices', 'pay', number!, '--amount', '0']);
  t.deepEqual([zero.code, zero.stderr], [1, 'caseflow: The amount must be more than zero.\n']);
  const above = await cli(['invoices', 'pay', number!, '--amount', '2000.00']);
  t.deepEqual(
    [above.code, above.stderr],
    [1, 'caseflow: The payment of 2000.00 USD is more than the balance due of 1092.50 USD.\n'],
  );

  const paid = await cli(['invoices', 'pay', number!, '--amount', '92.50', '--mode', 'cash', '--date', '2026-11-20']);
  t.is(paid.code, 0, paid.stderr);
  t.is(paid.stdout, `Recorded 92.50 USD on invoice ${number}: now partially_paid, 1000.00 USD due.\n`);
  const rest = await json<ManualPaymentResult>(['invoices', 'pay', number!]);
  t.like(rest.payment, { amount: 100000, mode: null });
  t.like(rest.invoice, { status: 'paid', amount_due: 0 });

  const human = await cli(['invoices', 'show', number!]);
  t.is(human.code, 0, human.stderr);
  t.regex(human.stdout, /^status: +paid$/m);
  t.regex(human.stdout, /^total: +1092\.50 USD$/m);
  t.regex(human.stdout, /Review \(hours\) +2\.2500 +400\.00 USD +20\.0000 +900\.00 USD +180\.00 USD/);

  const list = await json<AdminInvoiceSummary[]>(['invoices', 'list', '--client', '1002', '--status', 'paid']);
  t.true(list.some((i) => i.id === id));
  const table = await cli(['invoices', 'list', '--client', '1002', '--status', 'paid']);
  t.is(table.code, 0, table.stderr);
  const lines = table.stdout.trimEnd().split('\n');
  t.regex(lines[0]!, /^NUMBER +CLIENT +STATUS +TOTAL +BALANCE +DUE_DATE +ID$/);
  const row = lines.find((l) => l.includes(id));
  t.regex(row!, new RegExp(`^${number} +Globex Corporation +paid +1092\\.50 USD +0\\.00 USD +2099-06-30 +${id}$`));
});

test.serial(
  'caseflow invoices create — JPY amounts have no decimals; bad lines and amounts are one clear line',
  async (t) => {
    const yen = await json<AdminInvoice>([
      'invoices',
      'create',
      '--client',
      '1001',
      '--currency',
      'jpy',
      '--line',
      'Filing|1|15000',
    ]);
    t.like(yen, { currency: 'JPY', total: 15000 });
    const decimals = await cli([
      'invoices',
      'create',
      '--client',
      '1001',
      '--currency',
      'JPY',
      '--line',
      'Filing|1|150.5',
    ]);
    t.deepEqual(
      [decimals.code, decimals.stderr],
      [1, 'caseflow: "150.5" has more decimals than JPY has (0) (amounts are in JPY, e.g. 150.00).\n'],
    );
    const shape = await cli(['invoices', 'create', '--client', '1001', '--line', 'Only a description']);
    t.is(shape.code, 1);
    t.regex(shape.stderr, /is not "description\|quantity\|unit price"/);
    const none = await cli(['invoices', 'create', '--client', '1001']);
    t.deepEqual(
      [none.code, none.stderr],
      [1, 'caseflow: Give at least one --line "description|quantity|unit price|tax rate".\n'],
    );
    const quantity = await cli(['invoices', 'create', '--client', '1001', '--line', 'Advice|0.12345|100']);
    t.is(quantity.code, 1);
    t.is(quantity.stderr, 'caseflow: Quantity must be a decimal with at most 4 places, e.g. "0.25".\n');
    const currency = await cli(['invoices', 'create', '--client', '1001', '--currency', 'XYZ', '--line', 'A|1|1']);
    t.is(currency.code, 1);
    t.regex(currency.stderr, /"XYZ" is not an ISO 4217 currency code/);
  },
);

test.serial(
  'caseflow invoices update|cancel — drafts change, sent ones refuse with the server’s message',
  async (t) => {
    const draft = await json<AdminInvoice>(['invoices', 'create', '--client', '1001', '--line', 'A|1|10.00']);
    const updated = await json<AdminInvoice>(['invoices', 'update', draft.id, '--line', 'B|3|10.00|10']);
    t.like(updated, { subtotal: 3000, tax: 300, total: 3300 });
    const sent = await json<AdminInvoice>(['invoices', 'send', draft.id]);
    const refused = await cli(['invoices', 'update', sent.number!, '--due', '2099-01-01']);
    t.is(refused.code, 1);
    t.regex(refused.stderr, /only drafts can be changed/);
    const cancelled = await cli(['invoices', 'cancel', sent.number!]);
    t.is(cancelled.code, 0, cancelled.stderr);
    t.is(cancelled.stdout, `Cancelled invoice ${sent.number}.\n`);
  },
);
