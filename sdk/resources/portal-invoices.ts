import type { PortalInvoice, PortalInvoiceListQuery, PortalInvoiceSummary } from '../schemas/invoices.js';
import type { CheckoutRequest, CheckoutSession } from '../schemas/payments.js';
import type { ListPromise } from '../pagination.js';
import type { IdempotentOptions } from '../transport.js';
import type { RouteCaller } from '../call.js';
import type { portalRoutes } from '../routes/portal.js';

export class PortalInvoices {
  constructor(private readonly api: RouteCaller<typeof portalRoutes>) {}

  /**
   * The client's issued invoices, newest first.
   * @example for await (const invoice of portal.invoices.list({ status: 'unpaid' })) console.log(invoice.number);
   */
  list(query: PortalInvoiceListQuery = {}): ListPromise<PortalInvoiceSummary> {
    return this.api.list('portalListInvoices', { query });
  }

  /**
   * One invoice with its lines and payments.
   * @example const invoice = await portal.invoices.retrieve(id);
   */
  retrieve(id: string): Promise<PortalInvoice> {
    return this.api.call('portalRetrieveInvoice', { params: { id } });
  }

  /**
   * The invoice as a PDF, as bytes (in a browser: `new Blob([bytes], { type: 'application/pdf' })`).
   * @example fs.writeFileSync('invoice.pdf', Buffer.from(await portal.invoices.pdf(id)));
   */
  pdf(id: string): Promise<ArrayBuffer> {
    return this.api.call('portalInvoicePdf', { params: { id } });
  }

  /**
   * The PDF's address, for a plain link: it works with the hosted portal's cookie (a bearer session needs `pdf`).
   * @example html`<a href=${portal.invoices.pdfUrl(id)}>PDF</a>`
   */
  pdfUrl(id: string): string {
    return this.api.url('portalInvoicePdf', { params: { id } });
  }

  /**
   * Opens a Stripe Checkout Session for the invoice's balance (or `amount`, where the firm allows partial
   * payments) and answers the page to send the client to. Sent with an Idempotency-Key (yours, or one made
   * here and reused on retries), so a retried call never opens a second session.
   * @example const { url } = await portal.invoices.checkout(id, { return_url: location.href }); location.assign(url);
   */
  checkout(id: string, body: CheckoutRequest = {}, options: IdempotentOptions = {}): Promise<CheckoutSession> {
    return this.api.call('portalCreateCheckout', { params: { id }, body, idempotencyKey: options.idempotencyKey });
  }
}
