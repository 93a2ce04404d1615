import type { List } from '../schemas/common.js';
import type { PortalPaymentHistoryItem, PortalPaymentListQuery } from '../schemas/payments.js';
import { ListPromise } from '../pagination.js';
import type { Transport } from '../transport.js';

export class PortalPayments {
  constructor(private readonly transport: Transport) {}

  /**
   * Every payment on the client's issued invoices, newest first, with the invoice it paid.
   * @example for await (const payment of portal.payments.list()) console.log(payment.invoice_number, payment.amount);
   */
  list(query: PortalPaymentListQuery = {}): ListPromise<PortalPaymentHistoryItem> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<PortalPaymentHistoryItem>>({
        method: 'GET',
        path: '/portal/payments',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }
}
