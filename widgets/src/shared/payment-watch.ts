// After a return from Stripe Checkout (checkout-return.ts imports this on
// demand): the notices, and the invoice polled until the webhook has recorded the payment.
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalInvoice } from '../../../sdk/schemas/invoices.js';
import { msg } from '../base/localize.js';
import { CaseflowPaidEvent } from '../events/caseflow-paid.js';
import type { CheckoutReturn, ReturnResult, ReturnView } from './checkout-return.js';
import { returnUrl, storageKey } from './checkout-url.js';

// The notices after a return from Checkout (shown only then, so they are fetched
// only then), as functions: the page's language may change while one shows.
const pendingNotice = () => msg('Thank you. Your payment is being confirmed; this page updates when it is.');
const stillPending = () =>
  msg('Your payment is still being confirmed. It will show here once the firm has received it.');
const cancelledNotice = () => msg('Payment cancelled. You have not been charged.');

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
async function pollPayment(client: PortalClient, invoiceId: string): Promise<PortalInvoice | null> {
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

/** Drops our parameters from the address bar, so a reload does not show the notice again. */
export function forgetReturn(): void {
  const clean = returnUrl();
  if (clean !== location.href) history.replaceState(history.state, '', clean);
}

export interface PaymentWatch {
  /** The invoice once the payment is recorded, or null when it did not show in time. */
  result: Promise<PortalInvoice | null>;
  /** Whether this caller started the watch (and so reports `caseflow-paid`): one event per return. */
  owner: boolean;
}

const watches = new Map<string, Promise<PortalInvoice | null>>();

/**
 * Polls the invoice every 2 s, for about two minutes, until its payment is
 * recorded; two widgets showing the same invoice share one watch.
 */
export function watchPayment(client: PortalClient, invoiceId: string): PaymentWatch {
  const running = watches.get(invoiceId);
  if (running) return { result: running, owner: false };
  const result = pollPayment(client, invoiceId);
  watches.set(invoiceId, result);
  return { result, owner: true };
}

/** The return flow of followReturn (checkout-return.ts). */
export async function follow(
  host: HTMLElement,
  client: PortalClient,
  back: CheckoutReturn,
  show: (view: ReturnView) => void,
): Promise<ReturnResult | undefined> {
  if (back.state === 'cancelled') {
    show({ notice: cancelledNotice, tone: 'info' });
    forgetReturn();
    return undefined;
  }
  show({ notice: pendingNotice, tone: 'info', pendingId: back.invoiceId });
  const watch = watchPayment(client, back.invoiceId);
  const invoice = await watch.result;
  forgetReturn();
  if (!invoice) {
    show({ notice: stillPending, tone: 'info' });
    return undefined;
  }
  show({
    notice: () => msg('Payment received for invoice {number}. Thank you.', { number: invoice.number }),
    tone: 'paid',
  });
  const announce = () =>
    watch.owner &&
    host.dispatchEvent(
      new CaseflowPaidEvent({ invoice_id: invoice.id, amount_paid: invoice.amount_paid, status: invoice.status }),
    );
  return { invoice, announce };
}
