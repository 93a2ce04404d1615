import type { z } from 'zod';
import type { Announcement, PortalAnnouncement } from '../../../sdk/schemas/announcements.js';
import type { Row } from '../../db/model.js';
import type { AnnouncementModel, AnnouncementReadModel } from './models.js';

/** An announcement as the admin API reads it. */
export type AnnouncementRow = Pick<Row<AnnouncementModel>, 'id' | 'title' | 'body' | 'published_at' | 'created_at'>;

/** A published announcement with this contact's read time (the portal's list, prepared SQL). */
export type PortalAnnouncementRow = Pick<Row<AnnouncementModel>, 'id' | 'title' | 'body'> & {
  published_at: Date;
  read_at: Row<AnnouncementReadModel>['read_at'] | null;
};

/** The admin's view: drafts too, and when it was written. */
export function adminAnnouncement(row: AnnouncementRow): z.input<typeof Announcement> {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    published_at: row.published_at?.toISOString() ?? null,
    created_at: row.created_at.toISOString(),
  };
}

/** The contact's view: the text, when it was published, and when this contact read it. */
export function portalAnnouncement(row: PortalAnnouncementRow): z.input<typeof PortalAnnouncement> {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    published_at: row.published_at.toISOString(),
    read_at: row.read_at?.toISOString() ?? null,
  };
}
