import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { formatCalendarDate, formatLocalMoney } from '../../../../sdk/format.js';
import type { PortalHome, WaitingItem, WaitingKind } from '../../../../sdk/schemas/home.js';
import { CaseflowElement } from '../../base/element.js';
import { msg } from '../../base/localize.js';
import { isolate } from '../../shared/languages.js';
import { Loader } from '../../base/loader.js';
import { renderStatus } from '../../base/status.js';
import { homeStyles } from './home.styles.js';

// Every sentence this widget shows, in one place for review and translation.
const messages = {
  get loading() {
    return msg('Loading your summary…');
  },
  get empty() {
    return msg('You are all caught up: nothing is waiting for you.');
  },
  get heading() {
    return msg('Waiting for you');
  },
  get balanceDue() {
    return msg('Balance due');
  },
  get nothingDue() {
    return msg('Nothing to pay');
  },
  get overdue() {
    return msg('Overdue invoices');
  },
  get nextDue() {
    return msg('Next due');
  },
  get noNextDue() {
    return msg('No due date ahead');
  },
  get announcements() {
    return msg('Unread announcements');
  },
  nextInvoice: (number: string, amount: string, date: string) =>
    msg('{number}, {amount}, due {date}', { number, amount, date }),
  // One and many are two messages: no language's plural rules are built into code.
  waiting: {
    invoices_overdue: (count: number) =>
      count === 1 ? msg('1 overdue invoice') : msg('{count} overdue invoices', { count }),
    invoices_to_pay: (count: number) =>
      count === 1 ? msg('1 invoice to pay') : msg('{count} invoices to pay', { count }),
    announcements_unread: (count: number) =>
      count === 1 ? msg('1 unread announcement') : msg('{count} unread announcements', { count }),
  } satisfies Record<WaitingKind, (count: number) => string>,
  get signIn() {
    return msg('Please sign in to see your summary.');
  },
};

/**
 * The contact's home in one request (`GET /portal/home`): the balance due per
 * currency, how many invoices are overdue, the next due date, unread
 * announcements, and the list of what is waiting for the contact (later
 * capabilities add letters to sign, proposals to answer, documents, messages).
 * Parts the contact may not see (no invoices permission) are left out; on a
 * plan without the client portal it shows nothing (the navigation says why).
 *
 * @tag caseflow-home
 * @csspart base - Wrapper; carries `aria-busy` and `data-state` (loading | ready | empty | error).
 * @csspart figures - The row of summary figures.
 * @csspart figure - Each figure; carries `data-figure` (balance-due | overdue | next-due | announcements).
 * @csspart figure-label - Each figure's label.
 * @csspart figure-value - Each figure's value.
 * @csspart next-due-link - The next invoice due, when `invoice-href` is set.
 * @csspart waiting - The "Waiting for you" list.
 * @csspart waiting-item - Each waiting item; carries `data-kind`.
 * @csspart waiting-link - A waiting item's link, when it has somewhere to go.
 * @csspart message - Loading and empty messages (`role="status"`).
 * @csspart error - Failures (`aria-live="assertive"`).
 * @csspart retry - Retry after a failure that trying again can cure.
 * @event caseflow-error - Loading the summary failed; `detail` is `{ code, message, status?, retryable }`.
 */
export class CaseflowHome extends CaseflowElement {
  static override styles = homeStyles;

  /** Link the next invoice due to its page: `{id}` is replaced, e.g. `/clients/invoices/{id}`. */
  @property({ attribute: 'invoice-href' }) invoiceHref?: string;

  /**
   * Where each waiting item links to, by kind (e.g. `{ invoices_overdue: '/account/bills' }`).
   * Without an entry, an item links to the hosted portal's page only with `hosted-links`.
   */
  @property({ attribute: false }) hrefs: Partial<Record<WaitingKind, string>> = {};

  /** Link waiting items to the hosted portal's own pages (the server's paths): for the hosted portal. */
  @property({ type: Boolean, attribute: 'hosted-links' }) hostedLinks = false;

  private readonly summary = new Loader<PortalHome>(this, {
    // The plan is known with the profile: on solo there is no home to ask for.
    client: () => (this.profile && this.profile.firm.plan !== 'solo' ? this.client : undefined),
    load: (client) => client.home(),
    isEmpty: (home) => home.waiting.length === 0 && !home.invoices?.balance_due.length,
    report: (error) => this.report(error, { 401: messages.signIn }),
  });

  protected override render() {
    if (this.outsidePortal) return this.renderOutsidePortal();
    if (this.profile?.firm.plan === 'solo') return nothing;
    const { state, value, error } = this.summary;
    return html`
      <section part="base" class="base" aria-busy=${state === 'loading' ? 'true' : 'false'} data-state=${state}>
        ${value && !error ? this.renderFigures(value) : nothing}
        ${value && !error && value.waiting.length ? this.renderWaiting(value.waiting) : nothing}
        ${renderStatus(state, error, messages, this.summary.retry)}
      </section>
    `;
  }

  private renderFigures(home: PortalHome) {
    const locale = this.effectiveLocale;
    const figure = (name: string, label: string, value: unknown) =>
      html`<div part="figure" class="figure" data-figure=${name}>
        <dt part="figure-label">${label}</dt>
        <dd part="figure-value">${value}</dd>
      </div>`;
    const invoices = home.invoices;
    const next = invoices?.next_due;
    const nextText = next
      ? messages.nextInvoice(
          isolate(this, next.number, 'other'),
          isolate(this, formatLocalMoney(next.amount_due, next.currency, locale), 'money'),
          isolate(this, formatCalendarDate(next.due_date, locale), 'other'),
        )
      : messages.noNextDue;
    const nextHref = next && this.invoiceHref?.replaceAll('{id}', encodeURIComponent(next.invoice_id));
    return html`
      <dl part="figures" class="figures">
        ${
          invoices
            ? html`${figure(
                'balance-due',
                messages.balanceDue,
                invoices.balance_due.length
                  ? invoices.balance_due.map(
                      (b) =>
                        html`<span class="amount"
                          >${isolate(this, formatLocalMoney(b.amount, b.currency, locale), 'money')}</span
                        >`,
                    )
                  : messages.nothingDue,
              )}
              ${figure('overdue', messages.overdue, String(invoices.overdue_count))}
              ${figure(
                'next-due',
                messages.nextDue,
                nextHref ? html`<a part="next-due-link" href=${nextHref}>${nextText}</a>` : nextText,
              )}`
            : nothing
        }
        ${home.announcements ? figure('announcements', messages.announcements, String(home.announcements.unread_count)) : nothing}
      </dl>
    `;
  }

  private renderWaiting(items: WaitingItem[]) {
    return html`
      <h2 class="heading">${messages.heading}</h2>
      <ul part="waiting" class="waiting">
        ${items.map((item) => {
          const text = messages.waiting[item.kind]?.(item.count) ?? `${item.count}`;
          const href = this.hrefs[item.kind] ?? (this.hostedLinks ? item.href : undefined);
          return html`<li part="waiting-item" data-kind=${item.kind}>
            ${href ? html`<a part="waiting-link" href=${href}>${text}</a>` : text}
          </li>`;
        })}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caseflow-home': CaseflowHome;
  }
}
