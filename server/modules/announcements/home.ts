import type { z } from 'zod';
import type { HomeAnnouncements } from '../../../sdk/schemas/home.js';
import type { Row } from '../../db/model.js';
import { planIncludes } from '../../http/portal-session.js';
import type { HomeProvider } from '../home/provider.js';
import type { AnnouncementModel } from './models.js';
import { portalAnnouncementsPlan } from './routes.js';

/** One of the newest unread announcements, with how many are unread in all. */
type UnreadRow = Pick<Row<AnnouncementModel>, 'id' | 'title'> & { published_at: Date; unread_count: number };

/**
 * The published announcements this contact has not read, newest first: the
 * window count is taken before LIMIT, so one statement answers both the count
 * and the three newest. The policies show the portal published announcements
 * only, and only this contact's own reads. NOT IN (announcement_id is never
 * null) runs as one hashed set of the reads, whatever the planner estimates:
 * NOT EXISTS became a nested-loop anti join on fresh statistics, quadratic with
 * thousands of announcements.
 */
const unreadNewestFirst = `
  SELECT announcements.id, announcements.title, announcements.published_at,
         count(*) OVER ()::int AS unread_count
    FROM announcements
   WHERE announcements.id NOT IN (SELECT r.announcement_id FROM announcement_reads r)
   ORDER BY announcements.published_at DESC, announcements.id DESC
   LIMIT 3`;

function homeAnnouncements(rows: UnreadRow[]): z.input<typeof HomeAnnouncements> {
  return {
    unread_count: rows[0]?.unread_count ?? 0,
    latest: rows.map((row) => ({ id: row.id, title: row.title, published_at: row.published_at.toISOString() })),
  };
}

/** The home's announcements: on the plans that have them, for every contact (no permission is needed). */
export const announcementsAtHome: HomeProvider<z.input<typeof HomeAnnouncements>> = {
  shown: (scope) => planIncludes(scope.plan, portalAnnouncementsPlan),

  async read(db) {
    const rows = await db.query<UnreadRow>({ name: 'portal_home_announcements', text: unreadNewestFirst, values: [] });
    return homeAnnouncements(rows);
  },

  waiting: (part) => [{ kind: 'announcements_unread', count: part.unread_count, href: '/clients/announcements' }],
};
