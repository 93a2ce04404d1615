import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { PortalClient } from '../../../../sdk/portal-client.js';
import { formatCalendarDate, formatLocalMoney } from '../../../../sdk/format.js';
import type { InvoiceStatus, PortalInvoiceSummary } from '../../../../sdk/schemas/invoices.js';
import { CaseflowElement } from '../../base/element.js';
import { KeysetPager, pageSize } from '../../base/keyset-pager.js';
import { msg } from '../../base/localize.js';
import { canPay, downloadPdf, plainClick, startCheckout, statusLabel } from '../../shared/billing.js';
import { followReturn, type ReturnView } from '../../shared/checkout-return.js';
import { invoiceListStyles } from './invoice-list.styles.js';

const filterOrder: InvoiceStatus[] = ['unpaid', 'partially_paid', 'overdue', 'paid', 'cancelled'];

/**
 * The signed-in client's invoices, newest first, a page at a time, with a
 * status filter, each invoice's PDF and — when the firm takes online payments
 * and the invoice has a balance — a Pay button that opens Stripe Checkout.
 *
 * Back from Checkout (`?caseflow_checkout=success&caseflow_invoice=<id>`), the
 * invoice shows "Payment pending" until the firm's webhook has recorded the
 * payment (polled every 2 s for about two minutes), then its new state, and
 * `caseflow-paid` fires. `caseflow_checkout=cancelled` shows a short notice.
 *
 * Amounts are shown in each invoice's own currency (two currencies can sit side
 * by side) and formatted, like dates, in the firm's locale.
 *
 * @tag caseflow-invoice-list
 * @csspart base - Wrapper of everything; carries `aria-busy` and `data-state` (loading | ready | empty | error).
 * @csspart filter - The status filter `<select>`.
 * @csspart filter-label - The status filter's label.
 * @csspart table - The table; on a narrow widget (under 40rem) each invoice is a card of labelled values.
 * @csspart caption - The table's caption "Invoices" (visually hidden by default).
 * @csspart row - Each invoice row; carries `data-invoice-id`, `data-status` and `data-currency`.
 * @csspart status - Each status badge; also `status-<status>`, e.g. `status-overdue`, or `status-pending`.
 * @csspart invoice-link - The invoice number, when `invoice-href` is set.
 * @csspart pdf-link - Each row's PDF download, a link that looks like a button (44 px tap target).
 * @csspart pay - Each row's Pay button.
 * @csspart notice - Checkout outcome: pending, received, cancelled (`role="status"`).
 * @csspart message - The loading and empty messages (`role="status"`).
 * @csspart error - The region announcing a failure (`aria-live="assertive"`).
 * @csspart retry - The Retry button shown after a failure.
 * @csspart load-more - The "Load more" button, shown while there are more pages.
 * @event caseflow-error - A call failed; `detail` is `{ code, message, status? }`.
 * @event caseflow-checkout-started - Pay opened a Checkout Session; `detail` is `{ invoice_id, session_id }`.
 * @event caseflow-paid - Back from Checkout, the payment is recorded; `detail` is `{ invoice_id, amount_paid, status }`.
 * @cssprop --caseflow-color-success - Paid badge.
 * @cssprop --caseflow-color-warning - Partially paid badge.
 * @cssprop --caseflow-color-danger - Overdue badge and errors.
 * @cssprop --caseflow-color-muted - Cancelled badge, headings and messages.
 * @cssprop --caseflow-badge-radius - Corner radius of the badges (default 999px).
 */
export class CaseflowInvoiceList extends CaseflowElement {
  static override styles = invoiceListStyles;

  // Declared here rather than with decorators (see CaseflowElement).
  static override properties: PropertyDeclarations = {
    limit: { type: Number },
    status: {},
    invoiceHref: { attribute: 'invoice-href' },
    hideFilter: { type: Boolean, attribute: 'hide-filter' },
    checkout: { state: true },
    payingId: { state: true },
  };

  /** Invoices per page, 1 to 100. */
  limit = 25;

  /** Only invoices in this state; all of them when unset. The filter changes it. */
  status?: InvoiceStatus;

  /** Link each number to the invoice's page: `{id}` is replaced, e.g. `/clients/invoices/{id}`. */
  invoiceHref?: string;

  /** Hide the status filter. */
  hideFilter = false;

  /** Back from Checkout: the notice, and the invoice whose payment is awaited. */
  private checkout: ReturnView = { notice: () => '', tone: 'info' };
  /** The invoice whose Pay button was pressed (its Checkout is opening). */
  private payingId?: string;

  private readonly pager = new KeysetPager<PortalInvoiceSummary>(
    this,
    (cursor) =>
      this.client!.invoices.list({
        limit: pageSize(this.limit),
        ...(cursor ? { starting_after: cursor } : {}),
        ...(this.status ? { status: this.status } : {}),
      }),
    () => ({
      loading: msg('Loading invoices…'),
      loadMore: msg('Load more'),
      loadingMore: msg('Loading…'),
      statuses: {
        401: msg('Please sign in to see your invoices.'),
        402: msg("The client portal is not included in your firm's plan."),
      },
    }),
  );
  #returnHandled = false;

  // A new client (login, logout, other credentials), page size or filter: start over.
  protected override willUpdate(changed: PropertyValues): void {
    if (this.client && (changed.has('client') || changed.has('limit') || changed.has('status'))) {
      void this.pager.load(null);
    }
    if (this.client && !this.#returnHandled) void this.#handleReturn(this.client);
  }

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const { items, loading, state } = this.pager;
    return html`
      <div part="base" class="base" aria-busy=${loading} data-state=${state}>
        ${this.hideFilter ? nothing : this.#renderFilter()}
        <p part="notice" class="notice ${this.checkout.tone}" role="status">${this.checkout.notice()}</p>
        ${items.length ? this.#renderTable(items) : nothing}
        ${this.pager.status(this.status ? msg('No invoices in this state.') : msg('No invoices yet.'))}
      </div>
    `;
  }

