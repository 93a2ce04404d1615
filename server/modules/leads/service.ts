import type { z } from 'zod';
import type { List, ParamCode } from '../../../sdk/schemas/common.js';
import { isKnownCurrency, moneyMessages } from '../../../sdk/currencies.js';
import type { Lead, LeadCreateRequest, LeadListQuery, LeadUpdateRequest } from '../../../sdk/schemas/leads.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as staff from '../staff/service.js';
import { editableColumns, LeadModel, type EditableColumn } from './models.js';
import { adminLead } from './serialize.js';

export const messages = {
  notFound: 'No such lead.',
  unknownOwner: 'No such staff user in this firm.',
};

type LeadOut = z.input<typeof Lead>;

const invalid = (path: string, message: string, code?: ParamCode) =>
  new ValidationError(message, [{ path, message, ...(code ? { code } : {}) }]);

/** The firm's leads, newest first, optionally at one stage or of one owner. */
export async function list(db: RequestDb, query: z.output<typeof LeadListQuery>): Promise<List<LeadOut>> {
  const builder = keysetPage(LeadModel.query(db.knex), 'leads', query);
  if (query.stage) builder.where('leads.stage', query.stage);
  if (query.owner_id) builder.where('leads.owner_id', query.owner_id);
  return toList(await builder, query.limit, adminLead);
}

async function find(db: RequestDb, id: string, lock = false): Promise<Row<LeadModel> | undefined> {
  const builder = LeadModel.query(db.knex).where({ id }).first();
  if (lock) builder.forNoKeyUpdate();
  return builder;
}

/** Whether the lead exists in the firm (another firm's leads never do). */
export async function exists(db: RequestDb, id: string): Promise<boolean> {
  return (await LeadModel.query(db.knex).select(1).where({ id }).first()) !== undefined;
}

export async function retrieve(db: RequestDb, id: string): Promise<LeadOut> {
  const row = await find(db, id);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  return adminLead(row);
}

/** What the schema cannot check: the currency is one we know, the owner is staff of this firm. */
async function checkReferences(db: RequestDb, body: { currency?: string; owner_id?: string | null }): Promise<void> {
  if (body.currency !== undefined && !isKnownCurrency(body.currency)) {
    throw invalid('body.currency', moneyMessages.unknownCurrency(body.currency), 'invalid_value');
  }
  if (body.owner_id) {
    if (!(await staff.staffName(db, body.owner_id))) throw invalid('body.owner_id', messages.unknownOwner, 'not_found');
  }
}

/** Adds a lead; its currency defaults to the firm's. */
export async function create(act: AdminAct, body: z.output<typeof LeadCreateRequest>): Promise<LeadOut> {
  const { db } = act;
  await checkReferences(db, body);
  const currency = body.currency ?? act.admin.currency;
  const { id } = await LeadModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      name: body.name,
      email: body.email ?? null,
      phone: body.phone ?? null,
      company: body.company ?? null,
      stage: body.stage,
      source: body.source ?? null,
      owner_id: body.owner_id ?? null,
      value: body.value ?? null,
      currency,
      notes: body.notes ?? null,
    } as never)
    .returning('id')
    .castTo<Pick<Row<LeadModel>, 'id'>>();
  await recordAudit(
    db,
    {
      action: 'lead.created',
      ...adminActor(act.admin),
      subjectType: 'lead',
      subjectId: id,
      data: { name: body.name, stage: body.stage, owner_id: body.owner_id ?? null },
    },
    act.meta,
  );
  return retrieve(db, id);
}

/**
 * Changes the fields sent (null clears an optional one). The audit event lists
 * each changed field with its old and new value, except the notes, whose text is
 * not copied into the trail (only that they changed). Nothing changed, nothing
 * written.
 */
export async function update(act: AdminAct, id: string, body: z.output<typeof LeadUpdateRequest>): Promise<LeadOut> {
  const { db } = act;
  const before = await find(db, id, true);
  if (!before) throw new NotFoundError('resource_missing', messages.notFound);
  await checkReferences(db, body);
  const changed = editableColumns.filter(
    (column) => body[column] !== undefined && normalised(column, body[column]) !== normalised(column, before[column]),
  );
  if (changed.length === 0) return adminLead(before);
  const patch: Record<string, unknown> = { updated_at: LeadModel.fn.now() };
  for (const column of changed) patch[column] = body[column];
  await LeadModel.query(db.knex)
    .patch(patch as never)
    .where({ id });
  const data: Record<string, unknown> = {};
  for (const column of changed) {
    data[column] = column === 'notes' ? { changed: true } : { from: before[column], to: body[column] };
  }
  await recordAudit(
    db,
    { action: 'lead.updated', ...adminActor(act.admin), subjectType: 'lead', subjectId: id, data },
    act.meta,
  );
  return retrieve(db, id);
}

function normalised(column: EditableColumn, value: unknown): unknown {
  return column === 'value' && value !== null ? Number(value) : value;
}
