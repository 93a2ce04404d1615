/**
 * Client credits: money Stripe took above a balance stays owed to the client
 * until the firm settles it (refunded outside Stripe, or written off) through
 * the admin API or `caseflow credits`; a settled credit leaves the open list,
 * is audited, and cannot be settled twice.
 */
import test from 'ava';
import { ConflictError, NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { AdminClient } from '../../../sdk/admin-client.js';
import type { AdminCredit } from '../../../sdk/schemas/invoices.js';
import { isolatedEnv, runCli } from '../../helpers/cli.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { connectStripe, sentInvoice } from '../../helpers/stripe.js';

let s: TestServer;
let ada: AdminClient;

test.before(async () => {
  s = await startTestServer({ stripe: true });
  await connectStripe(s, 'acme');
  ada = await s.staffLogin(demoStaff.ada);
});
test.after.always(async () => s?.close());

/** Nora pays through Checkout while the firm records the same amount by hand: the Stripe money becomes a credit. */
async function overpaid(amount: number): Promise<AdminCredit> {
  const invoice = await sentInvoice(s, { amount, admin: ada });
  const nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  const session = await nora.invoices.checkout(invoice.id);
  const { events } = await s.stripe!.completeCheckout(session.id, { deliver: false });
  await ada.invoices.pay(invoice.id, { mode: 'bank_transfer' });
  for (const event of events) await s.stripe!.sendEvent('acme', event);
  // The webhook stores the events; their job applies them.
  await s.server.jobs.drain();
  const credit = (await ada.credits.list().toArray()).find((c) => c.invoice_id === invoice.id);
  if (!credit) throw new Error('no credit was flagged');
  return credit;
}

test.serial('an admin settles a credit: it leaves the open list, keeps its history and is audited', async (t) => {
  const credit = await overpaid(12_500);
  t.like(credit, { amount: 12_500, original_amount: 12_500, resolved_at: null, resolution: null });

  const settled = await ada.credits.resolve(credit.id, { resolution: 'refunded_manually', note: 'wire 2026-11-30' });
  t.like(settled, { id: credit.id, amount: 0, original_amount: 12_500, resolution: 'refunded_manually' });
  t.truthy(settled.resolved_at);
  t.false((await ada.credits.list().toArray()).some((c) => c.id === credit.id));
  const invoice = await ada.invoices.retrieve(credit.invoice_id);
  t.deepEqual(
    invoice.credits.map((c) => [c.id, c.amount, c.resolution]),
    [[credit.id, 0, 'refunded_manually']],
  );
  const [audit] = await s.db.owner('audit_events').where({ action: 'credit.resolved', subject_id: credit.id });
  t.like(audit, { actor_type: 'staff', subject_type: 'client_credit' });
  t.deepEqual(audit.data, {
    resolution: 'refunded_manually',
    amount: 12_500,
    currency: 'USD',
    note: 'wire 2026-11-30',
  });

  const again = await t.throwsAsync(ada.credits.resolve(credit.id, { resolution: 'written_off' }), {
    instanceOf: ConflictError,
  });
  t.is(again.code, 'credit_resolved');
  t.is(again.message, 'This credit is already settled (refunded manually).');
});

test.serial(
  'bad input: an unknown resolution is a 400 naming the field; an unknown id a 404; nothing changes',
  async (t) => {
    const credit = await overpaid(7_000);
    const bad = await t.throwsAsync(ada.credits.resolve(credit.id, { resolution: 'refunded' as 'written_off' }), {
      instanceOf: ValidationError,
    });
    t.is(bad.params[0]!.path, 'body.resolution');
    const missing = await t.throwsAsync(
      ada.credits.resolve('00000000-0000-4000-8000-000000000000', { resolution: 'written_off' }),
      { instanceOf: NotFoundError },
    );
    t.is(missing.message, 'No such credit.');
    t.like(await s.db.owner('client_credits').where({ id: credit.id }).first(), {
      amount: 7_000,
      resolved_at: null,
      resolution: null,
    });
  },
);

test.serial('caseflow credits list and resolve, as real processes', async (t) => {
  const credit = await overpaid(4_200);
  const key = await ada.apiKeys.create({ name: 'credits CLI', role: 'staff' });
  const env = isolatedEnv({ CASEFLOW_URL: s.baseUrl, CASEFLOW_TENANT: 'acme', CASEFLOW_API_KEY: key.secret });

  const listed = await runCli(['credits', 'list', '--json'], env);
  t.is(listed.code, 0, listed.stderr);
  t.true((JSON.parse(listed.stdout) as AdminCredit[]).some((c) => c.id === credit.id && c.amount === 4_200));
  const table = await runCli(['credits', 'list', '--client', '1001'], env);
  t.regex(table.stdout, new RegExp(`^42\\.00 USD +\\S+ +${credit.invoice_id} .* ${credit.id}$`, 'm'));

  const wrong = await runCli(['credits', 'resolve', credit.id, '--as', 'lost'], env);
  t.is(wrong.code, 1);
  t.regex(wrong.stderr, /It must be one of refunded_manually, written_off\./);

  const done = await runCli(['credits', 'resolve', credit.id, '--as', 'written_off'], env);
  t.is(done.code, 0, done.stderr);
  t.is(done.stdout, 'Credit of 42.00 USD settled (written off).\n');
  const twice = await runCli(['credits', 'resolve', credit.id, '--as', 'written_off'], env);
  t.not(twice.code, 0);
  t.is(twice.stderr, 'caseflow: This credit is already settled (written off).\n');
});
