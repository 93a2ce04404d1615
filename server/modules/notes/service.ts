import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type { InternalNote, InternalNoteCreateRequest, InternalNoteUpdateRequest } from '../../../sdk/schemas/notes.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { NotFoundError, PermissionError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import { authorIds } from './author.js';
import { adminNote, noteColumns, type NoteRow } from './serialize.js';

export const messages = {
  notFound: 'No such note.',
  clientNotFound: 'No such client.',
  matterNotFound: 'No such matter.',
  notYours: 'Only the note’s author or a firm admin may change or delete it.',
};

type NoteOut = z.input<typeof InternalNote>;
type Page = { limit: number; starting_after?: string | undefined };

async function page(db: RequestDb, column: 'client_id' | 'matter_id', id: string, query: Page) {
  const params = new Params();
  const where = [`internal_notes.${column} = ${params.add(id)}`];
  const keyset = keysetSql('internal_notes', params, query);
  if (keyset.where) where.push(keyset.where);
  const rows = await db.query<NoteRow>(
    `SELECT ${noteColumns} FROM internal_notes WHERE ${where.join(' AND ')} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminNote);
}

/** A client's notes, those on its matters included, newest first. */
export async function listForClient(db: RequestDb, clientId: string, query: Page): Promise<List<NoteOut>> {
  const [client] = await db.query(`SELECT 1 FROM clients WHERE id = $1`, [clientId]);
  if (!client) throw new NotFoundError('resource_missing', messages.clientNotFound);
  return page(db, 'client_id', clientId, query);
}

/** A matter's notes, newest first. */
export async function listForMatter(db: RequestDb, matterId: string, query: Page): Promise<List<NoteOut>> {
  const [matter] = await db.query(`SELECT 1 FROM matters WHERE id = $1`, [matterId]);
  if (!matter) throw new NotFoundError('resource_missing', messages.matterNotFound);
  return page(db, 'matter_id', matterId, query);
}

async function retrieve(db: RequestDb, id: string): Promise<NoteOut> {
  const [row] = await db.query<NoteRow>(`SELECT ${noteColumns} FROM internal_notes WHERE id = $1`, [id]);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  return adminNote(row);
}

async function insert(
  act: AdminAct,
  target: { clientId: string; matterId: string | null },
  body: z.output<typeof InternalNoteCreateRequest>,
): Promise<NoteOut> {
  const { db } = act;
  const [row] = (await db.query<{ id: string }>(
    `INSERT INTO internal_notes (tenant_id, client_id, matter_id, author_staff_id, author_api_key_id, body, pinned)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, $5, $6) RETURNING id`,
    [target.clientId, target.matterId, ...authorIds(act.admin), body.body, body.pinned],
  )) as [{ id: string }];
  await recordAudit(
    db,
    {
      action: 'note.created',
      ...adminActor(act.admin),
      subjectType: 'internal_note',
      subjectId: row.id,
      // The body stays out of the audit trail: it is the firm's private record, the trail says who and when.
      data: { client_id: target.clientId, matter_id: target.matterId, pinned: body.pinned },
    },
    act.meta,
  );
  return retrieve(db, row.id);
}

export async function createForClient(
  act: AdminAct,
  clientId: string,
  body: z.output<typeof InternalNoteCreateRequest>,
): Promise<NoteOut> {
  const [client] = await act.db.query(`SELECT 1 FROM clients WHERE id = $1`, [clientId]);
  if (!client) throw new NotFoundError('resource_missing', messages.clientNotFound);
  return insert(act, { clientId, matterId: null }, body);
}

export async function createForMatter(
  act: AdminAct,
  matterId: string,
  body: z.output<typeof InternalNoteCreateRequest>,
): Promise<NoteOut> {
  const [matter] = await act.db.query<{ client_id: string }>(`SELECT client_id FROM matters WHERE id = $1`, [matterId]);
  if (!matter) throw new NotFoundError('resource_missing', messages.matterNotFound);
  return insert(act, { clientId: matter.client_id, matterId }, body);
}

/** Locks the note and checks the caller may change it: its author, or an admin (a staff user or an admin key). */
async function lockOwn(db: RequestDb, admin: AdminScope, id: string) {
  const [note] = await db.query<{ author_staff_id: string | null; author_api_key_id: string | null }>(
    `SELECT author_staff_id, author_api_key_id FROM internal_notes WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!note) throw new NotFoundError('resource_missing', messages.notFound);
  const [staffId, keyId] = authorIds(admin);
  const own =
    (staffId !== null && note.author_staff_id === staffId) || (keyId !== null && note.author_api_key_id === keyId);
  if (!own && admin.role !== 'admin') throw new PermissionError('note_not_yours', messages.notYours);
}

export async function update(
  act: AdminAct,
  id: string,
  body: z.output<typeof InternalNoteUpdateRequest>,
): Promise<NoteOut> {
  const { db } = act;
  await lockOwn(db, act.admin, id);
  await db.query(
    `UPDATE internal_notes SET body = coalesce($2, body), pinned = coalesce($3, pinned), updated_at = now() WHERE id = $1`,
    [id, body.body ?? null, body.pinned ?? null],
  );
  await recordAudit(
    db,
    {
      action: 'note.updated',
      ...adminActor(act.admin),
      subjectType: 'internal_note',
      subjectId: id,
      data: { fields: Object.keys(body).sort() },
    },
    act.meta,
  );
  return retrieve(db, id);
}

export async function remove(act: AdminAct, id: string): Promise<void> {
  const { db } = act;
  await lockOwn(db, act.admin, id);
  const [row] = await db.query<{ client_id: string; matter_id: string | null }>(
    `DELETE FROM internal_notes WHERE id = $1 RETURNING client_id, matter_id`,
    [id],
  );
  await recordAudit(
    db,
    {
      action: 'note.deleted',
      ...adminActor(act.admin),
      subjectType: 'internal_note',
      subjectId: id,
      data: { client_id: row!.client_id, matter_id: row!.matter_id },
    },
    act.meta,
  );
}
