import type { z } from 'zod';
import type { Announcement, PortalAnnouncement } from '../../../sdk/schemas/announcements.js';

export interface AnnouncementRow {
  id: string;
  title: string;
  body: string;
  published_at: Date | null;
  created_at: Date;
}

export interface PortalAnnouncementRow {
  id: string;
  title: string;
  body: string;
  published_at: Date;
  read_at: Date | null;
}

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
