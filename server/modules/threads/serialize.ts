import type { z } from 'zod';
import type { MatterThread, ThreadMessage } from '../../../sdk/schemas/threads.js';
import { author, authorSql, type AuthorRow } from '../notes/author.js';

export interface ThreadRow extends AuthorRow {
  id: string;
  matter_id: string;
  subject: string;
  message_count: number;
  created_at: Date;
  last_message_at: Date;
}

export interface MessageRow extends AuthorRow {
  id: string;
  thread_id: string;
  body: string;
  created_at: Date;
}

export const threadColumns = `matter_threads.id, matter_threads.matter_id, matter_threads.subject,
  matter_threads.created_at, matter_threads.last_message_at,
  (SELECT count(*)::int FROM matter_thread_messages m
    WHERE m.tenant_id = matter_threads.tenant_id AND m.thread_id = matter_threads.id) AS message_count,
  ${authorSql('matter_threads', 'created_by_staff_id', 'created_by_api_key_id')}`;

export const messageColumns = `matter_thread_messages.id, matter_thread_messages.thread_id, matter_thread_messages.body,
  matter_thread_messages.created_at,
  ${authorSql('matter_thread_messages', 'author_staff_id', 'author_api_key_id')}`;

export function adminThread(row: ThreadRow): z.input<typeof MatterThread> {
  return {
    id: row.id,
    matter_id: row.matter_id,
    subject: row.subject,
    created_by: author(row),
    message_count: row.message_count,
    created_at: row.created_at.toISOString(),
    last_message_at: row.last_message_at.toISOString(),
  };
}

export function adminMessage(row: MessageRow): z.input<typeof ThreadMessage> {
  return {
    id: row.id,
    thread_id: row.thread_id,
    author: author(row),
    body: row.body,
    created_at: row.created_at.toISOString(),
  };
}
