// How a payment arrived (its `mode`) named for people, and who paid in a
// preview: the invoice and the payment history show them; kept out of the code
// every billing widget shares, because the invoice list has no payments to name.
import { html, nothing } from 'lit';
import { msg } from '../base/localize.js';

/**
 * Beside a payment's method, the admin who made it in a preview ("login as
 * client"): " — by {admin}, previewing" (DESIGN §2: both sides see it). Plain
 * text in the cell, so a screen reader reads it with the method.
 */
export function previewedBy(who: { name: string } | null | undefined) {
  return who
    ? html`<span part="previewed-by" class="previewed"> — ${msg('by {admin}, previewing', { admin: who.name })}</span>`
    : nothing;
}

/**
 * The mode's name in the page's language; US English writes "Check", as the
 * invoice's PDF does, every other English "Cheque".
 */
export function paymentMode(mode: string, locale: string | undefined): string {
  if (mode === 'check' && /-US\b/i.test(locale ?? '')) return msg('Check');
  const names: Record<string, string> = {
    card: msg('Card'),
    bank_transfer: msg('Bank transfer'),
    check: msg('Cheque'),
    cash: msg('Cash'),
  };
  return names[mode] ?? msg('Other');
}
