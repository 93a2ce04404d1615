// Coming back from Stripe Checkout. The success and cancel URLs are this page's
// own address plus `caseflow_checkout=success|cancelled&caseflow_invoice=<id>`.
// Stripe's webhook, not the redirect, records the payment: until it has, the
// invoice shows "Payment pending", and the widgets poll it.
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalInvoice } from '../../../sdk/schemas/invoices.js';

const STATE = 'caseflow_checkout';
const INVOICE = 'caseflow_invoice';
export const storageKey = (invoiceId: string) => `caseflow.checkout:${invoiceId}`;

export interface CheckoutReturn {
  state: 'success' | 'cancelled';
  invoiceId: string;
}

/** This page's address without our parameters: where Checkout sends the contact back. */
export function returnUrl(href = location.href): string {
  const url = new URL(href);
  url.searchParams.delete(STATE);
  url.searchParams.delete(INVOICE);
  return url.href;
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
  notice: string;
  tone: 'info' | 'paid';
  /** The invoice shown as "Payment pending" while its payment is awaited. */
  pendingId?: string;
}

/** The invoice once its payment is recorded, and whether this widget announces it (`caseflow-paid`). */
export interface ReturnResult {
  invoice: PortalInvoice;
  owner: boolean;
}

/**
 * Back from Checkout (for `invoiceId`, when given): the notices (through
 * `show`) while the payment is watched, then the invoice once the webhook has
 * recorded it. Without our parameters in the address this resolves at once
 * with nothing, and the flow's code (payment-watch.ts) is never fetched; if it
 * cannot be fetched, the widget shows what it would without a return.
 */
export async function followReturn(
  client: PortalClient,
  show: (view: ReturnView) => void,
  invoiceId?: string,
): Promise<ReturnResult | undefined> {
  const back = checkoutReturn();
  if (!back || (invoiceId !== undefined && back.invoiceId !== invoiceId)) return undefined;
  const flow = await import('./payment-watch.js').catch(() => undefined);
  return flow?.follow(client, back, show);
}
