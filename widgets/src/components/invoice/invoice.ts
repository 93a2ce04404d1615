import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { PortalClient } from '../../../../sdk/portal-client.js';
import {
  formatCalendarDate,
  formatLocalMoney,
  formatMinor,
  formatTimestampDate,
  parseTypedAmount,
} from '../../../../sdk/format.js';
import type { PortalProfile } from '../../../../sdk/schemas/portal-auth.js';
import type { PortalInvoice } from '../../../../sdk/schemas/invoices.js';
import { clientContext, profileContext } from '../../base/context.js';
import { describeError, type ErrorDetail } from '../../base/errors.js';
import { usableLocale } from '../../base/locale.js';
import {
  billingMessages,
  canPay,
  downloadPdf,
  pdfHref,
  plainClick,
  startCheckout,
  previewedBy,
  statusLabels,
} from '../../shared/billing.js';
import { checkoutReturn, forgetReturn, watchPayment } from '../../shared/checkout-return.js';
import { CaseflowErrorEvent } from '../../events/caseflow-error.js';
import { CaseflowPaidEvent } from '../../events/caseflow-paid.js';
import { invoiceStyles } from './invoice.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  invoice: (number: string) => `Invoice ${number}`,
  issued: 'Issued',
  due: 'Due',
  noDueDate: 'No due date',
  lines: 'Lines',
  description: 'Description',
  quantity: 'Quantity',
  unitPrice: 'Unit price',
  tax: 'Tax',
  amount: 'Amount',
  subtotal: 'Subtotal',
  total: 'Total',
  paid: 'Paid',
  balance: 'Balance',
  note: 'Note from the firm',
  payments: 'Payments',
  date: 'Date',
  method: 'Method',
  noPayments: 'No payments yet.',
  previewedBy: (admin: string) => `by ${admin}, previewing`,
  amountToPay: 'Amount to pay',
  amountHint: (min: string, max: string) => `Between ${min} and ${max}.`,
  amountInvalid: (min: string, max: string) => `Enter an amount between ${min} and ${max}.`,
  payAmount: (amount: string) => `Pay ${amount}`,
  loading: 'Loading the invoice…',
  retry: 'Retry',
  missingId: 'Set the invoice-id attribute to the invoice to show.',
  planUpgrade: "The client portal is not included in your firm's plan.",
  signIn: 'Please sign in to see this invoice.',
  noPortal: 'This invoice must be placed inside <caseflow-portal>.',
};

/** `loading` → `ready` | `error`, exposed as `data-state` on the `base` part. */
type ViewState = 'loading' | 'ready' | 'error';

/**
 * One invoice: its state, dates, lines, totals, the firm's note, its payments,
 * a PDF download and — when the firm takes online payments and there is a
 * balance — a Pay button (with an amount field where the firm allows partial
 * payments) that opens Stripe Checkout.
 *
 * Back from Checkout for this invoice, it shows "Payment pending" until the
 * firm's webhook has recorded the payment (polled every 2 s for about two
 * minutes), then the new figures, and fires `caseflow-paid`.
 *
 * @tag caseflow-invoice
 * @csspart base - Wrapper; carries `aria-busy` and `data-state` (loading | ready | error).
 * @csspart header - Number and status.
 * @csspart number - "Invoice INV-0001".
 * @csspart status - The status badge; also `status-<status>` or `status-pending`.
 * @csspart facts - Issue and due dates (`<dl>`).
 * @csspart lines - The lines table.
 * @csspart line - Each row of the lines table.
 * @csspart totals - Subtotal, tax, total, paid, balance (`<dl>`).
 * @csspart total - Each value of the totals; carries `data-field` (subtotal | tax | total | amount-paid | amount-due).
 * @csspart note - The firm's note to the client.
 * @csspart payments - The payments table.
 * @csspart payment - Each row of the payments table.
 * @csspart previewed-by - In a payment's method, "by {admin}, previewing" when an admin paid in a preview ("login as client").
 * @csspart pdf-link - The PDF download link.
 * @csspart pay-form - The payment form.
 * @csspart amount-label - The "Amount to pay" label, where the firm allows partial payments.
 * @csspart amount-input - The amount field, where the firm allows partial payments.
 * @csspart amount-hint - "Between {minimum} and {balance}.", under the amount field.
 * @csspart pay - The Pay button.
 * @csspart notice - Checkout outcome: pending, received, cancelled (`role="status"`).
 * @csspart message - Loading message (`role="status"`).
 * @csspart error - Failures (`aria-live="assertive"`).
 * @csspart retry - Retry after a failure.
 * @event caseflow-error - A call failed; `detail` is `{ code, message, status? }`.
 * @event caseflow-checkout-started - Pay opened a Checkout Session; `detail` is `{ invoice_id, session_id }`.
 * @event caseflow-paid - Back from Checkout, the payment is recorded; `detail` is `{ invoice_id, amount_paid, status }`.
 */
