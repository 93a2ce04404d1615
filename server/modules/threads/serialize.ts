import type { z } from 'zod';
import type { MatterThread, ThreadMessage } from '../../../sdk/schemas/threads.js';
import { author } from '../notes/author.js';
import type { MessageWithAuthor, ThreadWithAuthor } from './models.js';

export function adminThread(row: ThreadWithAuthor): z.input<typeof MatterThread> {
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

export function adminMessage(row: MessageWithAuthor): z.input<typeof ThreadMessage> {
  return {
    id: row.id,
    thread_id: row.thread_id,
    author: author(row),
    body: row.body,
    created_at: row.created_at.toISOString(),
  };
}
