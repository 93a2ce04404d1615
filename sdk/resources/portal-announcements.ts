import type { PortalAnnouncement } from '../schemas/announcements.js';
import type { List, ListQuery } from '../schemas/common.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

export class PortalAnnouncements {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's published announcements, newest first, each with `read_at` for this contact.
   * @example const unread = (await portal.announcements.list().toArray()).filter((a) => !a.read_at);
   */
  list(query: Partial<ListQuery> = {}): ListPromise<PortalAnnouncement> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<PortalAnnouncement>>({
        method: 'GET',
        path: '/portal/announcements',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Marks an announcement read (idempotent: the first read time is kept).
   * @example await portal.announcements.markRead(id);
   */
  markRead(id: string): Promise<PortalAnnouncement> {
    return this.transport.request<PortalAnnouncement>({
      method: 'POST',
      path: `/portal/announcements/${seg(id)}/read`,
      body: {},
    });
  }
}
