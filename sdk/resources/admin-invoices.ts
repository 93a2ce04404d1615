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
import type { ListPromise } from '../pagination.js';
import type { IdempotentOptions } from '../transport.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminInvoices {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's invoices, drafts included, newest first.
   * @example for await (const invoice of admin.invoices.list({ status: 'overdue' })) console.log(invoice.number);
   */
  list(query: AdminInvoiceListQuery = {}): ListPromise<AdminInvoiceSummary> {
    return this.api.list('adminListInvoices', { query });
  }

  /**
   * Creates a draft. Sent with an Idempotency-Key (yours, or one made for this call and reused on its retries).
   * @example
   * const invoice = await admin.invoices.create({
   *   client_id, lines: [{ description: 'Advice', quantity: '1.5', unit_price: 25000, tax_rate: '20' }],
   * });
   */
  create(body: AdminInvoiceCreateRequest, options: IdempotentOptions = {}): Promise<AdminInvoice> {
    return this.api.call('adminCreateInvoice', { body, idempotencyKey: options.idempotencyKey });
  }

  /**
   * One invoice with lines, payments, credits and the internal note.
   * @example const invoice = await admin.invoices.retrieve(id);
   */
  retrieve(id: string): Promise<AdminInvoice> {
    return this.api.call('adminRetrieveInvoice', { params: { id } });
  }

  /**
   * Changes a draft (409 invoice_not_draft once sent); `lines` replace all lines.
   * @example await admin.invoices.update(id, { due_date: '2026-12-31' });
   */
  update(id: string, body: AdminInvoiceUpdateRequest): Promise<AdminInvoice> {
    return this.api.call('adminUpdateInvoice', { params: { id }, body });
  }

  /**
   * Creates or replaces the draft with this external id (your system's id); 409 once sent.
   * @example await admin.invoices.upsertByExternalId('erp-4711', { client_id, lines });
   */
  upsertByExternalId(externalId: string, body: AdminInvoiceUpsertRequest): Promise<AdminInvoice> {
    return this.api.call('adminUpsertInvoiceByExternalId', { params: { external_id: externalId }, body });
  }

  /**
   * Sends the invoice: a draft gets its number and becomes unpaid; a sent one is emailed again.
   * @example const { number } = await admin.invoices.send(id);
   */
  send(id: string): Promise<AdminInvoice> {
    return this.api.call('adminSendInvoice', { params: { id } });
  }

  /**
   * Cancels a sent invoice that has received no payment.
   * @example await admin.invoices.cancel(id);
   */
  cancel(id: string): Promise<AdminInvoice> {
    return this.api.call('adminCancelInvoice', { params: { id } });
  }

  /**
   * Records a manual payment (default: the whole balance). Sent with an Idempotency-Key.
   * @example const { payment, invoice } = await admin.invoices.pay(id, { amount: 5000, mode: 'bank_transfer' });
   */
  pay(id: string, body: ManualPaymentRequest = {}, options: IdempotentOptions = {}): Promise<ManualPaymentResult> {
    return this.api.call('adminCreateInvoicePayment', { params: { id }, body, idempotencyKey: options.idempotencyKey });
  }
}

export class AdminCredits {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * Open client credits: money received above an invoice's balance.
   * @example for await (const credit of admin.credits.list()) console.log(credit.amount, credit.currency);
   */
  list(query: AdminCreditListQuery = {}): ListPromise<AdminCredit> {
    return this.api.list('adminListCredits', { query });
  }

  /**
   * Settles an open credit the firm handled itself (refunded outside Stripe, or written off).
   * @example await admin.credits.resolve(credit.id, { resolution: 'refunded_manually', note: 'bank transfer 12 Dec' });
   */
  resolve(id: string, body: AdminCreditResolveRequest): Promise<AdminCredit> {
    return this.api.call('adminResolveCredit', { params: { id }, body });
  }
}