export class CaseflowInvoice extends LitElement {
  static override styles = invoiceStyles;

  /** The invoice to show (its id). */
  @property({ attribute: 'invoice-id' }) invoiceId?: string;

  /** BCP 47 locale for money and dates; defaults to the firm's locale. */
  @property() locale?: string;

  @consume({ context: clientContext, subscribe: true })
  @state()
  private client?: PortalClient;

  @consume({ context: profileContext, subscribe: true })
  @state()
  private profile?: PortalProfile;

  @state() private invoice?: PortalInvoice;
  @state() private loading = false;
  @state() private error?: ErrorDetail;
  @state() private pending = false;
  @state() private notice = '';
  @state() private noticeTone: 'info' | 'paid' = 'info';
  @state() private paying = false;
  @state() private amountText = '';
  @state() private amountProblem = '';

  private generation = 0;
  private returnHandled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.client) this.error = { code: 'no_portal', message: messages.noPortal, retryable: false };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.client && (changed.has('client') || changed.has('invoiceId'))) void this.load();
    if (this.client && this.invoiceId && !this.returnHandled) void this.handleReturn(this.client, this.invoiceId);
  }

  protected override render() {
    const invoice = this.invoice;
    const state: ViewState = this.error ? 'error' : invoice && !this.loading ? 'ready' : 'loading';
    return html`
      <div part="base" class="base" aria-busy=${this.loading ? 'true' : 'false'} data-state=${state}>
        <p part="notice" class="notice ${this.noticeTone}" role="status">${this.notice}</p>
        ${invoice ? this.renderInvoice(invoice) : nothing}
        <p part="message" class="message" role="status">${state === 'loading' && !invoice ? messages.loading : ''}</p>
        <p part="error" id="invoice-error" class="error" aria-live="assertive">${this.error?.message ?? ''}</p>
        ${
          this.error && this.error.status !== 402 && this.error.code !== 'no_portal' && this.error.code !== 'no_id'
            ? html`<button part="retry" class="secondary" type="button" @click=${this.load}>${messages.retry}</button>`
            : nothing
        }
      </div>
    `;
  }

  private renderInvoice(invoice: PortalInvoice) {
    const locale = this.effectiveLocale;
    const money = (amount: number) => formatLocalMoney(amount, invoice.currency, locale);
    const date = (value: string) => html`<time datetime=${value}>${formatCalendarDate(value, locale)}</time>`;
    const totals: [string, string, number, boolean][] = [
      ['subtotal', messages.subtotal, invoice.subtotal, false],
      ['tax', messages.tax, invoice.tax, false],
      ['total', messages.total, invoice.total, true],
      ['amount-paid', messages.paid, invoice.amount_paid, false],
      ['amount-due', messages.balance, invoice.amount_due, true],
    ];
    return html`
      <div part="header" class="header" data-invoice-id=${invoice.id} data-status=${invoice.status}>
        <span part="number" class="number">${messages.invoice(invoice.number)}</span>
        ${
          this.pending
            ? html`<span part="status status-pending" class="badge pending">${billingMessages.pending}</span>`
            : html`<span part="status status-${invoice.status}" class="badge ${invoice.status}"
                >${statusLabels[invoice.status] ?? invoice.status}</span
              >`
        }
      </div>
      <dl part="facts">
        <dt>${messages.issued}</dt>
        <dd data-field="issue-date">${date(invoice.issue_date)}</dd>
        <dt>${messages.due}</dt>
        <dd data-field="due-date">${invoice.due_date ? date(invoice.due_date) : messages.noDueDate}</dd>
      </dl>
      <div class="scroller">
        <table part="lines">
          <caption class="visually-hidden">
            ${messages.lines}
          </caption>
          <thead>
            <tr>
              <th scope="col">${messages.description}</th>
              <th scope="col" class="amount">${messages.quantity}</th>
              <th scope="col" class="amount">${messages.unitPrice}</th>
              <th scope="col" class="amount">${messages.tax}</th>
              <th scope="col" class="amount">${messages.amount}</th>
            </tr>
          </thead>
          <tbody>
            ${invoice.lines.map(
              (line) => html`
                <tr part="line">
                  <td data-field="description">${line.description}</td>
                  <td data-field="quantity" class="amount">${formatQuantity(line.quantity, locale)}</td>
                  <td data-field="unit-price" class="amount">${money(line.unit_price)}</td>
                  <td data-field="tax" class="amount">${money(line.tax)}</td>
                  <td data-field="amount" class="amount">${money(line.amount)}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
      <dl part="totals" class="totals">
        ${totals.map(
          ([field, label, amount, strong]) => html`
            <dt class=${strong ? 'strong' : ''}>${label}</dt>
            <dd part="total" data-field=${field} class=${strong ? 'strong' : ''}>${money(amount)}</dd>
          `,
        )}
      </dl>
      ${
        invoice.client_note
          ? html`<h3>${messages.note}</h3>
              <p part="note" class="note">${invoice.client_note}</p>`
          : nothing
      }
      <div class="actions">
        <a
          part="pdf-link"
          href=${this.client ? pdfHref(this.client, invoice.id) : nothing}
          download="${invoice.number}.pdf"
          aria-label=${billingMessages.pdfOf(invoice.number)}
          @click=${this.onPdf}
          >${billingMessages.pdf}</a
        >
      </div>
      ${canPay(this.profile, invoice) && !this.pending ? this.renderPay(invoice) : nothing}
      <h3>${messages.payments}</h3>
      ${invoice.payments.length ? this.renderPayments(invoice) : html`<p class="message">${messages.noPayments}</p>`}
    `;
  }

  private renderPay(invoice: PortalInvoice) {
    const locale = this.effectiveLocale;
    const money = (amount: number) => formatLocalMoney(amount, invoice.currency, locale);
    const range = this.partialRange(invoice);
    const label = this.paying ? billingMessages.paying : messages.payAmount(money(this.amountToPay(invoice) || 0));
    return html`
      <form part="pay-form" class="pay" novalidate @submit=${this.onPay}>
        ${
          range
            ? html`
                <div class="field">
                  <label part="amount-label" for="pay-amount">${messages.amountToPay}</label>
                  <input
                    id="pay-amount"
                    part="amount-input"
                    inputmode="decimal"
                    autocomplete="off"
                    .value=${this.amountText}
                    aria-describedby=${this.amountProblem ? 'pay-amount-hint invoice-error' : 'pay-amount-hint'}
                    aria-invalid=${this.amountProblem ? 'true' : 'false'}
                    @input=${this.onAmount}
                  />
                </div>
                <p id="pay-amount-hint" part="amount-hint" class="hint">
                  ${messages.amountHint(money(range[0]), money(range[1]))}
                </p>
              `
            : nothing
        }
        <button part="pay" type="submit" ?disabled=${this.paying}>
          ${range && Number.isNaN(this.amountToPay(invoice)) ? billingMessages.pay : label}
        </button>
      </form>
    `;
  }

  private renderPayments(invoice: PortalInvoice) {
    const locale = this.effectiveLocale;
    return html`
      <div class="scroller">
        <table part="payments">
          <caption class="visually-hidden">
            ${messages.payments}
          </caption>
          <thead>
            <tr>
              <th scope="col">${messages.date}</th>
              <th scope="col">${messages.method}</th>
              <th scope="col" class="amount">${messages.amount}</th>
            </tr>
          </thead>
          <tbody>
            ${invoice.payments.map(
              (p) => html`
                <tr part="payment" data-payment-id=${p.id}>
                  <td data-field="paid-at" class="date">
                    <time datetime=${p.paid_at}
                      >${formatTimestampDate(p.paid_at, locale, this.profile?.firm.timezone)}</time
                    >
                  </td>
                  <td data-field="method">
                    ${billingMessages.methods[p.method] ?? p.method}${previewedBy(p.previewed_by, messages.previewedBy)}
                  </td>
                  <td data-field="amount" class="amount">${formatLocalMoney(p.amount, p.currency, locale)}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private get effectiveLocale(): string | undefined {
    return usableLocale(this.locale) ?? usableLocale(this.profile?.firm.locale);
  }

  /** [minimum, balance] when the firm allows partial payments, else undefined (pay the balance). */
  private partialRange(invoice: PortalInvoice): [number, number] | undefined {
    const minimum = this.profile?.firm.partial_payment_minimum;
    if (minimum === null || minimum === undefined) return undefined;
    return [Math.min(minimum, invoice.amount_due), invoice.amount_due];
  }

  /** What the form would pay, in minor units (NaN when the typed amount is unreadable). */
  private amountToPay(invoice: PortalInvoice): number {
    if (!this.partialRange(invoice)) return invoice.amount_due;
    return parseTypedAmount(this.amountText, invoice.currency);
  }

  private onAmount = (event: Event): void => {
    this.amountText = (event.target as HTMLInputElement).value;
    this.amountProblem = '';
  };

  private onPdf = async (event: MouseEvent): Promise<void> => {
    if (!this.client || !this.invoice || !plainClick(event)) return;
    event.preventDefault();
    try {
      await downloadPdf(this.client, this.invoice);
    } catch (error) {
      this.fail(error);
    }
  };

  private onPay = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const invoice = this.invoice;
    if (!this.client || !invoice || this.paying) return;
    const range = this.partialRange(invoice);
    const amount = this.amountToPay(invoice);
    if (range && !(amount >= range[0] && amount <= range[1])) {
      const money = (n: number) => formatLocalMoney(n, invoice.currency, this.effectiveLocale);
      this.amountProblem = messages.amountInvalid(money(range[0]), money(range[1]));
      this.error = { code: 'invalid_amount', message: this.amountProblem, retryable: false };
      return;
    }
    this.paying = true;
    this.error = undefined;
    try {
      await startCheckout(this, this.client, invoice, range && amount !== invoice.amount_due ? amount : undefined);
    } catch (error) {
      this.paying = false;
      this.fail(error);
    }
  };

  private fail(error: unknown): void {
    this.error = describeError(error, { 401: messages.signIn, 402: messages.planUpgrade });
    this.dispatchEvent(new CaseflowErrorEvent(this.error));
  }

  private load = async (): Promise<void> => {
    const client = this.client;
    const id = this.invoiceId;
    if (!client) return;
    if (!id) {
      this.error = { code: 'no_id', message: messages.missingId, retryable: false };
      return;
    }
    const generation = ++this.generation;
    this.loading = true;
    this.error = undefined;
    if (this.invoice?.id !== id) {
      this.invoice = undefined;
      this.amountText = ''; // the next invoice's balance fills it
      this.amountProblem = '';
    }
    try {
      const invoice = await client.invoices.retrieve(id);
      if (generation !== this.generation) return;
      this.show(invoice);
    } catch (error) {
      if (generation !== this.generation) return;
      this.fail(error);
    } finally {
      if (generation === this.generation) this.loading = false;
    }
  };

  private show(invoice: PortalInvoice): void {
    this.invoice = invoice;
    const range = this.partialRange(invoice);
    if (range && !this.amountText) this.amountText = formatMinor(range[1], invoice.currency);
  }

  /** Back from Checkout for this invoice: pending until the webhook has recorded the payment. */
  private async handleReturn(client: PortalClient, id: string): Promise<void> {
    this.returnHandled = true;
    const back = checkoutReturn();
    if (!back || back.invoiceId !== id) return;
    if (back.state === 'cancelled') {
      this.notice = billingMessages.cancelledNotice;
      forgetReturn();
      return;
    }
    this.pending = true;
    this.notice = billingMessages.pendingNotice;
    const watch = watchPayment(client, id);
    const invoice = await watch.result;
    forgetReturn();
    this.pending = false;
    if (!invoice) {
      this.notice = billingMessages.stillPending;
      return;
    }
    this.show(invoice);
    this.noticeTone = 'paid';
    this.notice = billingMessages.paidNotice(invoice.number);
    if (watch.owner) {
      this.dispatchEvent(
        new CaseflowPaidEvent({ invoice_id: invoice.id, amount_paid: invoice.amount_paid, status: invoice.status }),
      );
    }
  }
}

const quantityFormatters = new Map<string, Intl.NumberFormat>();

/** "6.5000" → "6.5" in the locale (up to four decimals). */
function formatQuantity(quantity: string, locale: string | undefined): string {
  const value = Number(quantity);
  if (!Number.isFinite(value)) return quantity;
  const key = locale ?? '';
  let formatter = quantityFormatters.get(key);
  if (!formatter)
    quantityFormatters.set(key, (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 })));
  return formatter.format(value);
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-invoice': CaseflowInvoice;
  }
}
