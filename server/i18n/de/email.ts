// Machine-drafted; see README "Languages" for how a firm corrects a translation.
// The emails (server/modules/email/templates.ts, server/modules/tenants/settings-email.ts).
import type { Catalog } from '../../../sdk/i18n.js';

export default {
  'Hello {name},': 'Hallo {name},',
  'This link works once and expires in 48 hours.': 'Dieser Link funktioniert einmal und läuft in 48 Stunden ab.',
  "You're invited to {firm} on CaseFlow": 'Sie sind zu {firm} auf CaseFlow eingeladen',
  '{firm} has invited you to its CaseFlow workspace. Choose a password to get started.':
    '{firm} hat Sie in seinen CaseFlow-Arbeitsbereich eingeladen. Wählen Sie ein Passwort, um loszulegen.',
  'Set your password': 'Passwort festlegen',
  'If you did not expect this invitation, ignore this email.':
    'Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.',
  'Your client portal at {firm}': 'Ihr Mandantenportal bei {firm}',
  '{firm} has opened a client portal for you: your invoices, documents and more in one place. Choose a password to log in.':
    '{firm} hat ein Mandantenportal für Sie eingerichtet: Ihre Rechnungen, Dokumente und mehr an einem Ort. Wählen Sie ein Passwort, um sich anzumelden.',
  'If you did not expect this email, you can ignore it.':
    'Wenn Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.',
  'Reset your {firm} portal password': 'Setzen Sie Ihr Passwort für das Portal von {firm} zurück',
  'Someone asked to reset the password of your {firm} client portal account.':
    'Jemand hat angefordert, das Passwort Ihres Kontos im Mandantenportal von {firm} zurückzusetzen.',
  'Choose a new password': 'Neues Passwort wählen',
  'If you did not ask for this, ignore this email: your password stays as it is.':
    'Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
  'Payment received: Invoice {number}': 'Zahlung erhalten: Rechnung {number}',
  'We received your payment of {amount} for Invoice {number}. Thank you.':
    'Wir haben Ihre Zahlung von {amount} für Rechnung {number} erhalten. Vielen Dank.',
  'The invoice is now paid in full.': 'Die Rechnung ist jetzt vollständig bezahlt.',
  'The balance still due is {amount}.': 'Der noch offene Betrag beträgt {amount}.',
  'View your invoices': 'Ihre Rechnungen ansehen',
  'Keep this email as your receipt. Card payments are processed by Stripe.':
    'Bewahren Sie diese E-Mail als Beleg auf. Kartenzahlungen werden von Stripe abgewickelt.',
  'Invoice {number} from {firm}': 'Rechnung {number} von {firm}',
  '{firm} has sent you invoice {number}. Amount due: {amount}, due {date}.':
    '{firm} hat Ihnen die Rechnung {number} gesendet. Fälliger Betrag: {amount}, fällig am {date}.',
  '{firm} has sent you invoice {number}. Amount due: {amount}.':
    '{firm} hat Ihnen die Rechnung {number} gesendet. Fälliger Betrag: {amount}.',
  'How to pay is on the invoice page.': 'Wie Sie bezahlen können, steht auf der Seite der Rechnung.',
  'View the invoice': 'Rechnung ansehen',
  'You receive this email because your firm lists you as a recipient of its invoices.':
    'Sie erhalten diese E-Mail, weil Ihre Kanzlei Sie als Empfänger ihrer Rechnungen führt.',
  'Bank details': 'Bankverbindung',
  Notes: 'Hinweise',
  'A staff user': 'Ein Mitarbeiter',
  'The API key "{name}"': 'Der API-Schlüssel „{name}“',
  'An API key': 'Ein API-Schlüssel',
  '(none)': '(keine)',
  '{actor} changed the payment instructions of {firm} on {when}. Clients now see the new text on every invoice they can pay.':
    '{actor} hat die Zahlungsanweisungen von {firm} am {when} geändert. Mandanten sehen den neuen Text jetzt auf jeder Rechnung, die sie bezahlen können.',
  'If you did not expect this change, contact the firm’s other admins at once: changed bank details are how invoice fraud works.':
    'Wenn Sie diese Änderung nicht erwartet haben, wenden Sie sich sofort an die anderen Administratoren der Kanzlei: Geänderte Bankdaten sind die Masche des Rechnungsbetrugs.',
  'Was:': 'Vorher:',
  'Now:': 'Jetzt:',
  'Payment instructions were changed at {firm}': 'Die Zahlungsanweisungen von {firm} wurden geändert',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
export const sameAsEnglish: readonly string[] = [];
