/**
 * Sending (numbering at first send, never reused; emails to the right
 * contacts, over SMTP), cancelling, and manual payments. Serial: invoice
 * numbers are per firm, so concurrent sends would interleave them.
 */
import test from 'ava';
import { ConflictError, NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { aClient, aContact } from '../../helpers/factories/index.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
let ada: AdminClient;

test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url } });
  ada = await s.staffLogin(demoStaff.ada);
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

async function clientWithContacts() {
  const client = await aClient(s, { admin: ada });
  const yes = await aContact(s, { admin: ada, client, first_name: 'Yara' });
  const no = await aContact(s, { admin: ada, client, first_name: 'Nils', receives_invoice_emails: false });
  const gone = await aContact(s, { admin: ada, client, first_name: 'Gwen' });
  await ada.contacts.deactivate(gone.id);
  return { client, yes, no, gone };
}

const oneLine = [{ description: 'Advice', quantity: '2', unit_price: 15000 }];

async function nextNumberAfter(): Promise<number> {
  const rows = await s.db.owner('invoices').whereNotNull('number').whereLike('number', 'INV-%').select('number');
  return Math.max(...rows.map((r) => Number(r.number.slice(4))));
}

test.serial('send — numbers are assigned at first send, in order, from the counter; drafts have none', async (t) => {
  const { client } = await clientWithContacts();
  const last = await nextNumberAfter();
  const a = await ada.invoices.create({ client_id: client.id, lines: oneLine });
  const b = await ada.invoices.create({ client_id: client.id, lines: oneLine });
  t.is(a.number, null);
  // Sent in the other order than created: the number follows the sending.
  const sentB = await ada.invoices.send(b.id);
  const sentA = await ada.invoices.send(a.id);
  t.is(sentB.number, `INV-${String(last + 1).padStart(4, '0')}`);
  t.is(sentA.number, `INV-${String(last + 2).padStart(4, '0')}`);
  t.like(sentA, { status: 'unpaid', sent: true, amount_due: 30000 });
  t.truthy(sentA.sent_at);
  t.is(sentA.sent_at, sentA.last_sent_at);
});

test.serial(
  'send — a number is never reused: a cancelled invoice keeps its number and the next send takes a new one',
  async (t) => {
    const { client } = await clientWithContacts();
    const a = await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
    await ada.invoices.cancel(a.id);
    const b = await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
    t.not(b.number, a.number);
    t.is(Number(b.number!.slice(4)), Number(a.number!.slice(4)) + 1);
    t.is((await ada.invoices.retrieve(a.id)).number, a.number);
    const acme = await s.db.owner('tenants').where({ slug: 'acme' }).first();
    const counter = await s.db.owner('invoice_counters').where({ tenant_id: acme.id }).first();
    t.is(Number(counter.last_number), Number(b.number!.slice(4)));
  },
);

test.serial(
  'send — emails each active contact who receives invoice emails; re-send keeps the status and emails again',
  async (t) => {
    const { client, yes } = await clientWithContacts();
    await s.server.jobs.drain();
    smtp.messages.length = 0;
    const draft = await ada.invoices.create({ client_id: client.id, due_date: '2099-01-31', lines: oneLine });
    const sent = await ada.invoices.send(draft.id);
    await s.server.jobs.drain();
    t.deepEqual(
      smtp.messages.map((m) => [m.to, m.subject]),
      [[yes.email, `Invoice ${sent.number} from Acme Law`]],
    );
    t.regex(smtp.messages[0]!.text, /Hello Yara,/);
    t.regex(smtp.messages[0]!.text, /Amount due: \$300\.00, due Jan 31, 2099\./);
    t.true(smtp.messages[0]!.text.includes(`/clients/invoices/${draft.id}\n`));

    await ada.invoices.pay(sent.id, { amount: 10000 });
    const again = await ada.invoices.send(draft.id);
    t.like(again, { number: sent.number, status: 'partially_paid', sent_at: sent.sent_at });
    t.true(again.last_sent_at! > sent.last_sent_at!);
    await s.server.jobs.drain();
    t.is(smtp.messages.length, 2);
    t.regex(smtp.messages[1]!.text, /Amount due: \$200\.00, due Jan 31, 2099\./);
    const actions = await s.db
      .owner('audit_events')
      .where({ subject_id: draft.id })
      .orderBy('occurred_at')
      .pluck('action');
    t.deepEqual(actions, ['invoice.created', 'invoice.sent', 'invoice.payment_recorded', 'invoice.resent']);
  },
);

