import type { PortalAnnouncement } from '../schemas/announcements.js';
import type { ListQuery } from '../schemas/common.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { portalRoutes } from '../routes/portal.js';

export class PortalAnnouncements {
  constructor(private readonly api: RouteCaller<typeof portalRoutes>) {}

  /**
   * The firm's published announcements, newest first, each with `read_at` for this contact.
   * @example const unread = (await portal.announcements.list().toArray()).filter((a) => !a.read_at);
   */
  list(query: Partial<ListQuery> = {}): ListPromise<PortalAnnouncement> {
    return this.api.list('portalListAnnouncements', { query });
  }

  /**
   * Marks an announcement read (idempotent: the first read time is kept).
   * @example await portal.announcements.markRead(id);
   */
  markRead(id: string): Promise<PortalAnnouncement> {
    return this.api.call('portalReadAnnouncement', { params: { id }, body: {} });
  }
}
