import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  MatterThread,
  MatterThreadCreateRequest,
  MatterThreadWithMessage,
  ThreadMessage,
  ThreadMessageCreateRequest,
} from '../../../sdk/schemas/threads.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import { authorIds } from '../notes/author.js';
import {
  adminMessage,
  adminThread,
  messageColumns,
  threadColumns,
  type MessageRow,
  type ThreadRow,
} from './serialize.js';

export const messages = {
  matterNotFound: 'No such matter.',
  threadNotFound: 'No such thread.',
};

type ThreadOut = z.input<typeof MatterThread>;
type MessageOut = z.input<typeof ThreadMessage>;
type Page = { limit: number; starting_after?: string | undefined };

/** A matter's threads, latest activity first. */
export async function listForMatter(db: RequestDb, matterId: string, query: Page): Promise<List<ThreadOut>> {
  const [matter] = await db.query(`SELECT 1 FROM matters WHERE id = $1`, [matterId]);
  if (!matter) throw new NotFoundError('resource_missing', messages.matterNotFound);
  const params = new Params();
  const where = [`matter_threads.matter_id = ${params.add(matterId)}`];
  const keyset = keysetSql('matter_threads', params, query, 'last_message_at');
  if (keyset.where) where.push(keyset.where);
  const rows = await db.query<ThreadRow>(
    `SELECT ${threadColumns} FROM matter_threads WHERE ${where.join(' AND ')} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminThread);
}

export async function retrieve(db: RequestDb, id: string): Promise<ThreadOut> {
  const [row] = await db.query<ThreadRow>(`SELECT ${threadColumns} FROM matter_threads WHERE id = $1`, [id]);
  if (!row) throw new NotFoundError('resource_missing', messages.threadNotFound);
  return adminThread(row);
}

async function message(db: RequestDb, id: string): Promise<MessageOut> {
  const [row] = await db.query<MessageRow>(`SELECT ${messageColumns} FROM matter_thread_messages WHERE id = $1`, [id]);
  return adminMessage(row!);
}

/**
 * A thread's messages, oldest first: the keyset walks forward over
 * (created_at, id), so messages posted while a reader pages are never skipped.
 */
export async function listMessages(db: RequestDb, threadId: string, query: Page): Promise<List<MessageOut>> {
  const [thread] = await db.query(`SELECT 1 FROM matter_threads WHERE id = $1`, [threadId]);
  if (!thread) throw new NotFoundError('resource_missing', messages.threadNotFound);
  const params = new Params();
  const where = [`matter_thread_messages.thread_id = ${params.add(threadId)}`];
  if (query.starting_after) {
    where.push(
      `(matter_thread_messages.created_at, matter_thread_messages.id) >
         (SELECT c.created_at, c.id FROM matter_thread_messages c WHERE c.id = ${params.add(query.starting_after)})`,
    );
  }
  const rows = await db.query<MessageRow>(
    `SELECT ${messageColumns} FROM matter_thread_messages WHERE ${where.join(' AND ')}
      ORDER BY matter_thread_messages.created_at, matter_thread_messages.id LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  return toList(rows, query.limit, adminMessage);
}

async function insertMessage(act: AdminAct, threadId: string, body: string): Promise<string> {
  // The wall clock, not the transaction start: a thread and its first message are ordered even in one request.
  const [row] = (await act.db.query<{ id: string; created_at: Date }>(
    `INSERT INTO matter_thread_messages (tenant_id, thread_id, author_staff_id, author_api_key_id, body, created_at)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, clock_timestamp()) RETURNING id, created_at`,
    [threadId, ...authorIds(act.admin), body],
  )) as [{ id: string; created_at: Date }];
  await act.db.query(`UPDATE matter_threads SET last_message_at = $2 WHERE id = $1`, [threadId, row.created_at]);
  return row.id;
}

/** Starts a thread on a matter with its first message. */
export async function create(
  act: AdminAct,
  matterId: string,
  body: z.output<typeof MatterThreadCreateRequest>,
): Promise<z.input<typeof MatterThreadWithMessage>> {
  const { db } = act;
  const [matter] = await db.query(`SELECT 1 FROM matters WHERE id = $1`, [matterId]);
  if (!matter) throw new NotFoundError('resource_missing', messages.matterNotFound);
  const [thread] = (await db.query<{ id: string }>(
    `INSERT INTO matter_threads (tenant_id, matter_id, subject, created_by_staff_id, created_by_api_key_id, created_at)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4, clock_timestamp()) RETURNING id`,
    [matterId, body.subject, ...authorIds(act.admin)],
  )) as [{ id: string }];
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
  const [thread] = await db.query<{ matter_id: string }>(
    `SELECT matter_id FROM matter_threads WHERE id = $1 FOR UPDATE`,
    [threadId],
  );
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
