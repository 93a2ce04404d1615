import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalClient } from '../../../../sdk/portal-client.js';
import {
  formatCalendarDate,
  formatLocalMoney,
  formatMinor,
  formatTimestampDate,
  parseTypedAmount,
} from '../../../../sdk/format.js';
import type { PortalInvoice } from '../../../../sdk/schemas/invoices.js';
import { CaseflowElement } from '../../base/element.js';
import type { ErrorDetail } from '../../base/errors.js';
import { Loader } from '../../base/loader.js';
import { renderStatus } from '../../base/status.js';
import { msg } from '../../base/localize.js';
import { canPay, downloadPdf, plainClick, startCheckout, statusLabel } from '../../shared/billing.js';
import { paymentMode, previewedBy } from '../../shared/payment-modes.js';
import { followReturn } from '../../shared/checkout-return.js';
import { invoiceStyles } from './invoice.styles.js';

// Every sentence this widget shows, in one place for review and translation;
// getters, so each reading is in the page's language of the moment.
const messages = {
  invoice: (number: string) => msg('Invoice {number}', { number }),
  get issued() {
    return msg('Issued');
  },
  get due() {
    return msg('Due');
  },
  get noDueDate() {
    return msg('No due date');
  },
  get lines() {
    return msg('Lines');
  },
  get description() {
    return msg('Description');
  },
  get quantity() {
    return msg('Quantity');
  },
  get unitPrice() {
    return msg('Unit price');
  },
  get tax() {
    return msg('Tax');
  },
  get amount() {
    return msg('Amount');
  },
  get subtotal() {
    return msg('Subtotal');
  },
  get noTax() {
    return msg('No tax');
  },
  get total() {
    return msg('Total');
  },
  get paid() {
    return msg('Paid');
  },
  get balance() {
    return msg('Balance');
  },
  get note() {
    return msg('Note from the firm');
  },
  get payments() {
    return msg('Payments');
  },
  get date() {
    return msg('Date');
  },
  get method() {
    return msg('Method');
  },
  get noPayments() {
    return msg('No payments yet.');
  },
  get amountToPay() {
    return msg('Amount to pay');
  },
  amountHint: (min: string, max: string) => msg('Between {min} and {max}.', { min, max }),
  amountInvalid: (min: string, max: string) => msg('Enter an amount between {min} and {max}.', { min, max }),
  payAmount: (amount: string) => msg('Pay {amount}', { amount }),
  get howToPay() {
    return msg('How to pay');
  },
  get howToPayToo() {
    return msg('Other ways to pay');
  },
  get bankDetails() {
    return msg('Bank transfer');
  },
  get remitTo() {
    return msg('Remit to');
  },
  get notes() {
    return msg('Please note');
  },
  updated: (date: string) => msg('Updated {date}', { date }),
  get notFound() {
    return msg('We could not find this invoice.');
  },
  get back() {
    return msg('Back to your invoices');
  },
  get loading() {
    return msg('Loading the invoice…');
  },
  get missingId() {
    return msg('Set the invoice-id attribute to the invoice to show.');
  },
  get planUpgrade() {
    return msg("The client portal is not included in your firm's plan.");
  },
  get signIn() {
    return msg('Please sign in to see this invoice.');
  },
};

const percentFormatters = new Map<string, Intl.NumberFormat>();

/** "20.0000" → "20%" in the contact's locale. */
function formatRate(rate: string, locale: string | undefined): string {
  const key = locale ?? '';
  let formatter = percentFormatters.get(key);
  if (!formatter)
    percentFormatters.set(
      key,
      (formatter = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 })),
    );
  return formatter.format(Number(rate) / 100);
}

/** Without an id there is nothing to ask the server for, and nothing a retry could change. */
const missingId = (): ErrorDetail => ({ code: 'no_id', message: messages.missingId, retryable: false });

