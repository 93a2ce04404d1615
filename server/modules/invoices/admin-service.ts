/**
 * Invoices, admin side: create, change while draft, upsert by external id,
 * list and read. Sending, cancelling and manual payments live in lifecycle.ts.
 * Every statement runs in the request transaction as caseflow_staff: the
 * policies scope it to the firm.
 */
import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  AdminCredit,
  AdminInvoice,
  AdminInvoiceCreateRequest,
  AdminInvoiceListQuery,
  AdminInvoiceSummary,
  AdminInvoiceUpdateRequest,
  AdminInvoiceUpsertRequest,
} from '../../../sdk/schemas/invoices.js';
import type { AdminCreditListQuery, AdminCreditResolveRequest } from '../../../sdk/schemas/payments.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import type { AdminInvoiceRow, AdminLineRow, AdminPaymentRow, CreditRow } from './admin-models.js';
import { adminCredit, adminInvoice, adminInvoiceSummary } from './admin-serialize.js';
import { previewerColumn } from '../impersonations/previewer.js';
import { invoiceTotals, isKnownCurrency, lineFigures, moneyMessages, type LineFigures } from './money.js';
import { displayStatusColumn, statusFilter } from './overdue.js';

export const adminMessages = {
  notFound: 'No such invoice.',
  unknownClient: 'No such client in this firm.',
  unknownMatter: 'No such matter in this firm.',
  matterOfOtherClient: "This matter belongs to another client: an invoice's matter must be its client's.",
  notDraft: (status: string) =>
    `This invoice has been sent (it is ${status}): only drafts can be changed. Cancel it and issue a new one.`,
  externalIdTaken: (id: string) => `Another invoice of this firm already has the external id "${id}".`,
  totalTooLarge: 'The invoice total is too large.',
  dueBeforeIssue: (due: string, issue: string) =>
    `The due date ${due} is before the issue date ${issue}: an invoice cannot be due before it is issued.`,
  creditNotFound: 'No such credit.',
  creditResolved: (how: string) => `This credit is already settled (${how.replace('_', ' ')}).`,
};

type InvoiceOut = z.input<typeof AdminInvoice>;
type Content = z.output<typeof AdminInvoiceUpsertRequest>;
type Line = Content['lines'][number];

const summaryColumns = (tz: string) => `invoices.id, invoices.number, invoices.status, invoices.client_id,
  invoices.matter_id, invoices.currency, invoices.issue_date, invoices.due_date, invoices.subtotal, invoices.tax,
  invoices.total, invoices.amount_paid, invoices.external_id, invoices.sent_at, invoices.last_sent_at,
  invoices.cancelled_at, invoices.created_at, invoices.updated_at,
  ${displayStatusColumn(tz)}`;

/** The firm's invoices, newest first, drafts included. */
export async function list(
  db: RequestDb,
  timezone: string,
  query: z.output<typeof AdminInvoiceListQuery>,
): Promise<List<z.input<typeof AdminInvoiceSummary>>> {
  const params = new Params();
  const tz = params.add(timezone);
  const keyset = keysetSql('invoices', params, query);
  const where = [
    keyset.where,
    statusFilter(query.status, tz, params),
    query.client_id ? `invoices.client_id = ${params.add(query.client_id)}` : null,
    query.matter_id ? `invoices.matter_id = ${params.add(query.matter_id)}` : null,
    query.external_id ? `invoices.external_id = ${params.add(query.external_id)}` : null,
    query.number ? `invoices.number = ${params.add(query.number)}` : null,
  ].filter((c) => c !== null);
  const rows = await db.query<AdminInvoiceRow>(
    `SELECT ${summaryColumns(tz)} FROM invoices ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminInvoiceSummary);
}

const creditColumns =
  'id, client_id, invoice_id, payment_id, amount, original_amount, currency, reason, created_at, resolved_at, resolution';

/** One invoice with its lines, payments, credits and internal note. */
export async function retrieve(db: RequestDb, timezone: string, id: string): Promise<InvoiceOut> {
  const [row] = await db.query<AdminInvoiceRow>(
    `SELECT ${summaryColumns('$1')}, invoices.client_note, n.note AS internal_note
       FROM invoices LEFT JOIN invoice_internal_notes n ON n.tenant_id = invoices.tenant_id AND n.invoice_id = invoices.id
      WHERE invoices.id = $2`,
    [timezone, id],
  );
  if (!row) throw new NotFoundError('resource_missing', adminMessages.notFound);
  const lines = await db.query<AdminLineRow>(
    `SELECT id, position, description, quantity, unit_price, tax_rate, amount, tax
       FROM invoice_lines WHERE invoice_id = $1 ORDER BY position`,
    [id],
  );
  const payments = await db.query<AdminPaymentRow>(
    `SELECT id, invoice_id, amount, currency, method, mode, transaction_id, note, stripe_payment_intent_id,
            contact_id, refunded_amount, paid_at, created_at, ${previewerColumn('payments')}
       FROM payments WHERE invoice_id = $1 ORDER BY paid_at, created_at`,
    [id],
  );
  const credits = await db.query<CreditRow>(
    `SELECT ${creditColumns}
       FROM client_credits WHERE invoice_id = $1 ORDER BY created_at`,
    [id],
  );
  return adminInvoice(row, lines, payments, credits);
}

/** Open client credits (overpayments), newest first. */
export async function listCredits(
  db: RequestDb,
  query: z.output<typeof AdminCreditListQuery>,
): Promise<List<z.input<typeof AdminCredit>>> {
  const params = new Params();
  const keyset = keysetSql('client_credits', params, query);
  const where = [
    'client_credits.resolved_at IS NULL',
    keyset.where,
    query.client_id ? `client_credits.client_id = ${params.add(query.client_id)}` : null,
  ].filter((c) => c !== null);
  const rows = await db.query<CreditRow>(
    `SELECT ${creditColumns}
       FROM client_credits WHERE ${where.join(' AND ')} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminCredit);
}

