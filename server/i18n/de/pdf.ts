// Machine-drafted; see README "Languages" for how a firm corrects a translation.
import type { Catalog } from '../../../sdk/i18n.js';

/** The invoice PDF (server/modules/invoices/pdf.ts). */
export default {
  Unpaid: 'Offen',
  'Partially paid': 'Teilweise bezahlt',
  Paid: 'Bezahlt',
  Overdue: 'Überfällig',
  Cancelled: 'Storniert',
  Card: 'Karte',
  'Bank transfer': 'Banküberweisung',
  Check: 'Scheck',
  Cheque: 'Scheck',
  Cash: 'Bargeld',
  Other: 'Sonstige',
  'Invoice {number} · {firm}': 'Rechnung {number} · {firm}',
  Invoice: 'Rechnung',
  'Invoice number': 'Rechnungsnummer',
  Status: 'Status',
  'Issue date': 'Rechnungsdatum',
  'Due date': 'Fälligkeitsdatum',
  'Bill to': 'Rechnungsempfänger',
  Description: 'Beschreibung',
  Qty: 'Menge',
  'Unit price': 'Einzelpreis',
  Tax: 'Steuer',
  Amount: 'Betrag',
  Subtotal: 'Zwischensumme',
  Total: 'Gesamtbetrag',
  'Amount paid': 'Bezahlter Betrag',
  'Balance due': 'Offener Betrag',
  'Payments received': 'Erhaltene Zahlungen',
  'Remit to': 'Zahlungsanschrift',
  'Please note': 'Bitte beachten',
  'How to pay': 'So bezahlen Sie',
  'Payment instructions updated {date}': 'Zahlungsinformationen aktualisiert am {date}',
  Note: 'Hinweis',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
// Status: the same word in German.
export const sameAsEnglish: readonly string[] = ['Status'];
