import type {
  MatterThread,
  MatterThreadCreateRequest,
  MatterThreadWithMessage,
  ThreadListQuery,
  ThreadMessage,
  ThreadMessageCreateRequest,
} from '../schemas/threads.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

/** Staff discussion threads on matters. */
export class AdminThreads {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * A matter's threads, latest activity first.
   * @example for await (const thread of admin.threads.list(matterId)) console.log(thread.subject, thread.last_message_at);
   */
  list(matterId: string, query: ThreadListQuery = {}): ListPromise<MatterThread> {
    return this.api.list('adminListMatterThreads', { params: { id: matterId }, query });
  }

  /**
   * Starts a thread on a matter with its first message.
   * @example const { thread } = await admin.threads.start(matterId, { subject: 'Filing deadline', body: 'Due Friday.' });
   */
  start(matterId: string, body: MatterThreadCreateRequest): Promise<MatterThreadWithMessage> {
    return this.api.call('adminCreateMatterThread', { params: { id: matterId }, body });
  }

  /**
   * One thread.
   * @example const thread = await admin.threads.retrieve(threadId);
   */
  retrieve(id: string): Promise<MatterThread> {
    return this.api.call('adminRetrieveThread', { params: { id } });
  }

  /**
   * A thread's messages, oldest first.
   * @example for await (const m of admin.threads.messages(threadId)) console.log(m.author.name, m.body);
   */
  messages(threadId: string, query: ThreadListQuery = {}): ListPromise<ThreadMessage> {
    return this.api.list('adminListThreadMessages', { params: { id: threadId }, query });
  }

  /**
   * Posts a message to a thread.
   * @example await admin.threads.reply(threadId, { body: 'Filed this morning.' });
   */
  reply(threadId: string, body: ThreadMessageCreateRequest): Promise<ThreadMessage> {
    return this.api.call('adminCreateThreadMessage', { params: { id: threadId }, body });
  }
}
