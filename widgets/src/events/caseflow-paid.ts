import type { InvoiceStatus } from '../../../sdk/schemas/invoices.js';

/** The invoice as it stands once the payment is recorded. */
export interface PaidDetail {
  invoice_id: string;
  /** Everything paid on the invoice so far, in minor units of its currency. */
  amount_paid: number;
  /** `paid`, or `partially_paid` after a partial payment. */
  status: InvoiceStatus;
}

/**
 * Back from Stripe Checkout, the firm has recorded the payment (its webhook
 * arrived). Fired once per return, by the widget that watched for it.
 */
export class CaseflowPaidEvent extends CustomEvent<PaidDetail> {
  static readonly type = 'caseflow-paid';
  constructor(detail: PaidDetail) {
    super(CaseflowPaidEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-paid': CaseflowPaidEvent;
  }
}
