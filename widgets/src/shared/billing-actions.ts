// The billing widgets' two actions, fetched when a contact takes one
// (billing.ts): saving an invoice's PDF, and leaving for Stripe Checkout.
import type { PortalClient } from '../../../sdk/portal-client.js';
import { CaseflowCheckoutStartedEvent } from '../events/caseflow-checkout-started.js';
import { returnUrl, storageKey } from './checkout-url.js';

/**
 * The invoice's PDF fetched as bytes through the client, saved from a
 * temporary blob URL.
 */
export async function savePdf(client: PortalClient, invoice: { id: string; number: string }): Promise<void> {
  const bytes = await client.invoices.pdf(invoice.id);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${invoice.number.replace(/[^A-Za-z0-9._-]+/g, '-') || 'invoice'}.pdf`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give the browser a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// sessionStorage may be unavailable (privacy settings, sandboxed frames): then
// the watch falls back to the invoice's own state.
function rememberCheckout(invoiceId: string, amountPaid: number): void {
  try {
    sessionStorage.setItem(storageKey(invoiceId), String(amountPaid));
  } catch {
    /* no storage */
  }
}

/**
 * Opens a Checkout Session for the invoice and sends the browser to it, back to
 * this page afterwards, announced with `caseflow-checkout-started`.
 */
export async function openCheckout(
  host: HTMLElement,
  client: PortalClient,
  invoice: { id: string; amount_paid: number },
  amount?: number,
): Promise<void> {
  const session = await client.invoices.checkout(invoice.id, {
    return_url: returnUrl(),
    ...(amount !== undefined ? { amount } : {}),
  });
  rememberCheckout(invoice.id, invoice.amount_paid);
  host.dispatchEvent(new CaseflowCheckoutStartedEvent({ invoice_id: invoice.id, session_id: session.id }));
  location.assign(session.url);
}
