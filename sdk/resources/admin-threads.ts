import type { List } from '../schemas/common.js';
import type {
  MatterThread,
  MatterThreadCreateRequest,
  MatterThreadWithMessage,
  ThreadListQuery,
  ThreadMessage,
  ThreadMessageCreateRequest,
} from '../schemas/threads.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

/** Staff discussion threads on matters. */
export class AdminThreads {
  constructor(private readonly transport: Transport) {}

  /**
   * A matter's threads, latest activity first.
   * @example for await (const thread of admin.threads.list(matterId)) console.log(thread.subject, thread.last_message_at);
   */
  list(matterId: string, query: ThreadListQuery = {}): ListPromise<MatterThread> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<MatterThread>>({
        method: 'GET',
        path: `/admin/matters/${seg(matterId)}/threads`,
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Starts a thread on a matter with its first message.
   * @example const { thread } = await admin.threads.start(matterId, { subject: 'Filing deadline', body: 'Due Friday.' });
   */
  start(matterId: string, body: MatterThreadCreateRequest): Promise<MatterThreadWithMessage> {
    return this.transport.request<MatterThreadWithMessage>({
      method: 'POST',
      path: `/admin/matters/${seg(matterId)}/threads`,
      body,
    });
  }

  /**
   * One thread.
   * @example const thread = await admin.threads.retrieve(threadId);
   */
  retrieve(id: string): Promise<MatterThread> {
    return this.transport.request<MatterThread>({ method: 'GET', path: `/admin/threads/${seg(id)}` });
  }

  /**
   * A thread's messages, oldest first.
   * @example for await (const m of admin.threads.messages(threadId)) console.log(m.author.name, m.body);
   */
  messages(threadId: string, query: ThreadListQuery = {}): ListPromise<ThreadMessage> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<ThreadMessage>>({
        method: 'GET',
        path: `/admin/threads/${seg(threadId)}/messages`,
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Posts a message to a thread.
   * @example await admin.threads.reply(threadId, { body: 'Filed this morning.' });
   */
  reply(threadId: string, body: ThreadMessageCreateRequest): Promise<ThreadMessage> {
    return this.transport.request<ThreadMessage>({
      method: 'POST',
      path: `/admin/threads/${seg(threadId)}/messages`,
      body,
    });
  }
}
