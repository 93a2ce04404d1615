/**
 * The Stripe jobs around checkouts: disabling payments expires every open
 * session (the stripe.disabled event's job), and the reconcile cron settles
 * sessions a network failure or a crash left `creating` or `expiring` for 10
 * minutes by replaying the create with the row's own idempotency key. Serial:
 * the tests share the fake Stripe's failure queue and the firm's settings.
 */
import test from 'ava';
import { ApiError } from '../../../sdk/errors.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { checkoutsUntouchedFor, leaveCheckoutCreating } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { connectStripe, sentInvoice } from '../../helpers/stripe.js';

let s: TestServer;
let nora: PortalClient;

test.before(async () => {
  s = await startTestServer({ stripe: true });
  await connectStripe(s, 'acme');
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
});
test.after.always(async () => s?.close());

const sessionsOf = (invoiceId: string) =>
  s.db.owner('checkout_sessions').where({ invoice_id: invoiceId }).orderBy('created_at');
const backdate = (invoiceId: string) => checkoutsUntouchedFor(s, invoiceId, '11 minutes');
/** Runs the reconcile cron task now (as its schedule would), then waits for the queue. */
async function reconcile() {
  await s.db.owner.raw(`SELECT graphile_worker.add_job('reconcile-checkout-sessions', '{}'::json)`);
  await s.server.jobs.drain();
}
/** Three 500s: the first try and the stripe SDK's two retries. */
const failCreates = () => {
  for (let i = 0; i < 3; i++)
    s.stripe!.failNext('/v1/checkout/sessions', { status: 500, type: 'api_error', message: 'Something broke.' });
};

test.serial('disabling payments expires every open session of the firm, at Stripe and here', async (t) => {
  const first = await sentInvoice(s, { amount: 3_100 });
  const second = await sentInvoice(s, { amount: 3_200 });
  const a = await nora.invoices.checkout(first.id);
  const b = await nora.invoices.checkout(second.id);
  const ada = await s.staffLogin(demoStaff.ada);
  await ada.stripe.disable();
  try {
    await s.server.jobs.drain();
    t.deepEqual([s.stripe!.sessions.get(a.id)!.status, s.stripe!.sessions.get(b.id)!.status], ['expired', 'expired']);
    const rows = await s.db.owner('checkout_sessions').whereIn('stripe_session_id', [a.id, b.id]);
    t.deepEqual(
      rows.map((r) => r.status),
      ['expired', 'expired'],
    );
  } finally {
    await ada.stripe.configure({});
  }
});

test.serial(
  'reconcile: a session left without its Stripe id (a network failure, a crash) is found by replaying the create, and expired',
  async (t) => {
    // A network failure: Stripe never answered; the row waits, expiring, with no Stripe id.
    const failed = await sentInvoice(s, { amount: 4_100 });
    failCreates();
    await t.throwsAsync(nora.invoices.checkout(failed.id), { instanceOf: ApiError });
    // A crash between Stripe's answer and the second transaction: the row is still creating.
    const crashed = await sentInvoice(s, { amount: 4_200 });
    const made = await nora.invoices.checkout(crashed.id);
    await leaveCheckoutCreating(s, made.id);
    // A fresh one (its checkout may still be running): left alone.
    const fresh = await sentInvoice(s, { amount: 4_300 });
    failCreates();
    await t.throwsAsync(nora.invoices.checkout(fresh.id), { instanceOf: ApiError });

    await backdate(failed.id);
    await backdate(crashed.id);
    const creates = () => s.stripe!.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    const before = creates().length;
    await reconcile();

    const [failedRow] = await sessionsOf(failed.id);
    t.is(failedRow.status, 'expired');
    t.is(s.stripe!.sessions.get(failedRow.stripe_session_id)!.status, 'expired');
    const [crashedRow] = await sessionsOf(crashed.id);
    // The replay answered the very session Stripe had made: same id.
    t.like(crashedRow, { status: 'expired', stripe_session_id: made.id });
    t.is(s.stripe!.sessions.get(made.id)!.status, 'expired');
    t.deepEqual(
      creates()
        .slice(before)
        .map((r) => r.idempotencyKey),
      [failedRow.stripe_idempotency_key, crashedRow.stripe_idempotency_key],
    );
    t.deepEqual(
      (await sessionsOf(fresh.id)).map((r) => [r.status, r.stripe_session_id]),
      [['expiring', null]],
    );
    // Nothing holds the settled invoices: the next checkouts open.
    t.is((await nora.invoices.checkout(failed.id)).amount, 4_100);
    t.is((await nora.invoices.checkout(crashed.id)).amount, 4_200);
  },
);

test.serial(
  'reconcile: when a retry of the same request opened the session, the stale row is closed and the session stays open',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 5_100 });
    failCreates();
    await t.throwsAsync(nora.invoices.checkout(invoice.id, {}, { idempotencyKey: 'tab-1' }), { instanceOf: ApiError });
    const retried = await nora.invoices.checkout(invoice.id, {}, { idempotencyKey: 'tab-1' });
    await backdate(invoice.id);
    // Only the stale row is unsettled; the open one is not touched even though backdated.
    await reconcile();
    t.deepEqual(
      (await sessionsOf(invoice.id)).map((r) => [r.status, r.stripe_session_id]),
      [
        ['expired', null],
        ['open', retried.id],
      ],
    );
    t.is(s.stripe!.sessions.get(retried.id)!.status, 'open');
  },
);
