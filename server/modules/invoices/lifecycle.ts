/**
 * What moves an invoice along: send (number at first send, emails) and cancel.
 * Each locks the invoice row first, so two of them (or a payment, which locks
 * it too: balance.ts) on one invoice apply one after the other.
 */
import type { z } from 'zod';
import type { AdminInvoice } from '../../../sdk/schemas/invoices.js';
import { tenantPublicUrl, type Config } from '../../config.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Keyring } from '../../security/keyring.js';
import { enqueueEmail } from '../email/outbox.js';
import { invoiceSent } from '../email/templates.js';
import { recordEvent } from '../../jobs/events.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import type { Row } from '../../db/model.js';
import { adminMessages, retrieve } from './admin-read.js';
import { lockInvoice } from './balance.js';
import { InvoiceModel } from './models.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Language } from '../../../sdk/i18n.js';
import { contactReader } from '../../i18n/reader.js';

export const lifecycleMessages = {
  cancelDraft: 'A draft has never been sent: change it instead. Only sent invoices can be cancelled.',
  alreadyCancelled: 'This invoice is already cancelled.',
  cancelled: 'This invoice is cancelled: it cannot be sent again.',
  cancelPaid: 'This invoice is paid: a paid invoice cannot be cancelled.',
  cancelWithPayments: 'This invoice has received payments: a partly paid invoice cannot be cancelled.',
  numberTaken: (number: string) =>
    `The next invoice number, ${number}, is already used by another invoice of this firm: change the firm's invoice prefix.`,
};

type InvoiceOut = z.input<typeof AdminInvoice>;

type SendRow = Pick<
  Row<InvoiceModel>,
  'id' | 'status' | 'client_id' | 'number' | 'currency' | 'total' | 'amount_paid' | 'due_date'
>;

/** The next number of the firm: its prefix and counter (created at the first send after the invoices it already numbered). */
async function nextNumber(act: AdminAct): Promise<string> {
  const [row] = await act.db.query<{ last_number: number; invoice_prefix: string }>(
    `WITH counter AS (
       INSERT INTO invoice_counters (tenant_id, last_number)
       VALUES (caseflow.current_tenant(), (SELECT count(*) + 1 FROM invoices WHERE number IS NOT NULL))
       ON CONFLICT (tenant_id) DO UPDATE SET last_number = invoice_counters.last_number + 1
       RETURNING last_number)
     SELECT counter.last_number, t.invoice_prefix FROM counter, tenants t WHERE t.id = caseflow.current_tenant()`,
  );
  return `${row!.invoice_prefix}${String(row!.last_number).padStart(4, '0')}`;
}

export interface SendDeps {
  config: Config;
  keyring: Keyring;
}

/**
 * Sends an invoice: a draft gets the next number and becomes unpaid; a sent one
 * only gets a new last_sent_at. Either way, each active contact of the client
 * who receives invoice emails gets one. Returns the invoice and how many emails were queued.
 */
