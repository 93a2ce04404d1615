import type { PortalPaymentHistoryItem, PortalPaymentListQuery } from '../schemas/payments.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { portalRoutes } from '../routes/portal.js';

export class PortalPayments {
  constructor(private readonly api: RouteCaller<typeof portalRoutes>) {}

  /**
   * Every payment on the client's issued invoices, newest first, with the invoice it paid.
   * @example for await (const payment of portal.payments.list()) console.log(payment.invoice_number, payment.amount);
   */
  list(query: PortalPaymentListQuery = {}): ListPromise<PortalPaymentHistoryItem> {
    return this.api.list('portalListPayments', { query });
  }
}
