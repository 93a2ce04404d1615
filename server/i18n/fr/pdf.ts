// Machine-drafted; see README "Languages" for how a firm corrects a translation.
import type { Catalog } from '../../../sdk/i18n.js';

/** The invoice PDF (server/modules/invoices/pdf.ts). */
export default {
  Unpaid: 'Impayée',
  'Partially paid': 'Partiellement payée',
  Paid: 'Payée',
  Overdue: 'En retard',
  Cancelled: 'Annulée',
  Card: 'Carte',
  'Bank transfer': 'Virement bancaire',
  Check: 'Chèque',
  Cheque: 'Chèque',
  Cash: 'Espèces',
  Other: 'Autre',
  'Invoice {number} · {firm}': 'Facture {number} · {firm}',
  Invoice: 'Facture',
  'Invoice number': 'Numéro de facture',
  Status: 'Statut',
  'Issue date': 'Date d’émission',
  'Due date': 'Date d’échéance',
  'Bill to': 'Facturé à',
  Description: 'Description',
  Qty: 'Qté',
  'Unit price': 'Prix unitaire',
  Tax: 'Taxe',
  Amount: 'Montant',
  Subtotal: 'Sous-total',
  Total: 'Total',
  'Amount paid': 'Montant payé',
  'Balance due': 'Solde dû',
  'Payments received': 'Paiements reçus',
  'Remit to': 'Adresse de paiement',
  'Please note': 'À noter',
  'How to pay': 'Comment payer',
  'Payment instructions updated {date}': 'Instructions de paiement mises à jour le {date}',
  Note: 'Note',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
// Description, Total and Note: the same words in French.
export const sameAsEnglish: readonly string[] = ['Description', 'Total', 'Note'];