export async function send(
  act: AdminAct,
  deps: SendDeps,
  id: string,
): Promise<{ invoice: InvoiceOut; emails: number }> {
  const { db, admin } = act;
  const row = await InvoiceModel.query(db.knex)
    .select('id', 'status', 'client_id', 'number', 'currency', 'total', 'amount_paid', 'due_date')
    .where('id', id)
    .forUpdate()
    .first()
    .castTo<SendRow | undefined>();
  if (!row) throw new NotFoundError('resource_missing', adminMessages.notFound);
  if (row.status === 'cancelled') throw new ConflictError('invoice_cancelled', lifecycleMessages.cancelled);
  const first = row.status === 'draft';
  let number = row.number;
  if (first) {
    number = await nextNumber(act);
    try {
      const now = InvoiceModel.fn.now();
      await InvoiceModel.query(db.knex)
        .patch({ number, status: 'unpaid', sent_at: now, last_sent_at: now, updated_at: now } as never)
        .where('id', id);
    } catch (error) {
      if (isUniqueViolation(error, 'invoices_tenant_id_number_key')) {
        throw new ConflictError('invoice_number_taken', lifecycleMessages.numberTaken(number));
      }
      throw error;
    }
  } else {
    const now = InvoiceModel.fn.now();
    await InvoiceModel.query(db.knex)
      .patch({ last_sent_at: now, updated_at: now } as never)
      .where('id', id);
  }

  const recipients = await db.query<{ first_name: string; email: string; language: Language | null }>(
    `SELECT first_name, email, language FROM contacts
      WHERE client_id = $1 AND active AND receives_invoice_emails ORDER BY created_at, id`,
    [row.client_id],
  );
  const [tenant] = await db.query<{ public_url: string | null; has_instructions: boolean }>(
    `SELECT public_url, num_nonnulls(payment_bank_details, payment_remit_to, payment_notes) > 0 AS has_instructions
       FROM tenants WHERE id = caseflow.current_tenant()`,
  );
  const base = tenantPublicUrl(deps.config, { tenant_slug: admin.tenant_slug, public_url: tenant?.public_url });
  const due = Math.max(row.total - row.amount_paid, 0);
  for (const contact of recipients) {
    // Each contact reads it in their own language, the amount and date in its locale.
    const email = invoiceSent({
      reader: contactReader(contact.language, admin),
      firm: admin.tenant_name,
      firstName: contact.first_name,
      number: number!,
      amountDue: due,
      currency: row.currency,
      dueDate: row.due_date,
      url: `${base}/clients/invoices/${id}`,
      howToPay: due > 0 && tenant?.has_instructions === true,
    });
    await enqueueEmail(db, deps.keyring, admin.tenant_id, contact.email, email);
  }
  await recordAudit(
    db,
    {
      action: first ? 'invoice.sent' : 'invoice.resent',
      ...adminActor(admin),
      subjectType: 'invoice',
      subjectId: id,
      data: { number, recipients: recipients.length },
    },
    act.meta,
  );
  if (first) {
    await recordEvent(db, {
      type: 'invoice.sent',
      data: { invoice_id: id, number: number! },
      subjectType: 'invoice',
      subjectId: id,
      ...adminActor(admin),
    });
  }
  return { invoice: await retrieve(db, admin.timezone, id), emails: recipients.length };
}

/** Cancels a sent invoice that has received nothing; drafts, paid and part-paid invoices are refused (409). */
export async function cancel(act: AdminAct, id: string): Promise<InvoiceOut> {
  const { db, admin } = act;
  const invoice = await lockInvoice(db, id);
  if (!invoice) throw new NotFoundError('resource_missing', adminMessages.notFound);
  const refuse: Record<string, [string, string] | undefined> = {
    draft: ['invoice_not_sent', lifecycleMessages.cancelDraft],
    cancelled: ['invoice_already_cancelled', lifecycleMessages.alreadyCancelled],
    paid: ['invoice_paid', lifecycleMessages.cancelPaid],
    partially_paid: ['invoice_has_payments', lifecycleMessages.cancelWithPayments],
  };
  const refused = refuse[invoice.status];
  if (refused) throw new ConflictError(...refused);
  const now = InvoiceModel.fn.now();
  await InvoiceModel.query(db.knex)
    .patch({ status: 'cancelled', cancelled_at: now, updated_at: now } as never)
    .where('id', id);
  await recordAudit(
    db,
    { action: 'invoice.cancelled', ...adminActor(admin), subjectType: 'invoice', subjectId: id },
    act.meta,
  );
  const cancelled = await retrieve(db, admin.timezone, id);
  // Its open Checkout Sessions expire after commit (the expire-checkout-sessions subscriber).
  await recordEvent(db, {
    type: 'invoice.cancelled',
    data: { invoice_id: id, number: cancelled.number! },
    subjectType: 'invoice',
    subjectId: id,
    ...adminActor(admin),
  });
  return cancelled;
}
