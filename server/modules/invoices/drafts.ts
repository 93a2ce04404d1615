/**
 * Invoices, admin side, drafts: create, change while draft, upsert by external
 * id (a firm's sync), each audited. The content's checks, figures and lines
 * are content.ts; reads are admin-read.ts; sending and cancelling lifecycle.ts.
 */
import type { z } from 'zod';
import type {
  AdminInvoiceCreateRequest,
  AdminInvoiceUpdateRequest,
  AdminInvoiceUpsertRequest,
} from '../../../sdk/schemas/invoices.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { adminMessages, retrieve, type InvoiceOut } from './admin-read.js';
import { checkContent, figuresOf, writeInternalNote, writeLines } from './content.js';
import { InvoiceModel } from './models.js';
import { isUniqueViolation } from '../../db/errors.js';

type Content = z.output<typeof AdminInvoiceUpsertRequest>;

function externalIdConflict(error: unknown, externalId: string | null | undefined): unknown {
  if (isUniqueViolation(error, 'invoices_external_id_key')) {
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
    const row = await InvoiceModel.query(db.knex)
      .insert({
        tenant_id: currentTenant(),
        client_id: body.client_id,
        matter_id: body.matter_id ?? null,
        currency,
        issue_date: InvoiceModel.raw('COALESCE(?::date, (now() AT TIME ZONE ?)::date)', [
          body.issue_date ?? null,
          admin.timezone,
        ]),
        due_date: body.due_date ?? null,
        client_note: body.client_note ?? null,
        external_id: body.external_id ?? null,
        subtotal: totals.subtotal,
        tax: totals.tax,
        total: totals.total,
      } as never)
      .returning('id')
      .castTo<Pick<Row<InvoiceModel>, 'id'>>();
    id = row.id;
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

type DraftRow = Pick<
  Row<InvoiceModel>,
  'id' | 'status' | 'client_id' | 'matter_id' | 'currency' | 'issue_date' | 'due_date'
>;

/** Locks the invoice found by id or external id; 409 invoice_not_draft once it has been sent. */
async function lockDraft(
  db: RequestDb,
  where: { id: string } | { external_id: string },
): Promise<DraftRow | undefined> {
  const row = await InvoiceModel.query(db.knex)
    .select('id', 'status', 'client_id', 'matter_id', 'currency', 'issue_date', 'due_date')
    .where(where)
    .forUpdate()
    .first()
    .castTo<DraftRow | undefined>();
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
  const patch: Partial<Row<InvoiceModel>> = { ...next };
  if (changes.client_note !== undefined) patch.client_note = changes.client_note;
  if (changes.external_id !== undefined) patch.external_id = changes.external_id;
  if (changes.lines) {
    const { figures, totals } = figuresOf(changes.lines);
    Object.assign(patch, totals);
    await writeLines(db, current.id, changes.lines, figures);
  }
  try {
    await InvoiceModel.query(db.knex)
      .patch({ ...patch, updated_at: InvoiceModel.fn.now() } as never)
      .where('id', current.id);
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
  const current = await lockDraft(act.db, { id });
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
  const sent = await InvoiceModel.query(db.knex)
    .select('id', 'status')
    .where('external_id', externalId)
    .whereNot('status', 'draft')
    .first()
    .castTo<Pick<Row<InvoiceModel>, 'id' | 'status'> | undefined>();
  if (sent) {
    // A sync re-pushing an invoice it already sent, unchanged, is answered as is.
    const invoice = await retrieve(db, act.admin.timezone, sent.id);
    if (sameContent(invoice, body, act.admin.currency)) return invoice;
    throw new ConflictError('invoice_not_draft', adminMessages.notDraft(sent.status));
  }
  const current = await lockDraft(db, { external_id: externalId });
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
