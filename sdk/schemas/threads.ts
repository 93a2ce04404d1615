import { z } from 'zod';
import { Id, ListQuery, listOf, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { Author } from './notes.js';

export const MatterThread = z
  .object({
    id: Id,
    matter_id: Id,
    subject: z.string(),
    created_by: Author,
    message_count: z.number().int(),
    created_at: Timestamp,
    last_message_at: Timestamp,
  })
  .strict()
  .meta({ id: 'MatterThread' });
export type MatterThread = z.infer<typeof MatterThread>;

export const ThreadMessage = z
  .object({ id: Id, thread_id: Id, author: Author, body: z.string(), created_at: Timestamp })
  .strict()
  .meta({ id: 'ThreadMessage' });
export type ThreadMessage = z.infer<typeof ThreadMessage>;

const Body = Text().trim().min(1).max(10_000);

export const MatterThreadCreateRequest = z
  .object({ subject: Text().trim().min(1).max(200), body: Body.describe('The first message') })
  .strict()
  .meta({ id: 'MatterThreadCreateRequest' });
export type MatterThreadCreateRequest = z.input<typeof MatterThreadCreateRequest>;

export const ThreadMessageCreateRequest = z.object({ body: Body }).strict().meta({ id: 'ThreadMessageCreateRequest' });
export type ThreadMessageCreateRequest = z.input<typeof ThreadMessageCreateRequest>;

export const MatterThreadWithMessage = z
  .object({ thread: MatterThread, message: ThreadMessage })
  .strict()
  .meta({ id: 'MatterThreadWithMessage' });
export type MatterThreadWithMessage = z.infer<typeof MatterThreadWithMessage>;

export const MatterThreadList = listOf(MatterThread).meta({ id: 'MatterThreadList' });
export const ThreadMessageList = listOf(ThreadMessage).meta({ id: 'ThreadMessageList' });
export const ThreadIdParams = z.object({ id: Id }).strict();
export type ThreadListQuery = Partial<ListQuery>;

export const threadEndpoints = {
  adminListMatterThreads: endpoint({
    operationId: 'adminListMatterThreads',
    method: 'GET',
    path: '/admin/matters/:id/threads',
    audience: 'admin',
    authenticated: true,
    summary: "A matter's staff discussion threads, latest activity first",
    params: ThreadIdParams,
    query: ListQuery,
    response: MatterThreadList,
    status: 200,
  }),
  adminCreateMatterThread: endpoint({
    operationId: 'adminCreateMatterThread',
    method: 'POST',
    path: '/admin/matters/:id/threads',
    audience: 'admin',
    authenticated: true,
    summary: 'Start a staff discussion on a matter: a subject and the first message',
    params: ThreadIdParams,
    body: MatterThreadCreateRequest,
    response: MatterThreadWithMessage,
    status: 201,
  }),
  adminRetrieveThread: endpoint({
    operationId: 'adminRetrieveThread',
    method: 'GET',
    path: '/admin/threads/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'One matter thread',
    params: ThreadIdParams,
    response: MatterThread,
    status: 200,
  }),
  adminListThreadMessages: endpoint({
    operationId: 'adminListThreadMessages',
    method: 'GET',
    path: '/admin/threads/:id/messages',
    audience: 'admin',
    authenticated: true,
    summary: "A thread's messages, oldest first (the cursor walks forward)",
    params: ThreadIdParams,
    query: ListQuery,
    response: ThreadMessageList,
    status: 200,
  }),
  adminCreateThreadMessage: endpoint({
    operationId: 'adminCreateThreadMessage',
    method: 'POST',
    path: '/admin/threads/:id/messages',
    audience: 'admin',
    authenticated: true,
    summary: 'Post a message to a thread',
    params: ThreadIdParams,
    body: ThreadMessageCreateRequest,
    response: ThreadMessage,
    status: 201,
  }),
} satisfies Record<string, Endpoint>;
