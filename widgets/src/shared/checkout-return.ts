// Coming back from Stripe Checkout. The success and cancel URLs are this page's
// own address plus `caseflow_checkout=success|cancelled&caseflow_invoice=<id>`.
// Stripe's webhook, not the redirect, records the payment: until it has, the
// invoice shows "Payment pending", and the widgets poll it.
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalInvoice } from '../../../sdk/schemas/invoices.js';

export const STATE = 'caseflow_checkout';
export const INVOICE = 'caseflow_invoice';

export interface CheckoutReturn {
  state: 'success' | 'cancelled';
  invoiceId: string;
}

/** The Checkout this page came back from, if any. */
export function checkoutReturn(): CheckoutReturn | undefined {
  const params = new URLSearchParams(location.search);
  const state = params.get(STATE);
  const invoiceId = params.get(INVOICE);
  if ((state !== 'success' && state !== 'cancelled') || !invoiceId) return undefined;
  return { state, invoiceId };
}

/** What a widget shows while it follows a return from Checkout. */
export interface ReturnView {
  /** The notice in the page's language of the moment. */
  notice: () => string;
  tone: 'info' | 'paid';
  /** The invoice shown as "Payment pending" while its payment is awaited. */
  pendingId?: string;
}

/** The invoice once its payment is recorded, and what the widget calls once it shows the new figures. */
export interface ReturnResult {
  invoice: PortalInvoice;
  /** Fires `caseflow-paid` from the widget, if it started the watch (one event per return). */
  announce: () => void;
}

/**
 * Back from Checkout (for `invoiceId`, when given): the notices (through
 * `show`) while the payment is watched, then the invoice once the webhook has
 * recorded it. Without our parameters in the address this resolves at once
 * with nothing, and the flow's code (payment-watch.ts) is never fetched; if it
 * cannot be fetched, the widget shows what it would without a return.
 */
export async function followReturn(
  host: HTMLElement,
  client: PortalClient,
  show: (view: ReturnView) => void,
  invoiceId?: string,
): Promise<ReturnResult | undefined> {
  const back = checkoutReturn();
  if (!back || (invoiceId !== undefined && back.invoiceId !== invoiceId)) return undefined;
  const flow = await import('./payment-watch.js').catch(() => undefined);
  return flow?.follow(host, client, back, show);
}