  #renderFilter() {
    return html`
      <div class="field">
        <label part="filter-label" for="status-filter">${msg('Show')}</label>
        <select
          id="status-filter"
          part="filter"
          @change=${(event: Event) =>
            (this.status = ((event.target as HTMLSelectElement).value || undefined) as InvoiceStatus | undefined)}
        >
          <option value="" ?selected=${!this.status}>${msg('All invoices')}</option>
          ${filterOrder.map((s) => html`<option value=${s} ?selected=${this.status === s}>${statusLabel(s)}</option>`)}
        </select>
      </div>
    `;
  }

  #renderTable(invoices: PortalInvoiceSummary[]) {
    return html`
      <div class="scroller">
        <table part="table" class="stack">
          <caption part="caption" class="visually-hidden">
            ${msg('Invoices')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Number')}</th>
              <th scope="col">${msg('Status')}</th>
              <th scope="col">${msg('Issued')}</th>
              <th scope="col">${msg('Due')}</th>
              <th scope="col" class="amount">${msg('Total')}</th>
              <th scope="col" class="amount">${msg('Balance')}</th>
              <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${invoices.map((invoice) => this.#renderRow(invoice))}
          </tbody>
        </table>
      </div>
    `;
  }

  #renderRow(invoice: PortalInvoiceSummary) {
    const locale = this.effectiveLocale;
    // Money keeps its own direction (left to right, isolated) in a right-to-left row.
    const money = (amount: number) => html`<bdi dir="ltr">${formatLocalMoney(amount, invoice.currency, locale)}</bdi>`;
    const date = (value: string) => html`<time datetime=${value}>${formatCalendarDate(value, locale)}</time>`;
    const pending = invoice.id === this.checkout.pendingId;
    const href = this.invoiceHref?.replaceAll('{id}', encodeURIComponent(invoice.id));
    return html`
      <tr part="row" data-invoice-id=${invoice.id} data-status=${invoice.status} data-currency=${invoice.currency}>
        <th scope="row" data-field="number" data-label=${msg('Number')}>
          ${href ? html`<a part="invoice-link" href=${href}>${invoice.number}</a>` : invoice.number}
        </th>
        <td data-field="status" data-label=${msg('Status')}>
          ${
            pending
              ? html`<span part="status status-pending" class="badge pending">${msg('Payment pending')}</span>`
              : html`<span part="status status-${invoice.status}" class="badge ${invoice.status}">
                  ${statusLabel(invoice.status)}
                </span>`
          }
        </td>
        <td data-field="issue-date" class="date" data-label=${msg('Issued')}>${date(invoice.issue_date)}</td>
        <td data-field="due-date" class="date" data-label=${msg('Due')}>
          ${
            invoice.due_date
              ? date(invoice.due_date)
              : html`<span aria-hidden="true">—</span><span class="visually-hidden">${msg('No due date')}</span>`
          }
        </td>
        <td data-field="total" class="amount" data-label=${msg('Total')}>${money(invoice.total)}</td>
        <td data-field="amount-due" class="amount" data-label=${msg('Balance')}>${money(invoice.amount_due)}</td>
        <td data-field="actions" class="actions">
          <a
            part="pdf-link"
            class="button"
            href=${this.client?.invoices.pdfUrl(invoice.id) ?? nothing}
            download="${invoice.number}.pdf"
            aria-label=${msg('PDF of invoice {number}', { number: invoice.number })}
            @click=${(event: MouseEvent) => this.#onPdf(event, invoice)}
            >${msg('PDF')}</a
          >
          ${
            canPay(this.profile, invoice) && !pending
              ? html`<button
                  part="pay"
                  class="small"
                  type="button"
                  aria-label=${msg('Pay invoice {number}', { number: invoice.number })}
                  ?disabled=${this.payingId !== undefined}
                  @click=${() => this.#pay(invoice)}
                >
                  ${this.payingId === invoice.id ? msg('Opening payment…') : msg('Pay')}
                </button>`
              : nothing
          }
        </td>
      </tr>
    `;
  }

  async #onPdf(event: MouseEvent, invoice: PortalInvoiceSummary): Promise<void> {
    if (!this.client || !plainClick(event)) return;
    event.preventDefault();
    try {
      await downloadPdf(this.client, invoice);
    } catch (error) {
      this.pager.fail(error);
    }
  }

  async #pay(invoice: PortalInvoiceSummary): Promise<void> {
    if (!this.client || this.payingId) return;
    this.payingId = invoice.id;
    this.pager.error = undefined;
    try {
      await startCheckout(this, this.client, invoice);
    } catch (error) {
      this.payingId = undefined;
      this.pager.fail(error);
    }
  }

  /** Back from Checkout: the notices, the pending invoice watched until its payment is recorded, then its new figures. */
  async #handleReturn(client: PortalClient): Promise<void> {
    this.#returnHandled = true;
    const paid = await followReturn(this, client, (view) => (this.checkout = view));
    if (!paid) return;
    const { invoice } = paid;
    // The row takes the new figures (a full invoice has every field of a summary).
    this.pager.items = this.pager.items.map((row) => (row.id === invoice.id ? invoice : row));
    this.requestUpdate();
    paid.announce();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-invoice-list': CaseflowInvoiceList;
  }
}
