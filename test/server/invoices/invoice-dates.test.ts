/**
 * Invoice dates: an invoice cannot be due before it is issued (create, update,
 * upsert; also when an update changes only one of the two dates, or the issue date
 * defaults to today), and a manual payment cannot be dated in the future (a date
 * after today in the firm's time zone, a time after now). Nothing is written.
 * Serial: the tests count rows.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { ValidationError } from '../../../sdk/errors.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let admin: AdminClient;
let clientId: string;
let today: string;
let yesterday: string;
let tomorrow: string;
test.before(async () => {
  s = await startTestServer();
  admin = await s.staffLogin(demoStaff.ada);
  clientId = (await s.db.owner('clients').where({ name: 'Northwind Traders' }).first()).id;
  // Acme's time zone is America/New_York.
  const { rows } = await s.db.owner.raw(`SELECT d::text AS today, (d - 1)::text AS yesterday, (d + 1)::text AS tomorrow
      FROM (SELECT (now() AT TIME ZONE 'America/New_York')::date AS d) x`);
  ({ today, yesterday, tomorrow } = rows[0]);
});
test.after.always(async () => s?.close());

const line = { description: 'Advice', quantity: '1', unit_price: 10_000 };
const counts = async () => ({
  invoices: Number((await s.db.owner('invoices').count('* as n').first())!.n),
  payments: Number((await s.db.owner('payments').count('* as n').first())!.n),
  audit: Number((await s.db.owner('audit_events').count('* as n').first())!.n),
});

async function refused(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ValidationError)) throw new Error(`expected a 400, got ${String(error)}`);
  return { status: error.status, message: error.message, params: error.params };
}

const dueBefore = (due: string, issue: string) =>
  `The due date ${due} is before the issue date ${issue}: an invoice cannot be due before it is issued.`;

test.serial(
  'a due date before the issue date is refused on create, update and upsert, naming body.due_date',
  async (t) => {
    const draft = await admin.invoices.create({
      client_id: clientId,
      issue_date: '2026-06-10',
      due_date: '2026-06-20',
      lines: [line],
      external_id: 'dates-1',
    });
    const before = await counts();
    const cases: [string, () => Promise<unknown>, string][] = [
      [
        'create',
        () =>
          admin.invoices.create({
            client_id: clientId,
            issue_date: '2026-06-10',
            due_date: '2026-06-09',
            lines: [line],
          }),
        dueBefore('2026-06-09', '2026-06-10'),
      ],
      [
        'create without an issue date (today in the firm’s time zone)',
        () => admin.invoices.create({ client_id: clientId, due_date: yesterday, lines: [line] }),
        dueBefore(yesterday, today),
      ],
      [
        'update of the due date alone',
        () => admin.invoices.update(draft.id, { due_date: '2026-06-01' }),
        dueBefore('2026-06-01', '2026-06-10'),
      ],
      [
        'update of the issue date alone',
        () => admin.invoices.update(draft.id, { issue_date: '2026-07-01' }),
        dueBefore('2026-06-20', '2026-07-01'),
      ],
      [
        'upsert of the existing draft',
        () =>
          admin.invoices.upsertByExternalId('dates-1', {
            client_id: clientId,
            issue_date: '2026-06-10',
            due_date: '2026-05-31',
            lines: [line],
          }),
        dueBefore('2026-05-31', '2026-06-10'),
      ],
      [
        'upsert of a new draft',
        () =>
          admin.invoices.upsertByExternalId('dates-2', {
            client_id: clientId,
            issue_date: '2026-06-10',
            due_date: '2026-06-09',
            lines: [line],
          }),
        dueBefore('2026-06-09', '2026-06-10'),
      ],
    ];
    for (const [label, send, message] of cases) {
      t.deepEqual(
        await refused(send()),
        { status: 400, message, params: [{ path: 'body.due_date', code: 'invalid_date', message }] },
        label,
      );
    }
    t.deepEqual(await counts(), before);
    t.like(await admin.invoices.retrieve(draft.id), { issue_date: '2026-06-10', due_date: '2026-06-20' });
    // Due on the day of issue is fine.
    t.like(await admin.invoices.update(draft.id, { due_date: '2026-06-10' }), { due_date: '2026-06-10' });
    t.like(await admin.invoices.create({ client_id: clientId, due_date: today, lines: [line] }), {
      issue_date: today,
      due_date: today,
    });
  },
);

test.serial(
  'a manual payment dated in the future is refused naming body.paid_at; today and now are fine',
  async (t) => {
    const draft = await admin.invoices.create({ client_id: clientId, lines: [line] });
    const sent = await admin.invoices.send(draft.id);
    const before = await counts();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const cases: [unknown, string][] = [
      [
        tomorrow,
        `The date paid, ${tomorrow}, is in the future (today is ${today} in the firm's time zone): record a payment once the money has arrived.`,
      ],
      [inAnHour, `The time paid, ${inAnHour}, is in the future: record a payment once the money has arrived.`],
    ];
    for (const [paidAt, message] of cases) {
      const error = await t.throwsAsync(admin.invoices.pay(sent.id, { amount: 100, paid_at: paidAt as string }), {
        instanceOf: ValidationError,
      });
      t.is(error.message, message);
      t.deepEqual(error.params, [{ path: 'body.paid_at', code: 'invalid_date', message }]);
    }
    t.deepEqual(await counts(), before);
    t.is((await admin.invoices.pay(sent.id, { amount: 100, paid_at: today })).payment.amount, 100);
    const now = new Date(Date.now() - 1000).toISOString();
    t.is((await admin.invoices.pay(sent.id, { amount: 200, paid_at: now })).payment.amount, 200);
  },
);
