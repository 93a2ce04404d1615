// After a return from Stripe Checkout (checkout-return.ts imports this on
// demand): the notices, and the invoice polled until the webhook has recorded the payment.
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalInvoice } from '../../../sdk/schemas/invoices.js';
import { billingMessages } from './billing.js';
import {
  forgetReturn,
  storageKey,
  watchPayment,
  type CheckoutReturn,
  type ReturnResult,
  type ReturnView,
} from './checkout-return.js';

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

/** The return flow of followReturn (checkout-return.ts). */
export async function follow(
  client: PortalClient,
  back: CheckoutReturn,
  show: (view: ReturnView) => void,
): Promise<ReturnResult | undefined> {
  if (back.state === 'cancelled') {
    show({ notice: billingMessages.cancelledNotice, tone: 'info' });
    forgetReturn();
    return undefined;
  }
  show({ notice: billingMessages.pendingNotice, tone: 'info', pendingId: back.invoiceId });
  const watch = watchPayment(client, back.invoiceId);
  const invoice = await watch.result;
  forgetReturn();
  if (!invoice) {
    show({ notice: billingMessages.stillPending, tone: 'info' });
    return undefined;
  }
  show({ notice: billingMessages.paidNotice(invoice.number), tone: 'paid' });
  return { invoice, owner: watch.owner };
}
