/** What a widget reports when it sends the contact to Stripe Checkout. */
export interface CheckoutStartedDetail {
  /** The invoice being paid. */
  invoice_id: string;
  /** The Stripe Checkout Session (cs_…) the contact is sent to. */
  session_id: string;
}

/**
 * A Pay button opened a Checkout Session; the page is about to go to Stripe.
 * Listeners run before the browser leaves (record analytics, save state).
 */
export class CaseflowCheckoutStartedEvent extends CustomEvent<CheckoutStartedDetail> {
  static readonly type = 'caseflow-checkout-started';
  constructor(detail: CheckoutStartedDetail) {
    super(CaseflowCheckoutStartedEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-checkout-started': CaseflowCheckoutStartedEvent;
  }
}
