import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { PortalClient } from '../../../../sdk/portal-client.js';
import type { PortalProfile } from '../../../../sdk/schemas/portal-profile.js';
import type { PortalPaymentHistoryItem } from '../../../../sdk/schemas/portal-billing.js';
import { clientContext, profileContext } from '../../shared/context.js';
import { formatTimestampDate } from '../../shared/dates.js';
import { describeError, type ErrorDetail } from '../../shared/errors.js';
import { usableLocale } from '../../shared/locale.js';
import { formatMinorUnits } from '../../shared/money.js';
import { billingMessages } from '../../shared/billing.js';
import { CaseflowErrorEvent } from '../../events/caseflow-error.js';
import { paymentHistoryStyles } from './payment-history.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  caption: 'Payments',
  date: 'Date',
  invoice: 'Invoice',
  method: 'Method',
  amount: 'Amount',
  refunded: 'Refunded',
  loading: 'Loading payments…',
  empty: 'No payments yet.',
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  retry: 'Retry',
  planUpgrade: "The client portal is not included in your firm's plan.",
  signIn: 'Please sign in to see your payments.',
  noPortal: 'This list must be placed inside <caseflow-portal>.',
};

/**
 * The client's payment history across invoices, newest first, a page at a
 * time: date (in the firm's time zone), invoice, method, amount and any
 * refunded part.
 *
 * @csspart base - Wrapper; carries `aria-busy` and `data-state` (loading | ready | empty | error).
 * @csspart table - The table; `caption` its caption "Payments" (visually hidden).
 * @csspart row - Each payment; carries `data-payment-id`, `data-invoice-id` and `data-method`.
 * @csspart invoice-link - The invoice number, when `invoice-href` is set.
 * @csspart message - Loading and empty messages (`role="status"`).
 * @csspart error - Failures (`aria-live="assertive"`).
 * @csspart retry - Retry after a failure.
 * @csspart load-more - "Load more", while there are more pages.
 * @event caseflow-error - A page failed to load; `detail` is `{ code, message, status? }`.
 */
export class CaseflowPaymentHistory extends LitElement {
  static override styles = paymentHistoryStyles;

  /** Payments per page, 1 to 100. */
  @property({ type: Number }) limit = 25;

  /** BCP 47 locale for money and dates; defaults to the firm's locale. */
  @property() locale?: string;

  /** Link each invoice number to the invoice's page: `{id}` is replaced, e.g. `/clients/invoices/{id}`. */
  @property({ attribute: 'invoice-href' }) invoiceHref?: string;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client?: PortalClient;

  @consume({ context: profileContext, subscribe: true })
  @state()
  private profile?: PortalProfile;

  @state() private payments: PortalPaymentHistoryItem[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = false;
  @state() private error?: ErrorDetail;

  private failedCursor: string | null = null;
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.client) this.error = { code: 'no_portal', message: messages.noPortal };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.client && (changed.has('client') || changed.has('limit'))) void this.load(null);
  }

  protected override render() {
    const state = this.error ? 'error' : this.loading ? 'loading' : this.payments.length ? 'ready' : 'empty';
    return html`
      <div part="base" class="base" aria-busy=${this.loading ? 'true' : 'false'} data-state=${state}>
        ${this.payments.length ? this.renderTable() : nothing}
        <p part="message" class="message" role="status">
          ${state === 'loading' && !this.payments.length ? messages.loading : state === 'empty' ? messages.empty : ''}
        </p>
        <p part="error" class="error" aria-live="assertive">${this.error?.message ?? ''}</p>
        ${
          this.error && this.error.status !== 402 && this.error.code !== 'no_portal'
            ? html`<button part="retry" class="secondary" type="button" @click=${this.retry}>${messages.retry}</button>`
            : nothing
        }
        ${
          this.nextCursor && !this.error
            ? html`<button part="load-more" class="secondary" type="button" @click=${this.loadMore}>
                ${this.loading ? messages.loadingMore : messages.loadMore}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  private renderTable() {
    const refunds = this.payments.some((p) => p.refunded_amount > 0);
    const locale = usableLocale(this.locale) ?? usableLocale(this.profile?.firm.locale);
    const timeZone = this.profile?.firm.timezone;
    return html`
      <div class="scroller">
        <table part="table">
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
            ${this.payments.map((p) => {
              const href = this.invoiceHref?.replaceAll('{id}', encodeURIComponent(p.invoice_id));
              const money = (amount: number) => formatMinorUnits(amount, p.currency, locale);
              return html`
                <tr part="row" data-payment-id=${p.id} data-invoice-id=${p.invoice_id} data-method=${p.method}>
                  <td data-field="paid-at" class="date">
                    <time datetime=${p.paid_at}>${formatTimestampDate(p.paid_at, locale, timeZone)}</time>
                  </td>
                  <th scope="row" data-field="invoice">
                    ${href ? html`<a part="invoice-link" href=${href}>${p.invoice_number}</a>` : p.invoice_number}
                  </th>
                  <td data-field="method">${billingMessages.methods[p.method] ?? p.method}</td>
                  <td data-field="amount" class="amount">${money(p.amount)}</td>
                  ${
                    refunds
                      ? html`<td data-field="refunded" class="amount">
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

  private loadMore = (): void => {
    if (!this.loading && this.nextCursor) void this.load(this.nextCursor);
  };

  private retry = (): void => {
    void this.load(this.failedCursor);
  };

  private async load(cursor: string | null): Promise<void> {
    const client = this.client;
    if (!client) return;
    const generation = ++this.generation;
    this.loading = true;
    this.error = undefined;
    if (cursor === null) {
      this.payments = [];
      this.nextCursor = null;
    }
    try {
      const limit = Math.min(100, Math.max(1, Math.trunc(this.limit) || 25));
      const page = await client.payments.list({ limit, ...(cursor ? { starting_after: cursor } : {}) });
      if (generation !== this.generation) return;
      this.payments = cursor ? [...this.payments, ...page.data] : page.data;
      this.nextCursor = page.has_more ? page.next_cursor : null;
    } catch (error) {
      if (generation !== this.generation) return;
      this.failedCursor = cursor;
      this.error = describeError(error, { 401: messages.signIn, 402: messages.planUpgrade });
      this.dispatchEvent(new CaseflowErrorEvent(this.error));
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-payment-history': CaseflowPaymentHistory;
  }
}