/**
 * Settles an open credit the firm handled itself. The row lock makes a
 * concurrent Stripe refund of the same payment wait, then find it settled.
 */
export async function resolveCredit(
  act: AdminAct,
  id: string,
  body: z.output<typeof AdminCreditResolveRequest>,
): Promise<z.input<typeof AdminCredit>> {
  const { db, admin } = act;
  const [open] = await db.query<CreditRow>(`SELECT ${creditColumns} FROM client_credits WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  if (!open) throw new NotFoundError('resource_missing', adminMessages.creditNotFound);
  if (open.resolved_at) throw new ConflictError('credit_resolved', adminMessages.creditResolved(open.resolution!));
  const [row] = await db.query<CreditRow>(
    `UPDATE client_credits SET amount = 0, resolved_at = now(), resolution = $2 WHERE id = $1 RETURNING ${creditColumns}`,
    [id, body.resolution],
  );
  await recordAudit(
    db,
    {
      action: 'credit.resolved',
      ...adminActor(admin),
      subjectType: 'client_credit',
      subjectId: id,
      data: { resolution: body.resolution, amount: open.amount, currency: open.currency, note: body.note ?? null },
    },
    act.meta,
  );
  return adminCredit(row!);
}

const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/** Today in the firm's time zone, as the database sees it (the default issue date). */
export async function firmToday(db: RequestDb, timezone: string): Promise<string> {
  const [row] = await db.query<{ today: string }>(`SELECT (now() AT TIME ZONE $1)::date AS today`, [timezone]);
  return row!.today;
}

/**
 * Checks what the schema cannot: currency known, client and matter in the firm and
 * matching, dates in order (an absent issue date is today in the firm's time zone).
 */
async function checkContent(
  db: RequestDb,
  c: { client_id: string; matter_id?: string | null; currency: string; issue_date?: string; due_date?: string | null },
  timezone: string,
): Promise<void> {
  if (!isKnownCurrency(c.currency)) throw invalid('body.currency', moneyMessages.unknownCurrency(c.currency));
  const [client] = await db.query(`SELECT 1 FROM clients WHERE id = $1`, [c.client_id]);
  if (!client) throw invalid('body.client_id', adminMessages.unknownClient);
  if (c.matter_id) {
    const [matter] = await db.query<{ client_id: string }>(`SELECT client_id FROM matters WHERE id = $1`, [
      c.matter_id,
    ]);
    if (!matter) throw invalid('body.matter_id', adminMessages.unknownMatter);
    if (matter.client_id !== c.client_id) throw invalid('body.matter_id', adminMessages.matterOfOtherClient);
  }
  if (c.due_date) {
    const issue = c.issue_date ?? (await firmToday(db, timezone));
    if (c.due_date < issue) throw invalid('body.due_date', adminMessages.dueBeforeIssue(c.due_date, issue));
  }
}

/** Per-line rounding (money.ts), totals as sums of the rounded lines. */
function figuresOf(lines: Line[]): { figures: LineFigures[]; totals: ReturnType<typeof invoiceTotals> } {
  const figures = lines.map((l) => lineFigures(l.quantity, l.unit_price, l.tax_rate));
  const totals = invoiceTotals(figures);
  if (!Number.isSafeInteger(totals.total) || totals.total > 9_000_000_000_000_000) {
    throw invalid('body.lines', adminMessages.totalTooLarge);
  }
  return { figures, totals };
}

async function writeLines(db: RequestDb, invoiceId: string, lines: Line[], figures: LineFigures[]): Promise<void> {
  await db.query(`DELETE FROM invoice_lines WHERE invoice_id = $1`, [invoiceId]);
  const params = new Params();
  const invoice = params.add(invoiceId);
  const rows = lines.map(
    (l, i) =>
      `(caseflow.current_tenant(), ${invoice}, ${params.add(i)}, ${params.add(l.description)},
        ${params.add(l.quantity)}, ${params.add(l.unit_price)}, ${params.add(l.tax_rate)},
        ${params.add(figures[i]!.amount)}, ${params.add(figures[i]!.tax)}, (SELECT client_id FROM invoices WHERE id = ${invoice}))`,
  );
  await db.query(
    `INSERT INTO invoice_lines (tenant_id, invoice_id, position, description, quantity, unit_price, tax_rate, amount, tax, client_id)
     VALUES ${rows.join(', ')}`,
    params.values,
  );
}

async function writeInternalNote(db: RequestDb, invoiceId: string, note: string | null | undefined): Promise<void> {
  if (note === undefined) return;
  if (note === null) {
    await db.query(`DELETE FROM invoice_internal_notes WHERE invoice_id = $1`, [invoiceId]);
    return;
  }
  await db.query(
    `INSERT INTO invoice_internal_notes (tenant_id, invoice_id, note) VALUES (caseflow.current_tenant(), $1, $2)
     ON CONFLICT (tenant_id, invoice_id) DO UPDATE SET note = excluded.note, updated_at = now()`,
    [invoiceId, note],
  );
}

function externalIdConflict(error: unknown, externalId: string | null | undefined): unknown {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '23505' && e.constraint === 'invoices_external_id_key') {
    return new ConflictError('external_id_taken', adminMessages.externalIdTaken(externalId ?? ''));
  }
  return error;
}

async function audit(act: AdminAct, action: string, invoiceId: string, data: Record<string, unknown> = {}) {
  await recordAudit(
    act.db,
    { action, ...adminActor(act.admin), subjectType: 'invoice', subjectId: invoiceId, data },
    act.meta,
  );
}

async function insertDraft(act: AdminAct, body: Content & { external_id?: string | undefined }): Promise<string> {
  const { db, admin } = act;
  const currency = body.currency ?? admin.currency;
  await checkContent(db, { ...body, currency }, admin.timezone);
  const { figures, totals } = figuresOf(body.lines);
  let id: string;
  try {
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO invoices (tenant_id, client_id, matter_id, currency, issue_date, due_date, client_note, external_id,
                             subtotal, tax, total)
       VALUES (caseflow.current_tenant(), $1, $2, $3, COALESCE($4::date, (now() AT TIME ZONE $5)::date), $6, $7, $8,
               $9, $10, $11)
       RETURNING id`,
      [
        body.client_id,
        body.matter_id ?? null,
        currency,
        body.issue_date ?? null,
        admin.timezone,
        body.due_date ?? null,
        body.client_note ?? null,
        body.external_id ?? null,
        totals.subtotal,
        totals.tax,
        totals.total,
      ],
    );
    id = row!.id;
  } catch (error) {
    throw externalIdConflict(error, body.external_id);
  }
  await writeLines(db, id, body.lines, figures);
  await writeInternalNote(db, id, body.internal_note);
  await audit(act, 'invoice.created', id, { total: totals.total, currency, external_id: body.external_id ?? null });
  return id;
}

