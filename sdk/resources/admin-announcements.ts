import type { Announcement, AnnouncementCreateRequest } from '../schemas/announcements.js';
import type { List, ListQuery } from '../schemas/common.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

export class AdminAnnouncements {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's announcements, drafts included, newest first.
   * @example const { data } = await admin.announcements.list();
   */
  list(query: Partial<ListQuery> = {}): ListPromise<Announcement> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<Announcement>>({
        method: 'GET',
        path: '/admin/announcements',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Writes an announcement to every client contact (admins only); a draft unless `publish` is true.
   * @example await admin.announcements.create({ title: 'Office closed', body: 'We are closed on Friday.', publish: true });
   */
  create(body: AnnouncementCreateRequest): Promise<Announcement> {
    return this.transport.request<Announcement>({ method: 'POST', path: '/admin/announcements', body });
  }

  /**
   * Publishes a draft (admins only); contacts see it from now on.
   * @example await admin.announcements.publish(id);
   */
  publish(id: string): Promise<Announcement> {
    return this.transport.request<Announcement>({
      method: 'POST',
      path: `/admin/announcements/${seg(id)}/publish`,
      body: {},
    });
  }
}
