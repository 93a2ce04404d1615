/**
 * A draft's content: checked against what the schema cannot check (client,
 * matter, currency, dates), its figures computed per line (money.ts), and its
 * lines and internal note written. drafts.ts composes these.
 */
import type { z } from 'zod';
import type { ParamCode } from '../../../sdk/schemas/common.js';
import type { AdminInvoiceUpsertRequest } from '../../../sdk/schemas/invoices.js';
import { currentTenant } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { ValidationError } from '../../errors.js';
import { exists as clientExists } from '../clients/service.js';
import { identify as identifyMatter } from '../matters/service.js';
import { adminMessages, firmToday } from './admin-read.js';
import { InvoiceInternalNoteModel, InvoiceLineModel, InvoiceModel } from './models.js';
import { isKnownCurrency, moneyMessages } from '../../../sdk/currencies.js';
import { invoiceTotals, lineFigures, type LineFigures } from './money.js';

type Line = z.output<typeof AdminInvoiceUpsertRequest>['lines'][number];

export const invalid = (path: string, message: string, code?: ParamCode) =>
  new ValidationError(message, [{ path, message, ...(code ? { code } : {}) }]);

/**
 * Checks what the schema cannot: currency known, client and matter in the firm and
 * matching, dates in order (an absent issue date is today in the firm's time zone).
 */
export async function checkContent(
  db: RequestDb,
  c: { client_id: string; matter_id?: string | null; currency: string; issue_date?: string; due_date?: string | null },
  timezone: string,
): Promise<void> {
  if (!isKnownCurrency(c.currency))
    throw invalid('body.currency', moneyMessages.unknownCurrency(c.currency), 'invalid_value');
  if (!(await clientExists(db, c.client_id))) throw invalid('body.client_id', adminMessages.unknownClient, 'not_found');
  if (c.matter_id) {
    const matter = await identifyMatter(db, c.matter_id);
    if (!matter) throw invalid('body.matter_id', adminMessages.unknownMatter, 'not_found');
    if (matter.client_id !== c.client_id) throw invalid('body.matter_id', adminMessages.matterOfOtherClient);
  }
  if (c.due_date) {
    const issue = c.issue_date ?? (await firmToday(db, timezone));
    if (c.due_date < issue)
      throw invalid('body.due_date', adminMessages.dueBeforeIssue(c.due_date, issue), 'invalid_date');
  }
}

/** Per-line rounding (money.ts), totals as sums of the rounded lines. */
export function figuresOf(lines: Line[]): { figures: LineFigures[]; totals: ReturnType<typeof invoiceTotals> } {
  const figures = lines.map((l) => lineFigures(l.quantity, l.unit_price, l.tax_rate));
  const totals = invoiceTotals(figures);
  if (!Number.isSafeInteger(totals.total) || totals.total > 9_000_000_000_000_000) {
    throw invalid('body.lines', adminMessages.totalTooLarge, 'too_large');
  }
  return { figures, totals };
}

export async function writeLines(
  db: RequestDb,
  invoiceId: string,
  lines: Line[],
  figures: LineFigures[],
): Promise<void> {
  await InvoiceLineModel.query(db.knex).delete().where('invoice_id', invoiceId);
  // The line keeps its invoice's client, for the portal's policies.
  const clientOfInvoice = InvoiceModel.query(db.knex).select('client_id').where('id', invoiceId);
  await InvoiceLineModel.query(db.knex).insert(
    lines.map((l, i) => ({
      tenant_id: currentTenant(),
      invoice_id: invoiceId,
      position: i,
      description: l.description,
      quantity: l.quantity,
      unit_price: l.unit_price,
      tax_rate: l.tax_rate,
      amount: figures[i]!.amount,
      tax: figures[i]!.tax,
      client_id: clientOfInvoice,
    })) as never,
  );
}

export async function writeInternalNote(
  db: RequestDb,
  invoiceId: string,
  note: string | null | undefined,
): Promise<void> {
  if (note === undefined) return;
  if (note === null) {
    await InvoiceInternalNoteModel.query(db.knex).delete().where('invoice_id', invoiceId);
    return;
  }
  await InvoiceInternalNoteModel.query(db.knex)
    .insert({ tenant_id: currentTenant(), invoice_id: invoiceId, note } as never)
    .onConflict(['tenant_id', 'invoice_id'])
    .merge({ note, updated_at: InvoiceInternalNoteModel.fn.now() } as never);
}