/** Creates a draft (no number until it is sent). */
export async function create(act: AdminAct, body: z.output<typeof AdminInvoiceCreateRequest>): Promise<InvoiceOut> {
  const id = await insertDraft(act, body);
  return retrieve(act.db, act.admin.timezone, id);
}

interface DraftRow {
  id: string;
  status: string;
  client_id: string;
  matter_id: string | null;
  currency: string;
  issue_date: string;
  due_date: string | null;
}

async function lockDraft(db: RequestDb, where: string, value: string): Promise<DraftRow | undefined> {
  const [row] = await db.query<DraftRow>(
    `SELECT id, status, client_id, matter_id, currency, issue_date, due_date FROM invoices WHERE ${where} FOR UPDATE`,
    [value],
  );
  if (row && row.status !== 'draft') throw new ConflictError('invoice_not_draft', adminMessages.notDraft(row.status));
  return row;
}

async function applyChanges(
  act: AdminAct,
  current: DraftRow,
  changes: z.output<typeof AdminInvoiceUpdateRequest>,
): Promise<void> {
  const { db } = act;
  const next = {
    client_id: changes.client_id ?? current.client_id,
    // A new client without a new matter drops the old client's matter.
    matter_id:
      changes.matter_id !== undefined
        ? changes.matter_id
        : changes.client_id && changes.client_id !== current.client_id
          ? null
          : current.matter_id,
    currency: changes.currency ?? current.currency,
    issue_date: changes.issue_date ?? current.issue_date,
    due_date: changes.due_date !== undefined ? changes.due_date : current.due_date,
  };
  await checkContent(db, next, act.admin.timezone);
  const sets: string[] = [];
  const params = new Params();
  const idParam = params.add(current.id);
  const set = (column: string, value: unknown) => sets.push(`${column} = ${params.add(value)}`);
  set('client_id', next.client_id);
  set('matter_id', next.matter_id);
  set('currency', next.currency);
  set('issue_date', next.issue_date);
  set('due_date', next.due_date);
  if (changes.client_note !== undefined) set('client_note', changes.client_note);
  if (changes.external_id !== undefined) set('external_id', changes.external_id);
  if (changes.lines) {
    const { figures, totals } = figuresOf(changes.lines);
    set('subtotal', totals.subtotal);
    set('tax', totals.tax);
    set('total', totals.total);
    await writeLines(db, current.id, changes.lines, figures);
  }
  try {
    await db.query(`UPDATE invoices SET ${sets.join(', ')}, updated_at = now() WHERE id = ${idParam}`, params.values);
  } catch (error) {
    throw externalIdConflict(error, changes.external_id);
  }
  await writeInternalNote(db, current.id, changes.internal_note);
  await audit(act, 'invoice.updated', current.id, {
    fields: Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined),
  });
}

