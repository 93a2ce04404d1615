// What the billing widgets share: status words, who may pay what, the invoice
// PDF download, sending the contact to Stripe Checkout, and who paid in a preview.
// The two actions' code (billing-actions.ts) is fetched when a contact takes one.
import { html, nothing } from 'lit';
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { InvoiceStatus, PortalInvoiceSummary } from '../../../sdk/schemas/invoices.js';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';

export const statusLabels: Record<InvoiceStatus, string> = {
  unpaid: 'Unpaid',
  partially_paid: 'Partially paid',
  paid: 'Paid',
  overdue: 'Overdue',
  cancelled: 'Cancelled',
};

export const billingMessages = {
  pay: 'Pay',
  paying: 'Opening payment…',
  pdf: 'PDF',
  pdfOf: (number: string) => `PDF of invoice ${number}`,
  payInvoice: (number: string) => `Pay invoice ${number}`,
  pending: 'Payment pending',
};

/**
 * Beside a payment's method, the admin who made it in a preview ("login as
 * client"): " — by {admin}, previewing" (DESIGN §2: both sides see it). Plain
 * text in the cell, so a screen reader reads it with the method; `message` is
 * the widget's own sentence.
 */
export function previewedBy(who: { name: string } | null | undefined, message: (admin: string) => string) {
  return who ? html`<span part="previewed-by" class="previewed"> — ${message(who.name)}</span>` : nothing;
}

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

/** The PDF's URL: works as a plain link with the hosted portal's cookie. */
export function pdfHref(client: PortalClient, id: string): string {
  return client.invoices.pdfUrl(id);
}

/**
 * Downloads the PDF through the client, so bearer sessions (which a plain link
 * cannot carry) work too. The code is fetched on the first download
 * (billing-actions.ts): most visits never download a PDF.
 */
export async function downloadPdf(client: PortalClient, invoice: { id: string; number: string }): Promise<void> {
  const { savePdf } = await import('./billing-actions.js');
  return savePdf(client, invoice);
}

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
  const { openCheckout } = await import('./billing-actions.js');
  return openCheckout(host, client, invoice, amount);
}
