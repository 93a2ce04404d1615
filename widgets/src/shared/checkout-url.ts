// What only the two sides of a Checkout need (billing-actions.ts leaving for it,
// payment-watch.ts coming back): kept out of the code every billing page loads.
import { INVOICE, STATE } from './checkout-return.js';

/** Where the balance paid before leaving for Checkout is remembered for the invoice. */
export const storageKey = (invoiceId: string) => `caseflow.checkout:${invoiceId}`;

/** This page's address without our parameters: where Checkout sends the contact back. */
export function returnUrl(href = location.href): string {
  const url = new URL(href);
  url.searchParams.delete(STATE);
  url.searchParams.delete(INVOICE);
  return url.href;
}