/**
 * One invoice: its heading "Invoice {number}" (level `heading-level`, 2 by
 * default; set 1 where the invoice is the page's subject), its state, dates,
 * lines with their tax rates, the totals under the Amount column, the firm's
 * note, its payments named by how they arrived, the firm's payment instructions
 * ("How to pay"), a PDF button and — when the firm takes online payments and there is a
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
 * @csspart number - The heading "Invoice INV-0001" (`role="heading"`, `aria-level` from `heading-level`); focused on load at level 1.
 * @csspart status - The status badge; also `status-<status>` or `status-pending`.
 * @csspart facts - Issue and due dates (`<dl>`).
 * @csspart label - Each label of the facts (`<dt>`) and the totals (`<th>`).
 * @csspart fact - Each date of the facts; carries `data-field` (issue-date | due-date).
 * @csspart lines - The lines table, totals in its foot; a Tax column (each line's rate) only when a line carries tax. Stacked, labelled rows on a narrow widget.
 * @csspart line - Each row of the lines table.
 * @csspart totals - Subtotal, tax, total, paid, balance: the lines table's last row group, figures under the Amount column.
 * @csspart total - Each value of the totals; carries `data-field` (subtotal | tax | total | amount-paid | amount-due).
 * @csspart heading - The headings "Note from the firm", "How to pay" and "Payments" (one level under the invoice's).
 * @csspart instructions - "How to pay" ("Other ways to pay" beside online payment): the firm's payment instructions.
 * @csspart instruction - Each part of them (bank details, remit-to, notes), line breaks kept; its wrapper carries `data-field`.
 * @csspart instructions-updated - "Updated {date}", in the firm's time zone.
 * @csspart note - The firm's note to the client.
 * @csspart payments - The payments table.
 * @csspart payment - Each row of the payments table.
 * @csspart no-payments - "No payments yet.", in place of the payments table.
 * @csspart previewed-by - In a payment's method, "by {admin}, previewing" when an admin paid in a preview ("login as client").
 * @csspart actions - The row holding the PDF button.
 * @csspart pdf-link - The PDF download, a link that looks like a button.
 * @csspart pay-form - The payment form.
 * @csspart amount-label - The "Amount to pay" label, where the firm allows partial payments.
 * @csspart amount-input - The amount field, where the firm allows partial payments.
 * @csspart amount-hint - "Between {minimum} and {balance}.", under the amount field.
 * @csspart pay - The Pay button.
 * @csspart notice - Checkout outcome: pending, received, cancelled (`role="status"`).
 * @csspart message - Loading message (`role="status"`).
 * @csspart error - Failures (`aria-live="assertive"`), a missing `invoice-id` and an amount out of range too.
 * @csspart retry - Retry, after a failure that trying again can help (not "not found" or a refusal).
 * @csspart back-link - "Back to your invoices" (to `back-href`), when the invoice is not found.
 * @event caseflow-error - A call failed; `detail` is `{ code, message, status?, retryable }`.
 * @event caseflow-checkout-started - Pay opened a Checkout Session; `detail` is `{ invoice_id, session_id }`.
 * @event caseflow-paid - Back from Checkout, the payment is recorded; `detail` is `{ invoice_id, amount_paid, status }`.
 * @cssprop --caseflow-color-success - Paid badge.
 * @cssprop --caseflow-color-warning - Partially paid badge.
 * @cssprop --caseflow-color-danger - Overdue badge, errors and an invalid amount.
 * @cssprop --caseflow-color-link - Unpaid and pending badges, links.
 * @cssprop --caseflow-color-muted - Cancelled badge, labels and messages.
 * @cssprop --caseflow-badge-radius - Corner radius of the badge.
 */
export class CaseflowInvoice extends CaseflowElement {
  static override styles = invoiceStyles;

  /** The invoice to show (its id). */
  @property({ attribute: 'invoice-id' }) invoiceId?: string;

  /** The level of the heading "Invoice {number}" (1 to 6; 2 by default, 1 where the widget is the page's subject). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /**
   * Where "Back to your invoices" leads when the invoice is not found; by
   * default `..`, from the hosted portal's /clients/invoices/{id} its home.
   */
  @property({ attribute: 'back-href' }) backHref = '..';

  @state() private pending = false;
  @state() private notice = (): string => '';
  @state() private noticeTone: 'info' | 'paid' = 'info';
  @state() private paying = false;
  @state() private amountText = '';
  /** The widget's own refusal of a typed amount: shown, never sent, nothing to retry. */
  @state() private refusal?: ErrorDetail;

