// The payment watch after a return from Stripe Checkout (checkout-return.ts
// imports it on demand): polls the invoice until the webhook has recorded the payment.
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalInvoice } from '../../../sdk/schemas/invoices.js';
import { storageKey } from './checkout-return.js';

const POLL_MS = 2000;
const POLLS = 60; // about two minutes

function paidBefore(invoiceId: string): number | undefined {
  try {
    const value = sessionStorage.getItem(storageKey(invoiceId));
    return value === null ? undefined : Number(value);
  } catch {
    return undefined;
  }
}

function forgetCheckout(invoiceId: string): void {
  try {
    sessionStorage.removeItem(storageKey(invoiceId));
  } catch {
    /* no storage */
  }
}

/**
 * Whether the webhook has recorded the payment: more was paid than before
 * Checkout; without that figure, the invoice is paid or has an online payment
 * from the last half hour.
 */
function recorded(invoice: PortalInvoice, before: number | undefined): boolean {
  if (before !== undefined && Number.isFinite(before)) return invoice.amount_paid > before;
  return (
    invoice.status === 'paid' ||
    invoice.payments.some((p) => p.method === 'stripe' && Date.now() - Date.parse(p.paid_at) < 30 * 60_000)
  );
}

/** The invoice once its payment is recorded, or null when it did not show in about two minutes. */
export async function pollPayment(client: PortalClient, invoiceId: string): Promise<PortalInvoice | null> {
  const before = paidBefore(invoiceId);
  for (let attempt = 0; attempt < POLLS; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    try {
      const invoice = await client.invoices.retrieve(invoiceId);
      if (recorded(invoice, before)) {
        forgetCheckout(invoiceId);
        return invoice;
      }
    } catch {
      // A dropped connection or a busy server: the next poll tries again.
    }
  }
  return null;
}
