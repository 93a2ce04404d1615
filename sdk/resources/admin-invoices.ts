import type { List } from '../schemas/common.js';
import type {
  AdminCredit,
  AdminInvoice,
  AdminInvoiceCreateRequest,
  AdminInvoiceListQuery,
  AdminInvoiceSummary,
  AdminInvoiceUpdateRequest,
  AdminInvoiceUpsertRequest,
} from '../schemas/invoices.js';
import type {
  AdminCreditListQuery,
  AdminCreditResolveRequest,
  ManualPaymentRequest,
  ManualPaymentResult,
} from '../schemas/payments.js';
import { ListPromise } from '../pagination.js';
import { seg, type IdempotentOptions, type Transport } from '../transport.js';

export class AdminInvoices {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's invoices, drafts included, newest first.
   * @example for await (const invoice of admin.invoices.list({ status: 'overdue' })) console.log(invoice.number);
   */
  list(query: AdminInvoiceListQuery = {}): ListPromise<AdminInvoiceSummary> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<AdminInvoiceSummary>>({
        method: 'GET',
        path: '/admin/invoices',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Creates a draft. Sent with an Idempotency-Key (yours, or one made for this call and reused on its retries).
   * @example
   * const invoice = await admin.invoices.create({
   *   client_id, lines: [{ description: 'Advice', quantity: '1.5', unit_price: 25000, tax_rate: '20' }],
   * });
   */
  create(body: AdminInvoiceCreateRequest, options: IdempotentOptions = {}): Promise<AdminInvoice> {
    return this.transport.request<AdminInvoice>({
      method: 'POST',
      path: '/admin/invoices',
      body,
      idempotent: true,
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    });
  }

  /**
   * One invoice with lines, payments, credits and the internal note.
   * @example const invoice = await admin.invoices.retrieve(id);
   */
  retrieve(id: string): Promise<AdminInvoice> {
    return this.transport.request<AdminInvoice>({ method: 'GET', path: `/admin/invoices/${seg(id)}` });
  }

  /**
   * Changes a draft (409 invoice_not_draft once sent); `lines` replace all lines.
   * @example await admin.invoices.update(id, { due_date: '2026-12-31' });
   */
  update(id: string, body: AdminInvoiceUpdateRequest): Promise<AdminInvoice> {
    return this.transport.request<AdminInvoice>({ method: 'PATCH', path: `/admin/invoices/${seg(id)}`, body });
  }

  /**
   * Creates or replaces the draft with this external id (your system's id); 409 once sent.
   * @example await admin.invoices.upsertByExternalId('erp-4711', { client_id, lines });
   */
  upsertByExternalId(externalId: string, body: AdminInvoiceUpsertRequest): Promise<AdminInvoice> {
    return this.transport.request<AdminInvoice>({
      method: 'PUT',
      path: `/admin/invoices/by-external-id/${seg(externalId)}`,
      body,
    });
  }

  /**
   * Sends the invoice: a draft gets its number and becomes unpaid; a sent one is emailed again.
   * @example const { number } = await admin.invoices.send(id);
   */
  send(id: string): Promise<AdminInvoice> {
    return this.transport.request<AdminInvoice>({ method: 'POST', path: `/admin/invoices/${seg(id)}/send` });
  }

  /**
   * Cancels a sent invoice that has received no payment.
   * @example await admin.invoices.cancel(id);
   */
  cancel(id: string): Promise<AdminInvoice> {
    return this.transport.request<AdminInvoice>({ method: 'POST', path: `/admin/invoices/${seg(id)}/cancel` });
  }

  /**
   * Records a manual payment (default: the whole balance). Sent with an Idempotency-Key.
   * @example const { payment, invoice } = await admin.invoices.pay(id, { amount: 5000, mode: 'bank_transfer' });
   */
  pay(id: string, body: ManualPaymentRequest = {}, options: IdempotentOptions = {}): Promise<ManualPaymentResult> {
    return this.transport.request<ManualPaymentResult>({
      method: 'POST',
      path: `/admin/invoices/${seg(id)}/payments`,
      body,
      idempotent: true,
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
    });
  }
}

export class AdminCredits {
  constructor(private readonly transport: Transport) {}

  /**
   * Open client credits: money received above an invoice's balance.
   * @example for await (const credit of admin.credits.list()) console.log(credit.amount, credit.currency);
   */
  list(query: AdminCreditListQuery = {}): ListPromise<AdminCredit> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<AdminCredit>>({
        method: 'GET',
        path: '/admin/credits',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Settles an open credit the firm handled itself (refunded outside Stripe, or written off).
   * @example await admin.credits.resolve(credit.id, { resolution: 'refunded_manually', note: 'bank transfer 12 Dec' });
   */
  resolve(id: string, body: AdminCreditResolveRequest): Promise<AdminCredit> {
    return this.transport.request<AdminCredit>({ method: 'POST', path: `/admin/credits/${seg(id)}/resolve`, body });
  }
}