test.serial(
  'send — when the firm gave payment instructions the email says the invoice page shows how to pay, without them',
  async (t) => {
    const { client } = await clientWithContacts();
    const acme = s.db.owner('tenants').where({ slug: 'acme' });
    const columns = ['payment_bank_details', 'payment_remit_to', 'payment_notes'] as const;
    const before = await acme.clone().first(...columns);
    const sendOne = async () => {
      await s.server.jobs.drain();
      smtp.messages.length = 0;
      await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
      await s.server.jobs.drain();
      t.is(smtp.messages.length, 1);
      return smtp.messages[0]!.text;
    };
    try {
      await acme.clone().update({
        payment_bank_details: 'Acme Law LLP\nAccount 12345678',
        payment_remit_to: null,
        payment_notes: null,
      });
      const text = await sendOne();
      t.true(text.includes('Amount due: $300.00.\n\nHow to pay is on the invoice page.\n\n'), text);
      t.false(text.includes('12345678'), 'the bank details themselves stay off the email');
      await acme.clone().update({ payment_bank_details: null });
      t.false((await sendOne()).includes('How to pay'));
    } finally {
      await acme.clone().update(before);
    }
  },
);

test.serial(
  'send — a new invoice prefix (a firm setting) applies to numbers given from then on; the counter goes on',
  async (t) => {
    const { client } = await clientWithContacts();
    const before = await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
    const updated = await ada.settings.update({ invoice_prefix: 'ACME/26-' });
    t.is(updated.invoice_prefix, 'ACME/26-');
    try {
      const after = await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
      t.is(after.number, `ACME/26-${String(Number(before.number!.slice(4)) + 1).padStart(4, '0')}`);
      t.is((await ada.invoices.retrieve(before.id)).number, before.number);
      const error = await t.throwsAsync(ada.settings.update({ invoice_prefix: 'INV 2026' }), {
        instanceOf: ValidationError,
      });
      t.is(error.params[0]!.path, 'body.invoice_prefix');
    } finally {
      await ada.settings.update({ invoice_prefix: 'INV-' });
    }
  },
);

test.serial('cancel — only sent invoices without payments; a cancelled one cannot be re-sent or paid', async (t) => {
  const { client } = await clientWithContacts();
  const draft = await ada.invoices.create({ client_id: client.id, lines: oneLine });
  const notSent = await t.throwsAsync(ada.invoices.cancel(draft.id), { instanceOf: ConflictError });
  t.is(notSent!.code, 'invoice_not_sent');

  const sent = await ada.invoices.send(draft.id);
  const cancelled = await ada.invoices.cancel(sent.id);
  t.like(cancelled, { status: 'cancelled', amount_due: 0, number: sent.number });
  t.truthy(cancelled.cancelled_at);
  for (const [call, code] of [
    [() => ada.invoices.cancel(sent.id), 'invoice_already_cancelled'],
    [() => ada.invoices.send(sent.id), 'invoice_cancelled'],
    [() => ada.invoices.pay(sent.id), 'invoice_not_payable'],
  ] as const) {
    const error = await t.throwsAsync(call(), { instanceOf: ConflictError });
    t.is(error!.code, code);
  }

  const paid = await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
  await ada.invoices.pay(paid.id);
  t.is((await t.throwsAsync(ada.invoices.cancel(paid.id), { instanceOf: ConflictError }))!.code, 'invoice_paid');
  const part = await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
  await ada.invoices.pay(part.id, { amount: 1 });
  const partError = await t.throwsAsync(ada.invoices.cancel(part.id), { instanceOf: ConflictError });
  t.is(partError!.code, 'invoice_has_payments');
  t.is(partError!.message, 'This invoice has received payments: a partly paid invoice cannot be cancelled.');
});

