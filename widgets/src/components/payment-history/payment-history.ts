import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { PortalPaymentHistoryItem } from '../../../../sdk/schemas/payments.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { KeysetPager, pageSize } from '../../base/keyset-pager.js';
import { paymentMode, previewedBy } from '../../shared/payment-modes.js';
import { paymentHistoryStyles } from './payment-history.styles.js';
import { formatLocalMoney, formatTimestampDate } from '../../../../sdk/format.js';

// Every sentence this widget shows, in one place for review and translation;
// getters, so each reading is in the page's language of the moment.
const messages = {
  get caption() {
    return msg('Payments');
  },
  get date() {
    return msg('Date');
  },
  get invoice() {
    return msg('Invoice');
  },
  get method() {
    return msg('Method');
  },
  get amount() {
    return msg('Amount');
  },
  get refunded() {
    return msg('Refunded');
  },
  get loading() {
    return msg('Loading payments…');
  },
  get empty() {
    return msg('No payments yet.');
  },
  get loadMore() {
    return msg('Load more');
  },
  get loadingMore() {
    return msg('Loading…');
  },
  get planUpgrade() {
    return msg("The client portal is not included in your firm's plan.");
  },
  get signIn() {
    return msg('Please sign in to see your payments.');
  },
};

/**
 * The client's payment history across invoices, newest first, a page at a
 * time: date (in the firm's time zone), invoice, method (with "by {admin},
 * previewing" for a payment an admin made in a preview), amount and any
 * refunded part.
 *
 * @tag caseflow-payment-history
 * @csspart base - Wrapper; carries `aria-busy` and `data-state` (loading | ready | empty | error).
 * @csspart table - The table; on a narrow widget (under 40rem) each payment is a card of labelled values.
 * @csspart caption - The table's caption "Payments" (visually hidden).
 * @csspart row - Each payment; carries `data-payment-id`, `data-invoice-id` and `data-method`.
 * @csspart invoice-link - The invoice number, when `invoice-href` is set.
 * @csspart previewed-by - In a payment's method, "by {admin}, previewing" when an admin paid in a preview ("login as client").
 * @csspart message - Loading and empty messages (`role="status"`).
 * @csspart error - Failures (`aria-live="assertive"`).
 * @csspart retry - Retry after a failure.
 * @csspart load-more - "Load more", while there are more pages.
 * @event caseflow-error - A page failed to load; `detail` is `{ code, message, status? }`.
 */
export class CaseflowPaymentHistory extends CaseflowElement {
  static override styles = paymentHistoryStyles;

  // Declared here rather than with decorators (see CaseflowElement).
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    invoiceHref: { attribute: 'invoice-href' },
  };

  /** Payments per page, 1 to 100. */
  limit = 25;

  /** Link each invoice number to the invoice's page: `{id}` is replaced, e.g. `/clients/invoices/{id}`. */
  invoiceHref?: string;

  private readonly pager = new KeysetPager<PortalPaymentHistoryItem>(
    this,
    (cursor) =>
      this.client!.payments.list({ limit: pageSize(this.limit), ...(cursor ? { starting_after: cursor } : {}) }),
    () => ({ ...messages, statuses: { 401: messages.signIn, 402: messages.planUpgrade } }),
  );

  protected override willUpdate(changed: PropertyValues): void {
    if (this.client && (changed.has('client') || changed.has('limit'))) void this.pager.load(null);
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const { items, loading, state } = this.pager;
    return html`
      <div part="base" class="base" aria-busy=${loading} data-state=${state}>
        ${items.length ? this.renderTable(items) : nothing} ${this.pager.status(messages.empty)}
      </div>
    `;
  }

  private renderTable(payments: PortalPaymentHistoryItem[]) {
    const refunds = payments.some((p) => p.refunded_amount > 0);
    const locale = this.effectiveLocale;
    const timeZone = this.profile?.firm.timezone;
    return html`
      <div class="scroller">
        <table part="table" class="stack">
          <caption part="caption" class="visually-hidden">
            ${messages.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${messages.date}</th>
              <th scope="col">${messages.invoice}</th>
              <th scope="col">${messages.method}</th>
              <th scope="col" class="amount">${messages.amount}</th>
              ${refunds ? html`<th scope="col" class="amount">${messages.refunded}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${payments.map((p) => {
              const href = this.invoiceHref?.replaceAll('{id}', encodeURIComponent(p.invoice_id));
              // Money keeps its own direction (left to right, isolated) in a right-to-left row.
              const money = (amount: number) =>
                html`<bdi dir="ltr">${formatLocalMoney(amount, p.currency, locale)}</bdi>`;
              return html`
                <tr part="row" data-payment-id=${p.id} data-invoice-id=${p.invoice_id} data-method=${p.method}>
                  <td data-field="paid-at" class="date" data-label=${messages.date}>
                    <time datetime=${p.paid_at}>${formatTimestampDate(p.paid_at, locale, timeZone)}</time>
                  </td>
                  <th scope="row" data-field="invoice" data-label=${messages.invoice}>
                    ${href ? html`<a part="invoice-link" href=${href}>${p.invoice_number}</a>` : p.invoice_number}
                  </th>
                  <td data-field="method" data-label=${messages.method}>
                    <span>${paymentMode(p.mode, locale)}${previewedBy(p.previewed_by)}</span>
                  </td>
                  <td data-field="amount" class="amount" data-label=${messages.amount}>${money(p.amount)}</td>
                  ${
                    refunds
                      ? html`<td data-field="refunded" class="amount" data-label=${messages.refunded}>
                          ${p.refunded_amount ? money(p.refunded_amount) : ''}
                        </td>`
                      : nothing
                  }
                </tr>
              `;
            })}
          </tbody>
        </table>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-payment-history': CaseflowPaymentHistory;
  }
}
