import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import { isKnownCurrency, moneyMessages } from '../../../sdk/schemas/currencies.js';
import type { Lead, LeadCreateRequest, LeadListQuery, LeadUpdateRequest } from '../../../sdk/schemas/leads.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import { editableColumns, type EditableColumn, type LeadRow } from './models.js';
import { adminLead } from './serialize.js';

export const messages = {
  notFound: 'No such lead.',
  unknownOwner: 'No such staff user in this firm.',
};

type LeadOut = z.input<typeof Lead>;

const columns =
  'leads.id, leads.name, leads.email, leads.phone, leads.company, leads.stage, leads.source, leads.owner_id, ' +
  'leads.value, leads.currency, leads.notes, leads.created_at, leads.updated_at';

const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/** The firm's leads, newest first, optionally at one stage or of one owner. */
export async function list(db: RequestDb, query: z.output<typeof LeadListQuery>): Promise<List<LeadOut>> {
  const params = new Params();
  const keyset = keysetSql('leads', params, query);
  const where = [
    keyset.where,
    query.stage ? `leads.stage = ${params.add(query.stage)}` : null,
    query.owner_id ? `leads.owner_id = ${params.add(query.owner_id)}` : null,
  ].filter((c) => c !== null);
  const rows = await db.query<LeadRow>(
    `SELECT ${columns} FROM leads ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminLead);
}

async function find(db: RequestDb, id: string, lock = false): Promise<LeadRow | undefined> {
  const [row] = await db.query<LeadRow>(
    `SELECT ${columns} FROM leads WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function retrieve(db: RequestDb, id: string): Promise<LeadOut> {
  const row = await find(db, id);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  return adminLead(row);
}

/** What the schema cannot check: the currency is one we know, the owner is staff of this firm. */
async function checkReferences(db: RequestDb, body: { currency?: string; owner_id?: string | null }): Promise<void> {
  if (body.currency !== undefined && !isKnownCurrency(body.currency)) {
    throw invalid('body.currency', moneyMessages.unknownCurrency(body.currency));
  }
  if (body.owner_id) {
    const [owner] = await db.query(`SELECT 1 FROM staff_users WHERE id = $1`, [body.owner_id]);
    if (!owner) throw invalid('body.owner_id', messages.unknownOwner);
  }
}

/** Adds a lead; its currency defaults to the firm's. */
export async function create(act: AdminAct, body: z.output<typeof LeadCreateRequest>): Promise<LeadOut> {
  const { db } = act;
  await checkReferences(db, body);
  const currency = body.currency ?? act.admin.currency;
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO leads (tenant_id, name, email, phone, company, stage, source, owner_id, value, currency, notes)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING id`,
    [
      body.name,
      body.email ?? null,
      body.phone ?? null,
      body.company ?? null,
      body.stage,
      body.source ?? null,
      body.owner_id ?? null,
      body.value ?? null,
      currency,
      body.notes ?? null,
    ],
  );
  const id = row!.id;
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
  const params = new Params();
  const assignments = changed.map((column) => `${column} = ${params.add(body[column])}`);
  await db.query(
    `UPDATE leads SET ${assignments.join(', ')}, updated_at = now() WHERE id = ${params.add(id)}`,
    params.values,
  );
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
