// What the billing widgets share: status words, who may pay what, the invoice
// PDF download, sending the contact to Stripe Checkout.
// The two actions' code (billing-actions.ts) is fetched when a contact takes one.
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { InvoiceStatus, PortalInvoiceSummary } from '../../../sdk/schemas/invoices.js';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';
import { msg } from '../base/localize.js';

/** An invoice's state in words, in the page's language (an unknown state as the API names it). */
export const statusLabel = (status: InvoiceStatus): string =>
  ({
    unpaid: msg('Unpaid'),
    partially_paid: msg('Partially paid'),
    paid: msg('Paid'),
    overdue: msg('Overdue'),
    cancelled: msg('Cancelled'),
  })[status] ?? status;

/** The states in which an invoice can still be paid. */
const payable = new Set<InvoiceStatus>(['unpaid', 'partially_paid', 'overdue']);

/**
 * Whether to offer a Pay button: the firm has connected Stripe, the contact may
 * see invoices, and the invoice is open with something left to pay.
 */
export function canPay(
  profile: PortalProfile | undefined,
  invoice: Pick<PortalInvoiceSummary, 'status' | 'amount_due'>,
): boolean {
  return (
    !!profile?.firm.payments_enabled &&
    profile.permissions.includes('invoices') &&
    payable.has(invoice.status) &&
    invoice.amount_due > 0
  );
}

/**
 * Downloads the PDF through the client, so bearer sessions (which a plain link
 * cannot carry) work too. The code is fetched on the first download
 * (billing-actions.ts): most visits never download a PDF.
 */
export async function downloadPdf(client: PortalClient, invoice: { id: string; number: string }): Promise<void> {
  return (await actions()).savePdf(client, invoice);
}

const actions = () => import('./billing-actions.js');

/** A plain click (no modifier, main button): the widget downloads; others keep the link's own behaviour. */
export const plainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/**
 * Opens a Checkout Session for the invoice and sends the browser to it, back to
 * this page afterwards. `amount` (minor units) pays part of the balance. The
 * code is fetched when Pay is pressed (billing-actions.ts).
 */
export async function startCheckout(
  host: HTMLElement,
  client: PortalClient,
  invoice: { id: string; amount_paid: number },
  amount?: number,
): Promise<void> {
  return (await actions()).openCheckout(host, client, invoice, amount);
}
