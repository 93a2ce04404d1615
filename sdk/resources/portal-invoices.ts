import type { PortalInvoice, PortalInvoiceListQuery, PortalInvoiceSummary } from '../schemas/invoices.js';
import type { List } from '../schemas/common.js';
import type { CheckoutRequest, CheckoutSession } from '../schemas/payments.js';
import { ListPromise } from '../pagination.js';
import { seg, type IdempotentOptions, type Transport } from '../transport.js';

export class PortalInvoices {
  constructor(private readonly transport: Transport) {}

  /**
   * The client's issued invoices, newest first.
   * @example for await (const invoice of portal.invoices.list({ status: 'unpaid' })) console.log(invoice.number);
   */
  list(query: PortalInvoiceListQuery = {}): ListPromise<PortalInvoiceSummary> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<PortalInvoiceSummary>>({
        method: 'GET',
        path: '/portal/invoices',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * One invoice with its lines and payments.
   * @example const invoice = await portal.invoices.retrieve(id);
   */
  retrieve(id: string): Promise<PortalInvoice> {
    return this.transport.request<PortalInvoice>({ method: 'GET', path: `/portal/invoices/${seg(id)}` });
  }

  /**
   * The invoice as a PDF, as bytes (in a browser: `new Blob([bytes], { type: 'application/pdf' })`).
   * @example fs.writeFileSync('invoice.pdf', Buffer.from(await portal.invoices.pdf(id)));
   */
  pdf(id: string): Promise<ArrayBuffer> {
    return this.transport.request<ArrayBuffer>({
      method: 'GET',
      path: `/portal/invoices/${seg(id)}/pdf`,
      headers: { accept: 'application/pdf, application/json' },
      binary: true,
    });
  }

  /**
   * Opens a Stripe Checkout Session for the invoice's balance (or `amount`, where the firm allows partial
   * payments) and answers the page to send the client to. Sent with an Idempotency-Key (yours, or one made
   * here and reused on retries), so a retried call never opens a second session.
   * @example const { url } = await portal.invoices.checkout(id, { return_url: location.href }); location.assign(url);
   */
  checkout(id: string, body: CheckoutRequest = {}, options: IdempotentOptions = {}): Promise<CheckoutSession> {
    return this.transport.request<CheckoutSession>({
      method: 'POST',
      path: `/portal/invoices/${seg(id)}/checkout`,
      body,
      idempotent: true,
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    });
  }
}
