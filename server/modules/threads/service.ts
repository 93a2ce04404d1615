import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  MatterThread,
  MatterThreadCreateRequest,
  MatterThreadWithMessage,
  ThreadMessage,
  ThreadMessageCreateRequest,
} from '../../../sdk/schemas/threads.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as matters from '../matters/service.js';
import { authorIds, authorSql } from '../notes/author.js';
import { MatterThreadModel, ThreadMessageModel, type MessageWithAuthor, type ThreadWithAuthor } from './models.js';
import { adminMessage, adminThread } from './serialize.js';

export const messages = {
  matterNotFound: 'No such matter.',
  threadNotFound: 'No such thread.',
};

type ThreadOut = z.input<typeof MatterThread>;
type MessageOut = z.input<typeof ThreadMessage>;
type Page = { limit: number; starting_after?: string | undefined };

/** Threads with their message count and who started them. */
function selectThreads(db: RequestDb) {
  return MatterThreadModel.query(db.knex)
    .select(
      'matter_threads.id',
      'matter_threads.matter_id',
      'matter_threads.subject',
      'matter_threads.created_at',
      'matter_threads.last_message_at',
      MatterThreadModel.relatedQuery('messages').count().castTo<number>().as('message_count'),
      MatterThreadModel.raw(authorSql('matter_threads', 'created_by_staff_id', 'created_by_api_key_id')),
    )
    .castTo<ThreadWithAuthor[]>();
}

/** Messages with their author. */
function selectMessages(db: RequestDb) {
  return ThreadMessageModel.query(db.knex)
    .select(
      'matter_thread_messages.id',
      'matter_thread_messages.thread_id',
      'matter_thread_messages.body',
      'matter_thread_messages.created_at',
      ThreadMessageModel.raw(authorSql('matter_thread_messages', 'author_staff_id', 'author_api_key_id')),
    )
    .castTo<MessageWithAuthor[]>();
}

/** A matter's threads, latest activity first. */
export async function listForMatter(db: RequestDb, matterId: string, query: Page): Promise<List<ThreadOut>> {
  if (!(await matters.exists(db, matterId))) throw new NotFoundError('resource_missing', messages.matterNotFound);
  const rows = await keysetPage(selectThreads(db), 'matter_threads', query, 'last_message_at').where(
    'matter_threads.matter_id',
    matterId,
  );
  return toList(rows, query.limit, adminThread);
}

export async function retrieve(db: RequestDb, id: string): Promise<ThreadOut> {
  const [row] = await selectThreads(db).where('matter_threads.id', id);
  if (!row) throw new NotFoundError('resource_missing', messages.threadNotFound);
  return adminThread(row);
}

async function message(db: RequestDb, id: string): Promise<MessageOut> {
  const [row] = await selectMessages(db).where('matter_thread_messages.id', id);
  return adminMessage(row!);
}

/**
 * A thread's messages, oldest first: the keyset walks forward over
 * (created_at, id), so messages posted while a reader pages are never skipped.
 */
export async function listMessages(db: RequestDb, threadId: string, query: Page): Promise<List<MessageOut>> {
  const thread = await MatterThreadModel.query(db.knex).select(1).where({ id: threadId }).first();
  if (!thread) throw new NotFoundError('resource_missing', messages.threadNotFound);
  const builder = selectMessages(db)
    .where('matter_thread_messages.thread_id', threadId)
    .orderBy('matter_thread_messages.created_at')
    .orderBy('matter_thread_messages.id')
    .limit(query.limit + 1);
  if (query.starting_after) {
    builder.whereRaw(
      `(matter_thread_messages.created_at, matter_thread_messages.id) >
         (SELECT c.created_at, c.id FROM matter_thread_messages c WHERE c.id = ?)`,
      [query.starting_after],
    );
  }
  return toList(await builder, query.limit, adminMessage);
}

async function insertMessage(act: AdminAct, threadId: string, body: string): Promise<string> {
  const [staffId, keyId] = authorIds(act.admin);
  const row = await ThreadMessageModel.query(act.db.knex)
    .insert({
      tenant_id: currentTenant(),
      thread_id: threadId,
      author_staff_id: staffId,
      author_api_key_id: keyId,
      body,
      // The wall clock, not the transaction start: a thread and its first message are ordered even in one request.
      created_at: ThreadMessageModel.raw('clock_timestamp()'),
    } as never)
    .returning(['id', 'created_at'])
    .castTo<Pick<Row<ThreadMessageModel>, 'id' | 'created_at'>>();
  await MatterThreadModel.query(act.db.knex).patch({ last_message_at: row.created_at }).where({ id: threadId });
  return row.id;
}

/** Starts a thread on a matter with its first message. */
export async function create(
  act: AdminAct,
  matterId: string,
  body: z.output<typeof MatterThreadCreateRequest>,
): Promise<z.input<typeof MatterThreadWithMessage>> {
  const { db } = act;
  if (!(await matters.exists(db, matterId))) throw new NotFoundError('resource_missing', messages.matterNotFound);
  const [staffId, keyId] = authorIds(act.admin);
  const thread = await MatterThreadModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      matter_id: matterId,
      subject: body.subject,
      created_by_staff_id: staffId,
      created_by_api_key_id: keyId,
      created_at: MatterThreadModel.raw('clock_timestamp()'),
    } as never)
    .returning('id')
    .castTo<Pick<Row<MatterThreadModel>, 'id'>>();
  const messageId = await insertMessage(act, thread.id, body.body);
  await recordAudit(
    db,
    {
      action: 'thread.created',
      ...adminActor(act.admin),
      subjectType: 'matter_thread',
      subjectId: thread.id,
      data: { matter_id: matterId, subject: body.subject, message_id: messageId },
    },
    act.meta,
  );
  return { thread: await retrieve(db, thread.id), message: await message(db, messageId) };
}

/** Posts a message to a thread; the thread moves to the top of its matter's list. */
export async function reply(
  act: AdminAct,
  threadId: string,
  body: z.output<typeof ThreadMessageCreateRequest>,
): Promise<MessageOut> {
  const { db } = act;
  const thread = await MatterThreadModel.query(db.knex).select('matter_id').where({ id: threadId }).forUpdate().first();
  if (!thread) throw new NotFoundError('resource_missing', messages.threadNotFound);
  const messageId = await insertMessage(act, threadId, body.body);
  await recordAudit(
    db,
    {
      action: 'thread.message_posted',
      ...adminActor(act.admin),
      subjectType: 'matter_thread',
      subjectId: threadId,
      data: { matter_id: thread.matter_id, message_id: messageId },
    },
    act.meta,
  );
  return message(db, messageId);
}
