import type { Announcement, AnnouncementCreateRequest } from '../schemas/announcements.js';
import type { ListQuery } from '../schemas/common.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminAnnouncements {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's announcements, drafts included, newest first.
   * @example const { data } = await admin.announcements.list();
   */
  list(query: Partial<ListQuery> = {}): ListPromise<Announcement> {
    return this.api.list('adminListAnnouncements', { query });
  }

  /**
   * Writes an announcement to every client contact (admins only); a draft unless `publish` is true.
   * @example await admin.announcements.create({ title: 'Office closed', body: 'We are closed on Friday.', publish: true });
   */
  create(body: AnnouncementCreateRequest): Promise<Announcement> {
    return this.api.call('adminCreateAnnouncement', { body });
  }

  /**
   * Publishes a draft (admins only); contacts see it from now on.
   * @example await admin.announcements.publish(id);
   */
  publish(id: string): Promise<Announcement> {
    return this.api.call('adminPublishAnnouncement', { params: { id }, body: {} });
  }
}
