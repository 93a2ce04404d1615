/**
 * The emails as their readers get them, rendered directly: staff in the
 * firm's language, contacts in their own, money and moments in the reader's
 * locale and the firm's time zone, every value escaped and isolated in the HTML.
 */
import test from 'ava';
import { contactReader, staffReader } from '../../../server/i18n/reader.js';
import { contactWelcome, passwordReset, paymentReceipt, staffInvite } from '../../../server/modules/email/templates.js';
import { paymentInstructionsChanged } from '../../../server/modules/tenants/settings-email.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const url = 'https://portal.example/clients/set-password#token=abc';

test('a staff invitation of a German firm is in German, its HTML in lang de-DE, left to right', (t) => {
  const mail = staffInvite({
    reader: staffReader({ locale: 'de-DE', timezone: 'Europe/Berlin' }),
    firm: 'Kanzlei Müller',
    firstName: 'Jörg',
    url,
  });
  t.is(mail.subject, 'Sie sind zu Kanzlei Müller auf CaseFlow eingeladen');
  t.is(
    mail.text,
    [
      'Hallo Jörg,',
      'Kanzlei Müller hat Sie in seinen CaseFlow-Arbeitsbereich eingeladen. Wählen Sie ein Passwort, um loszulegen.',
      `Passwort festlegen: ${url}`,
      'Dieser Link funktioniert einmal und läuft in 48 Stunden ab. Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.',
      '— Kanzlei Müller',
    ].join('\n\n') + '\n',
  );
  t.true(mail.html.startsWith('<!doctype html>\n<html lang="de-DE" dir="ltr"><body dir="ltr"'), mail.html);
});

test('a welcome and a reset to a contact who reads French are in French, whatever the firm’s language', (t) => {
  const reader = contactReader('fr', { locale: 'en-US', timezone: 'America/New_York' });
  const welcome = contactWelcome({ reader, firm: 'Acme Law', firstName: 'Zoé', url });
  t.is(welcome.subject, 'Votre portail client chez Acme Law');
  t.true(welcome.text.startsWith('Bonjour Zoé,\n\nAcme Law vous a ouvert un portail client : '), welcome.text);
  t.true(welcome.html.includes('<html lang="fr" dir="ltr">'));
  const reset = passwordReset({ reader, firm: 'Acme Law', firstName: 'Zoé', url });
  t.is(reset.subject, 'Réinitialisez le mot de passe de votre portail Acme Law');
  t.true(reset.text.includes(`Choisir un nouveau mot de passe: ${url}`), reset.text);
});

test('a payment receipt in Arabic is right to left, the amounts in the Arabic locale and isolated in the HTML', (t) => {
  const reader = contactReader('ar', { locale: 'en-US', timezone: 'UTC' });
  const mail = paymentReceipt({
    reader,
    firm: 'Acme <Law>',
    firstName: 'سارة',
    invoiceNumber: 'INV-0042',
    amount: 25000,
    balance: 21250,
    currency: 'USD',
    url: 'https://portal.example/clients/invoices',
  });
  t.is(mail.subject, 'تم استلام الدفعة: الفاتورة INV-0042');
  t.true(mail.text.includes(`استلمنا دفعتك البالغة \u200f250.00${NBSP}US$ عن الفاتورة INV-0042. شكرًا لك.`), mail.text);
  t.true(mail.text.includes(`الرصيد المستحق المتبقي هو \u200f212.50${NBSP}US$.`), mail.text);
  t.true(mail.html.includes('<html lang="ar" dir="rtl"><body dir="rtl"'));
  t.true(mail.html.includes(`<p>الرصيد المستحق المتبقي هو <bdi>\u200f212.50${NBSP}US$</bdi>.</p>`), mail.html);
  t.true(mail.html.includes('<h1 style="font-size: 18px">Acme &#60;Law&#62;</h1>'));
  t.false(mail.html.includes('<Law>'));
});

test('the English receipt of an en-US firm writes "$250.00", and "paid in full" when nothing is left', (t) => {
  const mail = paymentReceipt({
    reader: contactReader(null, { locale: 'en-US', timezone: 'America/New_York' }),
    firm: 'Acme Law',
    firstName: 'Nora',
    invoiceNumber: 'INV-0001',
    amount: 25000,
    balance: 0,
    currency: 'USD',
    url: 'https://portal.example/clients/invoices',
  });
  t.true(
    mail.text.includes(
      'We received your payment of $250.00 for Invoice INV-0001. Thank you.\n\nThe invoice is now paid in full.',
    ),
  );
});

test('the payment-instructions warning of a Spanish firm names the API key and the moment in es-ES and its time zone', (t) => {
  const mail = paymentInstructionsChanged({
    reader: staffReader({ locale: 'es-ES', timezone: 'Europe/Madrid' }),
    firm: 'Bufete Núñez',
    firstName: 'Inés',
    changedBy: { kind: 'api_key', name: 'Contabilidad' },
    changedAt: new Date('2026-05-04T13:05:00Z'),
    old: { bank_details: 'IBAN ES00 1111', remit_to: null, notes: null },
    new: { bank_details: 'IBAN ES00 2222', remit_to: null, notes: null },
  });
  t.is(mail.subject, 'Se cambiaron las instrucciones de pago de Bufete Núñez');
  t.true(
    mail.text.startsWith(
      'Hola, Inés:\n\nLa clave de API «Contabilidad» cambió las instrucciones de pago de Bufete Núñez el 4 de mayo de 2026 a las 15:05 (Europe/Madrid). ',
    ),
    mail.text,
  );
  t.true(mail.text.includes('Datos bancarios\nAntes:\nIBAN ES00 1111\nAhora:\nIBAN ES00 2222'), mail.text);
  t.false(mail.text.includes(NNBSP));
});
