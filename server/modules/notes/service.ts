import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type { InternalNote, InternalNoteCreateRequest, InternalNoteUpdateRequest } from '../../../sdk/schemas/notes.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope } from '../../db/request-transaction.js';
import { NotFoundError, PermissionError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as clients from '../clients/service.js';
import * as matters from '../matters/service.js';
import { authorIds, authorSql } from './author.js';
import { InternalNoteModel, type NoteWithAuthor } from './models.js';
import { adminNote } from './serialize.js';

export const messages = {
  notFound: 'No such note.',
  clientNotFound: 'No such client.',
  matterNotFound: 'No such matter.',
  notYours: 'Only the note’s author or a firm admin may change or delete it.',
};

type NoteOut = z.input<typeof InternalNote>;
type Page = { limit: number; starting_after?: string | undefined };

/** Notes with their author's kind, id and name. */
function selectNotes(db: RequestDb) {
  return InternalNoteModel.query(db.knex)
    .select(
      'internal_notes.id',
      'internal_notes.client_id',
      'internal_notes.matter_id',
      'internal_notes.body',
      'internal_notes.pinned',
      'internal_notes.created_at',
      'internal_notes.updated_at',
      InternalNoteModel.raw(authorSql('internal_notes', 'author_staff_id', 'author_api_key_id')),
    )
    .castTo<NoteWithAuthor[]>();
}

async function page(db: RequestDb, column: 'client_id' | 'matter_id', id: string, query: Page) {
  const rows = await keysetPage(selectNotes(db), 'internal_notes', query).where(`internal_notes.${column}`, id);
  return toList(rows, query.limit, adminNote);
}

/** A client's notes, those on its matters included, newest first. */
export async function listForClient(db: RequestDb, clientId: string, query: Page): Promise<List<NoteOut>> {
  if (!(await clients.exists(db, clientId))) throw new NotFoundError('resource_missing', messages.clientNotFound);
  return page(db, 'client_id', clientId, query);
}

/** A matter's notes, newest first. */
export async function listForMatter(db: RequestDb, matterId: string, query: Page): Promise<List<NoteOut>> {
  if (!(await matters.exists(db, matterId))) throw new NotFoundError('resource_missing', messages.matterNotFound);
  return page(db, 'matter_id', matterId, query);
}

async function retrieve(db: RequestDb, id: string): Promise<NoteOut> {
  const [row] = await selectNotes(db).where('internal_notes.id', id);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  return adminNote(row);
}

async function insert(
  act: AdminAct,
  target: { clientId: string; matterId: string | null },
  body: z.output<typeof InternalNoteCreateRequest>,
): Promise<NoteOut> {
  const { db } = act;
  const [staffId, keyId] = authorIds(act.admin);
  const row = await InternalNoteModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      client_id: target.clientId,
      matter_id: target.matterId,
      author_staff_id: staffId,
      author_api_key_id: keyId,
      body: body.body,
      pinned: body.pinned,
    } as never)
    .returning('id')
    .castTo<Pick<Row<InternalNoteModel>, 'id'>>();
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
  if (!(await clients.exists(act.db, clientId))) throw new NotFoundError('resource_missing', messages.clientNotFound);
  return insert(act, { clientId, matterId: null }, body);
}

export async function createForMatter(
  act: AdminAct,
  matterId: string,
  body: z.output<typeof InternalNoteCreateRequest>,
): Promise<NoteOut> {
  const matter = await matters.identify(act.db, matterId);
  if (!matter) throw new NotFoundError('resource_missing', messages.matterNotFound);
  return insert(act, { clientId: matter.client_id, matterId }, body);
}

/** Locks the note and checks the caller may change it: its author, or an admin (a staff user or an admin key). */
async function lockOwn(db: RequestDb, admin: AdminScope, id: string) {
  const note = await InternalNoteModel.query(db.knex)
    .select('author_staff_id', 'author_api_key_id')
    .where({ id })
    .forUpdate()
    .first();
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
  await InternalNoteModel.query(db.knex)
    .patch({
      ...(body.body != null && { body: body.body }),
      ...(body.pinned != null && { pinned: body.pinned }),
      updated_at: InternalNoteModel.fn.now(),
    } as never)
    .where({ id });
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
  const [row] = await InternalNoteModel.query(db.knex)
    .delete()
    .where({ id })
    .returning(['client_id', 'matter_id'])
    .castTo<Pick<Row<InternalNoteModel>, 'client_id' | 'matter_id'>[]>();
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