  private readonly invoice = new Loader<PortalInvoice>(this, {
    client: () => (this.invoiceId ? this.client : undefined),
    load: (client) => client.invoices.retrieve(this.invoiceId!),
    args: () => [this.invoiceId],
    report: (error) => this.report(error, { 401: messages.signIn, 402: messages.planUpgrade, 404: messages.notFound }),
  });
  /** The loaded invoice the amount field was last filled from. */
  private filledFrom?: PortalInvoice;
  private returnHandled = false;

  protected override willUpdate(changed: PropertyValues): void {
    // Another invoice, or other credentials: the Loader drops the old figures; the form's own state goes too.
    const otherInvoice = changed.has('invoiceId') && this.invoice.value?.id !== this.invoiceId;
    if (otherInvoice || (changed.has('client') && changed.get('client'))) {
      this.amountText = '';
      this.refusal = undefined;
    }
    this.fillAmount();
    if (this.client && this.invoiceId && !this.returnHandled) void this.handleReturn(this.client, this.invoiceId);
  }

  /**
   * Where the invoice is the page's subject (heading level 1), focus lands on
   * its heading once it has loaded, unless the person has already moved it: a
   * keyboard or screen reader then starts at the new content, not the top.
   */
  protected override updated(): void {
    const invoice = this.invoice.value;
    if (!invoice || this.focusedFor === invoice.id) return;
    this.focusedFor = invoice.id;
    const idle = !document.activeElement || document.activeElement === document.body;
    if (this.headingLevel === 1 && idle) this.renderRoot.querySelector<HTMLElement>('[part="number"]')?.focus();
  }
  private focusedFor?: string;

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    const invoice = this.invoice.value;
    const error = this.invoiceId ? (this.refusal ?? this.invoice.error) : missingId();
    const state = error ? 'error' : this.invoice.state;
    return html`
      <div part="base" class="base" aria-busy=${this.invoice.loading} data-state=${state}>
        <p part="notice" class="notice ${this.noticeTone}" role="status">${this.notice()}</p>
        ${invoice ? this.renderInvoice(invoice) : nothing}
        ${renderStatus(invoice ? 'ready' : state, error, { loading: messages.loading, empty: '' }, this.invoice.retry)}
        ${
          !invoice && error?.status === 404
            ? html`<a part="back-link" class="button" href=${this.backHref}>${messages.back}</a>`
            : nothing
        }
      </div>
    `;
  }

  private renderInvoice(invoice: PortalInvoice) {
    const locale = this.effectiveLocale;
    const date = (value: string) => html`<time datetime=${value}>${formatCalendarDate(value, locale)}</time>`;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 6);
    const sub = Math.min(level + 1, 6);
    return html`
      <div part="header" class="header" data-invoice-id=${invoice.id} data-status=${invoice.status}>
        <div part="number" class="number" role="heading" aria-level=${level} tabindex="-1">
          ${messages.invoice(invoice.number)}
        </div>
        ${
          this.pending
            ? html`<span part="status status-pending" class="badge pending">${msg('Payment pending')}</span>`
            : html`<span part="status status-${invoice.status}" class="badge ${invoice.status}"
                >${statusLabel(invoice.status)}</span
              >`
        }
      </div>
      <dl part="facts">
        <dt part="label">${messages.issued}</dt>
        <dd part="fact" data-field="issue-date">${date(invoice.issue_date)}</dd>
        <dt part="label">${messages.due}</dt>
        <dd part="fact" data-field="due-date">${invoice.due_date ? date(invoice.due_date) : messages.noDueDate}</dd>
      </dl>
      ${this.renderLines(invoice)}
      ${
        invoice.client_note
          ? html`<div part="heading" class="subheading" role="heading" aria-level=${sub}>${messages.note}</div>
              <p part="note" class="note" dir="auto">${invoice.client_note}</p>`
          : nothing
      }
      <div part="actions" class="actions">
        <a
          part="pdf-link"
          class="button"
          href=${this.client?.invoices.pdfUrl(invoice.id) ?? nothing}
          download="${invoice.number}.pdf"
          aria-label=${msg('PDF of invoice {number}', { number: invoice.number })}
          @click=${this.onPdf}
          >${msg('PDF')}</a
        >
      </div>
      ${canPay(this.profile, invoice) && !this.pending ? this.renderPay(invoice) : nothing}
      ${this.renderInstructions(invoice, sub)}
      <div part="heading" class="subheading" role="heading" aria-level=${sub}>${messages.payments}</div>
      ${
        invoice.payments.length
          ? this.renderPayments(invoice)
          : html`<p part="no-payments" class="message">${messages.noPayments}</p>`
      }
    `;
  }

  /** How to pay without Stripe, as the firm wrote it: each part keeps its line breaks. */
  private renderInstructions(invoice: PortalInvoice, level: number) {
    const how = invoice.payment_instructions;
    if (!how) return nothing;
    const parts: [string, string, string | null][] = [
      ['bank-details', messages.bankDetails, how.bank_details],
      ['remit-to', messages.remitTo, how.remit_to],
      ['notes', messages.notes, how.notes],
    ];
    const online = canPay(this.profile, invoice);
    return html`
      <section part="instructions" class="instructions" aria-labelledby="how-to-pay">
        <div id="how-to-pay" part="heading" class="subheading" role="heading" aria-level=${level}>
          ${online ? messages.howToPayToo : messages.howToPay}
        </div>
        <!-- The firm's own words read in their own direction (dir=auto), whatever the page's. -->
        ${parts.map(([field, label, text]) =>
          text
            ? html`<div class="instruction" data-field=${field}>
                <div class="label">${label}</div>
                <p part="instruction" class="note" dir="auto">${text}</p>
              </div>`
            : nothing,
        )}
        ${
          how.updated_at
            ? html`<p part="instructions-updated" class="message">
                ${messages.updated(formatTimestampDate(how.updated_at, this.effectiveLocale, this.timeZone))}
              </p>`
            : nothing
        }
      </section>
    `;
  }

  /**
   * The lines, and the totals in the table's foot under the Amount column. On
   * a narrow widget each line is a card of labelled values (the shared
   * "stack" table), every value visible.
   */
  private renderLines(invoice: PortalInvoice) {
    const locale = this.effectiveLocale;
    // Money keeps its own direction (left to right, isolated) in a right-to-left table.
    const money = (amount: number) => html`<bdi dir="ltr">${formatLocalMoney(amount, invoice.currency, locale)}</bdi>`;
    // A tax column of zeros only takes room; the totals still show the tax.
    const lineTax = invoice.lines.some((line) => Number(line.tax_rate) !== 0);
    const span = lineTax ? 4 : 3;
    const totals: [string, string, number, boolean][] = [
      ['subtotal', messages.subtotal, invoice.subtotal, false],
      ['tax', messages.tax, invoice.tax, false],
      ['total', messages.total, invoice.total, true],
      ['amount-paid', messages.paid, invoice.amount_paid, false],
      ['amount-due', messages.balance, invoice.amount_due, true],
    ];
    return html`
      <div class="scroller">
        <table part="lines" class="lines stack">
          <caption class="visually-hidden">
            ${messages.lines}
          </caption>
          <thead>
            <tr>
              <th scope="col">${messages.description}</th>
              <th scope="col" class="amount">${messages.quantity}</th>
              <th scope="col" class="amount">${messages.unitPrice}</th>
              ${lineTax ? html`<th scope="col" class="amount">${messages.tax}</th>` : nothing}
              <th scope="col" class="amount">${messages.amount}</th>
            </tr>
          </thead>
          <tbody>
            ${invoice.lines.map(
              (line) => html`
                <tr part="line">
                  <td data-field="description">${line.description}</td>
                  <td data-field="quantity" class="amount" data-label=${messages.quantity}>
                    ${formatQuantity(line.quantity, locale)}
                  </td>
                  <td data-field="unit-price" class="amount" data-label=${messages.unitPrice}>
                    ${money(line.unit_price)}
                  </td>
                  ${
                    lineTax
                      ? html`<td data-field="tax-rate" class="amount" data-label=${messages.tax}>
                          ${Number(line.tax_rate) ? formatRate(line.tax_rate, locale) : messages.noTax}
                        </td>`
                      : nothing
                  }
                  <td data-field="amount" class="amount" data-label=${messages.amount}>${money(line.amount)}</td>
                </tr>
              `,
            )}
          </tbody>
          <tbody part="totals" class="totals">
            ${totals.map(
              ([field, label, amount, strong]) => html`
                <tr class=${strong ? 'strong' : ''}>
                  <th part="label" scope="row" colspan=${span}>${label}</th>
                  <td part="total" data-field=${field} class="amount">${money(amount)}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderPay(invoice: PortalInvoice) {
    const money = (amount: number) => this.moneyInText(amount, invoice.currency);
    const range = this.partialRange(invoice);
    const label = this.paying ? msg('Opening payment…') : messages.payAmount(money(this.amountToPay(invoice) || 0));
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
                    aria-describedby="pay-amount-hint"
                    aria-invalid=${!!this.refusal}
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
          ${range && Number.isNaN(this.amountToPay(invoice)) ? msg('Pay') : label}
        </button>
      </form>
    `;
  }

  private renderPayments(invoice: PortalInvoice) {
    const locale = this.effectiveLocale;
    return html`
      <div class="scroller">
        <table part="payments" class="stack">
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
                  <td data-field="paid-at" class="date" data-label=${messages.date}>
                    <time datetime=${p.paid_at}>${formatTimestampDate(p.paid_at, locale, this.timeZone)}</time>
                  </td>
                  <td data-field="method" data-label=${messages.method}>
                    <span>${paymentMode(p.mode, locale)}${previewedBy(p.previewed_by)}</span>
                  </td>
                  <td data-field="amount" class="amount" data-label=${messages.amount}>
                    <bdi dir="ltr">${formatLocalMoney(p.amount, p.currency, locale)}</bdi>
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
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
    this.refusal = undefined;
  };

  private onPdf = async (event: MouseEvent): Promise<void> => {
    const invoice = this.invoice.value;
    if (!this.client || !invoice || !plainClick(event)) return;
    event.preventDefault();
    try {
      await downloadPdf(this.client, invoice);
    } catch (error) {
      this.invoice.fail(error);
    }
  };

  private onPay = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const invoice = this.invoice.value;
    if (!this.client || !invoice || this.paying) return;
    const range = this.partialRange(invoice);
    const amount = this.amountToPay(invoice);
    if (range && !(amount >= range[0] && amount <= range[1])) {
      const money = (n: number) => this.moneyInText(n, invoice.currency);
      const message = messages.amountInvalid(money(range[0]), money(range[1]));
      this.refusal = { code: 'invalid_amount', message, retryable: false };
      return;
    }
    this.paying = true;
    this.refusal = undefined;
    this.invoice.error = undefined;
    try {
      await startCheckout(this, this.client, invoice, range && amount !== invoice.amount_due ? amount : undefined);
    } catch (error) {
      this.paying = false;
      this.invoice.fail(error);
    }
  };

  /**
   * An amount inside a sentence ("Pay {amount}"): where the widget reads right to
   * left (Arabic, or a page's `dir="rtl"`) it is isolated left to right (U+2066 … U+2069), so its currency sign stays with it.
   */
  private moneyInText(amount: number, currency: string): string {
    const text = formatLocalMoney(amount, currency, this.effectiveLocale);
    return this.matches(':dir(rtl)') ? `\u2066${text}\u2069` : text;
  }

  /** Where the firm allows partial payments, a newly loaded invoice fills the amount field with its balance. */
  private fillAmount(): void {
    const invoice = this.invoice.value;
    // The firm's rule comes with the profile: wait for it.
    if (!invoice || !this.profile || invoice === this.filledFrom) return;
    this.filledFrom = invoice;
    const range = this.partialRange(invoice);
    if (range && !this.amountText) this.amountText = formatMinor(range[1], invoice.currency);
  }

  /** Shows an invoice the widget fetched itself (after a payment). */
  private show(invoice: PortalInvoice): void {
    this.invoice.value = invoice;
    this.requestUpdate();
  }

  /** Back from Checkout for this invoice: pending until the webhook has recorded the payment. */
  private async handleReturn(client: PortalClient, id: string): Promise<void> {
    this.returnHandled = true;
    const paid = await followReturn(
      this,
      client,
      ({ notice, tone, pendingId }) => {
        this.notice = notice;
        this.noticeTone = tone;
        this.pending = pendingId === id;
      },
      id,
    );
    if (!paid) return;
    this.show(paid.invoice);
    paid.announce();
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
