/**
 * An admin preview writes nothing that clears a mark (DESIGN §2): reading an
 * announcement answers as if read but stores no read receipt. What a preview can
 * write — a checkout, and the Stripe payment it leads to — records the admin, and
 * both sides see `previewed_by: { id, name }`; the client's own stay null.
 * Serial: the tests count rows.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { aPortalSession } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { connectStripe, sentInvoice } from '../../helpers/stripe.js';

let s: TestServer;
let ada: AdminClient;
let nora: PortalClient;
let preview: PortalClient;
let adaId: string;
let noraId: string;
test.before(async () => {
  s = await startTestServer({ stripe: true });
  await connectStripe(s, 'acme');
  ada = await s.staffLogin(demoStaff.ada);
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  adaId = (await s.db.owner('staff_users').where({ email: demoStaff.ada.email }).first()).id;
  noraId = (await s.db.owner('contacts').where({ email: demo.nora.email }).first()).id;
  const token = await aPortalSession(s, { contact: noraId, impersonator: adaId });
  preview = s.portal('acme', token);
});
test.after.always(async () => s?.close());

const reads = async () => s.db.owner('announcement_reads').where({ contact_id: noraId }).pluck('announcement_id');
const readAudits = async () =>
  Number((await s.db.owner('audit_events').where({ action: 'announcement.read' }).count('* as n').first())!.n);

test.serial('reading an announcement in a preview answers as if read and stores no read receipt', async (t) => {
  const announcement = await ada.announcements.create({
    title: 'Office move',
    body: 'We move on Monday.',
    publish: true,
  });
  const [readsBefore, auditsBefore] = [await reads(), await readAudits()];
  const before = Date.now();
  const answer = await preview.announcements.markRead(announcement.id);
  t.like(answer, { id: announcement.id, title: 'Office move', body: 'We move on Monday.' });
  t.true(Date.parse(answer.read_at!) >= before - 1000, answer.read_at!);
  t.deepEqual(await reads(), readsBefore);
  t.is(await readAudits(), auditsBefore);
  // The client still sees it unread; their own read is the one that counts.
  t.is((await nora.announcements.list().toArray()).find((a) => a.id === announcement.id)!.read_at, null);
  const own = await nora.announcements.markRead(announcement.id);
  t.deepEqual(Object.keys(own).sort(), Object.keys(answer).sort());
  t.deepEqual(await reads(), [...readsBefore, announcement.id]);
  t.is(await readAudits(), auditsBefore + 1);
  // A preview re-reading it answers the client's own read time.
  t.is((await preview.announcements.markRead(announcement.id)).read_at, own.read_at);
});

test.serial(
  'a checkout opened in a preview and the payment it leads to record the previewing admin, on both sides',
  async (t) => {
    const invoice = await sentInvoice(s, { amount: 12_300, admin: ada });
    const session = await preview.invoices.checkout(invoice.id);
    const adaAsPreviewer = { id: adaId, name: 'Ada Admin' };
    t.deepEqual(session.previewed_by, adaAsPreviewer);
    t.is((await s.db.owner('checkout_sessions').where({ stripe_session_id: session.id }).first()).previewed_by, adaId);

    await s.stripe!.completeCheckout(session.id);
    await s.server.jobs.drain(); // the webhooks' job applies them
    const [payment] = await s.db.owner('payments').where({ invoice_id: invoice.id });
    t.like(payment, { amount: 12_300, method: 'stripe', previewed_by: adaId, contact_id: noraId });
    // The firm's side.
    t.deepEqual(
      (await ada.invoices.retrieve(invoice.id)).payments.map((p) => p.previewed_by),
      [adaAsPreviewer],
    );
    // The client's side: the invoice and the payment history.
    t.deepEqual(
      (await nora.invoices.retrieve(invoice.id)).payments.map((p) => p.previewed_by),
      [adaAsPreviewer],
    );
    const history = await nora.payments.list({ limit: 100 }).toArray();
    t.deepEqual(history.find((p) => p.invoice_id === invoice.id)!.previewed_by, adaAsPreviewer);
  },
);

test.serial('the client’s own checkout and payment say previewed_by null', async (t) => {
  const invoice = await sentInvoice(s, { amount: 4_500, admin: ada });
  const session = await nora.invoices.checkout(invoice.id);
  t.is(session.previewed_by, null);
  t.is((await s.db.owner('checkout_sessions').where({ stripe_session_id: session.id }).first()).previewed_by, null);
  await s.stripe!.completeCheckout(session.id);
  await s.server.jobs.drain(); // the webhooks' job applies them
  t.deepEqual(
    (await ada.invoices.retrieve(invoice.id)).payments.map((p) => p.previewed_by),
    [null],
  );
  t.deepEqual(
    (await nora.invoices.retrieve(invoice.id)).payments.map((p) => p.previewed_by),
    [null],
  );
  const manual = await ada.invoices.pay((await sentInvoice(s, { amount: 1_000, admin: ada })).id);
  t.is(manual.payment.previewed_by, null);
});