/** Changes a draft; 409 invoice_not_draft once it has been sent. */
export async function update(
  act: AdminAct,
  id: string,
  changes: z.output<typeof AdminInvoiceUpdateRequest>,
): Promise<InvoiceOut> {
  const current = await lockDraft(act.db, 'id = $1', id);
  if (!current) throw new NotFoundError('resource_missing', adminMessages.notFound);
  await applyChanges(act, current, changes);
  return retrieve(act.db, act.admin.timezone, id);
}

/** Decimal strings compared by value ("2.25" is "2.2500"). */
const sameDecimal = (a: string, b: string) => Number(a) === Number(b);

/** Whether a PUT body says exactly what the invoice already holds. */
function sameContent(invoice: InvoiceOut, body: Content, firmCurrency: string): boolean {
  return (
    invoice.client_id === body.client_id &&
    invoice.matter_id === (body.matter_id ?? null) &&
    invoice.currency === (body.currency ?? firmCurrency) &&
    (body.issue_date === undefined || invoice.issue_date === body.issue_date) &&
    invoice.due_date === (body.due_date ?? null) &&
    invoice.client_note === (body.client_note ?? null) &&
    invoice.internal_note === (body.internal_note ?? null) &&
    invoice.lines.length === body.lines.length &&
    body.lines.every((line, i) => {
      const held = invoice.lines[i]!;
      return (
        held.description === line.description &&
        sameDecimal(held.quantity, line.quantity) &&
        held.unit_price === line.unit_price &&
        sameDecimal(held.tax_rate, line.tax_rate)
      );
    })
  );
}

/**
 * A firm's sync: PUT the whole content under its own id. Missing → a new draft
 * with that external id; a draft → its content replaced (an absent issue date
 * keeps the current one); sent → the invoice as it is when the content is
 * unchanged, else 409 invoice_not_draft. Concurrent PUTs of one
 * external id are serialised by an advisory lock on it.
 */
export async function upsertByExternalId(
  act: AdminAct,
  externalId: string,
  body: z.output<typeof AdminInvoiceUpsertRequest>,
): Promise<InvoiceOut> {
  const { db } = act;
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('invoice-external:' || caseflow.current_tenant() || $1))`, [
    externalId,
  ]);
  const [sent] = await db.query<{ id: string; status: string }>(
    `SELECT id, status FROM invoices WHERE external_id = $1 AND status <> 'draft'`,
    [externalId],
  );
  if (sent) {
    // A sync re-pushing an invoice it already sent, unchanged, is answered as is.
    const invoice = await retrieve(db, act.admin.timezone, sent.id);
    if (sameContent(invoice, body, act.admin.currency)) return invoice;
    throw new ConflictError('invoice_not_draft', adminMessages.notDraft(sent.status));
  }
  const current = await lockDraft(db, 'external_id = $1', externalId);
  if (!current) {
    const id = await insertDraft(act, { ...body, external_id: externalId });
    return retrieve(db, act.admin.timezone, id);
  }
  await applyChanges(act, current, {
    client_id: body.client_id,
    matter_id: body.matter_id ?? null,
    currency: body.currency ?? act.admin.currency,
    issue_date: body.issue_date,
    due_date: body.due_date ?? null,
    client_note: body.client_note ?? null,
    internal_note: body.internal_note ?? null,
    lines: body.lines,
  });
  return retrieve(db, act.admin.timezone, current.id);
}