test.serial('pay — partial then the rest by default; above the balance refused with nothing written', async (t) => {
  const { client } = await clientWithContacts();
  const invoice = await ada.invoices.send((await ada.invoices.create({ client_id: client.id, lines: oneLine })).id);
  const first = await ada.invoices.pay(invoice.id, {
    amount: 12345,
    paid_at: '2026-11-20',
    mode: 'bank_transfer',
    transaction_id: 'TX-1',
    note: 'Wire from their Zurich account',
  });
  t.like(first.payment, {
    invoice_id: invoice.id,
    amount: 12345,
    currency: 'USD',
    method: 'manual',
    mode: 'bank_transfer',
    transaction_id: 'TX-1',
    note: 'Wire from their Zurich account',
    paid_at: '2026-11-20T00:00:00.000Z',
    refunded_amount: 0,
  });
  t.like(first.invoice, { status: 'partially_paid', amount_paid: 12345, amount_due: 17655 });

  const above = await t.throwsAsync(ada.invoices.pay(invoice.id, { amount: 17656 }), { instanceOf: ValidationError });
  t.is(above!.code, 'amount_exceeds_balance');
  t.is(above!.message, 'The payment of 176.56 USD is more than the balance due of 176.55 USD.');
  t.is((await s.db.owner('payments').where({ invoice_id: invoice.id })).length, 1);

  const rest = await ada.invoices.pay(invoice.id);
  t.like(rest.payment, { amount: 17655, mode: null, note: null });
  t.like(rest.invoice, { status: 'paid', amount_paid: 30000, amount_due: 0 });
  t.deepEqual(
    rest.invoice.payments.map((p) => p.amount),
    [12345, 17655],
  );
  const none = await t.throwsAsync(ada.invoices.pay(invoice.id), { instanceOf: ConflictError });
  t.is(none!.code, 'invoice_not_payable');
  await t.throwsAsync(ada.invoices.pay('00000000-0000-4000-8000-000000000000'), { instanceOf: NotFoundError });
  const draft = await ada.invoices.create({ client_id: client.id, lines: oneLine });
  const draftError = await t.throwsAsync(ada.invoices.pay(draft.id), { instanceOf: ConflictError });
  t.is(draftError!.message, 'This invoice is a draft: send it before recording a payment.');
});

test.serial('pay — the internal payment note never reaches the portal', async (t) => {
  const noraClient = await s.db.owner('clients').where({ name: 'Northwind Traders' }).first();
  const invoice = await ada.invoices.send((await ada.invoices.create({ client_id: noraClient.id, lines: oneLine })).id);
  await ada.invoices.pay(invoice.id, { amount: 100, note: 'PAYMENT-NOTE-SECRET' });
  const nora = s.portal('acme');
  await nora.auth.login({ email: 'nora@northwind.example', password: 'northwind-portal-2026' });
  const detail = await nora.invoices.retrieve(invoice.id);
  t.is(detail.payments.length, 1);
  t.false(JSON.stringify(detail).includes('PAYMENT-NOTE-SECRET'));
});

test.serial(
  'send — each firm has its own prefix and counter: Bluebird continues after its seeded BB-0001',
  async (t) => {
    const bea = await s.staffLogin(demoStaff.bea);
    const [initech] = (await bea.clients.list()).data;
    const draft = await bea.invoices.create({ client_id: initech!.id, lines: oneLine });
    t.is(draft.currency, 'GBP');
    t.is((await bea.invoices.send(draft.id)).number, 'BB-0002');
  },
);
