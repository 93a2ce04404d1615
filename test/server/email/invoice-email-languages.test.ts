/**
 * The invoice email in its reader's language, over SMTP: one invoice of
 * 462.50 USD from Acme (en-US), sent to a contact who reads Spanish, one who
 * reads Arabic and one who chose nothing (the firm's English). Each says the
 * amount and the due date in its own locale; the Arabic HTML is right to left
 * with the amount isolated.
 */
import test from 'ava';
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

const RLM = '\u200f';
const NBSP = '\u00a0';

async function sentInvoice() {
  const client = await aClient(s, { admin: ada });
  const sofia = await aContact(s, { admin: ada, client, first_name: 'Sofía', language: 'es' });
  const sara = await aContact(s, { admin: ada, client, first_name: 'سارة', language: 'ar' });
  const emma = await aContact(s, { admin: ada, client, first_name: 'Emma', language: null });
  const draft = await ada.invoices.create({
    client_id: client.id,
    due_date: '2099-03-15',
    lines: [{ description: 'Advice', quantity: '1', unit_price: 46250 }],
  });
  const invoice = await ada.invoices.send(draft.id);
  await s.server.jobs.drain();
  return {
    number: invoice.number!,
    es: await smtp.waitFor(sofia.email),
    ar: await smtp.waitFor(sara.email),
    en: await smtp.waitFor(emma.email),
  };
}

test('an invoice email to a contact who reads Spanish is in Spanish, its amount and date in Spanish form', async (t) => {
  const { number, es } = await sentInvoice();
  t.is(es.subject, `Factura ${number} de Acme Law`);
  t.true(es.text.startsWith('Hola, Sofía:\n\n'), es.text);
  t.true(
    es.text.includes(
      `Acme Law le ha enviado la factura ${number}. Importe adeudado: 462,50${NBSP}US$, vence el 15 mar 2099.`,
    ),
    es.text,
  );
  t.true(es.text.includes('Ver la factura: http'), es.text);
  t.true(es.html.includes('<html lang="es" dir="ltr"><body dir="ltr"'), es.html);
  t.false(es.text.includes('Amount due'));
});

test('an invoice email to a contact who reads Arabic is in Arabic, right to left, the amount kept left to right', async (t) => {
  const { number, ar } = await sentInvoice();
  t.is(ar.subject, `الفاتورة ${number} من Acme Law`);
  t.true(ar.text.startsWith('مرحبًا سارة،\n\n'), ar.text);
  t.true(
    ar.text.includes(
      `أرسل إليك Acme Law الفاتورة ${number}. المبلغ المستحق: ${RLM}462.50${NBSP}US$، تاريخ الاستحقاق 15${RLM}/03${RLM}/2099.`,
    ),
    ar.text,
  );
  t.true(ar.text.includes('اعرض الفاتورة: http'), ar.text);
  t.true(ar.html.includes('<html lang="ar" dir="rtl"><body dir="rtl"'), ar.html);
  t.true(ar.html.includes(`المبلغ المستحق: <bdi>${RLM}462.50${NBSP}US$</bdi>`), ar.html);
});

test('the English invoice email of an en-US firm says "Amount due: $462.50" and the date in US form', async (t) => {
  const { number, en } = await sentInvoice();
  t.is(en.subject, `Invoice ${number} from Acme Law`);
  t.true(en.text.startsWith('Hello Emma,\n\n'), en.text);
  t.true(en.text.includes(`Acme Law has sent you invoice ${number}. Amount due: $462.50, due Mar 15, 2099.`), en.text);
  t.true(en.html.includes('<html lang="en-US" dir="ltr">'), en.html);
});
