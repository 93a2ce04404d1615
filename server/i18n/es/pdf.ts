// Machine-drafted; see README "Languages" for how a firm corrects a translation.
import type { Catalog } from '../../../sdk/i18n.js';

/** The invoice PDF (server/modules/invoices/pdf.ts). */
export default {
  Unpaid: 'Pendiente de pago',
  'Partially paid': 'Pagada parcialmente',
  Paid: 'Pagada',
  Overdue: 'Vencida',
  Cancelled: 'Anulada',
  Card: 'Tarjeta',
  'Bank transfer': 'Transferencia bancaria',
  Check: 'Cheque',
  Cheque: 'Cheque',
  Cash: 'Efectivo',
  Other: 'Otro',
  'Invoice {number} · {firm}': 'Factura {number} · {firm}',
  Invoice: 'Factura',
  'Invoice number': 'Número de factura',
  Status: 'Estado',
  'Issue date': 'Fecha de emisión',
  'Due date': 'Fecha de vencimiento',
  'Bill to': 'Facturar a',
  Description: 'Descripción',
  Qty: 'Cant.',
  'Unit price': 'Precio unitario',
  Tax: 'Impuesto',
  Amount: 'Importe',
  Subtotal: 'Subtotal',
  Total: 'Total',
  'Amount paid': 'Importe pagado',
  'Balance due': 'Saldo pendiente',
  'Payments received': 'Pagos recibidos',
  'Remit to': 'Enviar el pago a',
  'Please note': 'Tenga en cuenta',
  'How to pay': 'Cómo pagar',
  'Payment instructions updated {date}': 'Instrucciones de pago actualizadas el {date}',
  Note: 'Nota',
} satisfies Catalog;

/** Entries that are rightly the same as English (names, codes, words both languages share). */
// Cheque, a word Spanish shares; Subtotal and Total, the same words in Spanish.
export const sameAsEnglish: readonly string[] = ['Cheque', 'Subtotal', 'Total'];
