import type { z } from 'zod';
import type {
  Announcement,
  AnnouncementCreateRequest,
  PortalAnnouncement,
} from '../../../sdk/schemas/announcements.js';
import type { List } from '../../../sdk/schemas/common.js';
import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope, PortalScope } from '../../db/request-transaction.js';
import { NotFoundError } from '../../errors.js';
import type { RequestMeta } from '../../http/context.js';
import { keysetPage, keysetSql, Params, toList } from '../../http/pagination.js';
import { currentTenant } from '../../db/model.js';
import { AnnouncementModel } from './models.js';
import { adminActor, portalActor, recordAudit } from '../audit/service.js';
import {
  adminAnnouncement,
  portalAnnouncement,
  type AnnouncementRow,
  type PortalAnnouncementRow,
} from './serialize.js';

export const messages = {
  notFound: 'No such announcement.',
};

const adminColumns = ['id', 'title', 'body', 'published_at', 'created_at'] as const;

const selectAnnouncements = (db: RequestDb) =>
  AnnouncementModel.query(db.knex)
    .select(...adminColumns.map((c) => `announcements.${c}`))
    .castTo<AnnouncementRow[]>();

type Page = { limit: number; starting_after?: string | undefined };

/** Every announcement of the firm, drafts included, newest first. */
export async function list(db: RequestDb, page: Page): Promise<List<z.input<typeof Announcement>>> {
  const rows = await keysetPage(selectAnnouncements(db), 'announcements', page);
  return toList(rows, page.limit, adminAnnouncement);
}

export async function create(
  db: RequestDb,
  scope: AdminScope,
  body: z.output<typeof AnnouncementCreateRequest>,
  meta: RequestMeta,
): Promise<z.input<typeof Announcement>> {
  const row = await AnnouncementModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      title: body.title,
      body: body.body,
      published_at: body.publish ? AnnouncementModel.raw('now()') : null,
      created_by_type: scope.principal_type,
      created_by_id: scope.principal_id,
    } as never)
    .returning([...adminColumns])
    .castTo<AnnouncementRow>();
  await recordAudit(
    db,
    {
      action: body.publish ? 'announcement.published' : 'announcement.created',
      ...adminActor(scope),
      subjectType: 'announcement',
      subjectId: row.id,
    },
    meta,
  );
  return adminAnnouncement(row);
}

/** Publishes a draft; an announcement already published keeps its first publication time. */
export async function publish(
  db: RequestDb,
  scope: AdminScope,
  id: string,
  meta: RequestMeta,
): Promise<z.input<typeof Announcement>> {
  const [published] = await AnnouncementModel.query(db.knex)
    .patch({ published_at: AnnouncementModel.raw('now()') } as never)
    .where({ id })
    .whereNull('published_at')
    .returning([...adminColumns])
    .castTo<AnnouncementRow[]>();
  if (published) {
    await recordAudit(
      db,
      { action: 'announcement.published', ...adminActor(scope), subjectType: 'announcement', subjectId: id },
      meta,
    );
    return adminAnnouncement(published);
  }
  const [existing] = await selectAnnouncements(db).where('announcements.id', id);
  if (!existing) throw new NotFoundError('resource_missing', messages.notFound);
  return adminAnnouncement(existing);
}

const portalColumns = `announcements.id, announcements.title, announcements.body, announcements.published_at,
  (SELECT r.read_at FROM announcement_reads r
    WHERE r.tenant_id = announcements.tenant_id AND r.announcement_id = announcements.id) AS read_at`;

/**
 * The published announcements, newest first, with this contact's read time. The
 * policies show the portal published announcements only, and only its own reads.
 */
export async function listForPortal(db: RequestDb, page: Page): Promise<List<z.input<typeof PortalAnnouncement>>> {
  const params = new Params();
  const keyset = keysetSql('announcements', params, page, 'published_at');
  const rows = await db.query<PortalAnnouncementRow>(
    `SELECT ${portalColumns} FROM announcements ${keyset.where ? `WHERE ${keyset.where}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, page.limit, portalAnnouncement);
}

/**
 * Marks one announcement read for the contact. Idempotent: only the first read is
 * stored and audited (actor the contact). In an admin preview nothing is stored:
 * the answer reads as if read (now, or the client's own earlier read).
 */
export async function markRead(
  db: RequestDb,
  scope: PortalScope,
  id: string,
  meta: RequestMeta,
): Promise<z.input<typeof PortalAnnouncement>> {
  const [visible] = await db.query(`SELECT 1 FROM announcements WHERE id = $1`, [id]);
  if (!visible) throw new NotFoundError('resource_missing', messages.notFound);
  if (scope.session_kind === 'preview') {
    // An admin preview records no read receipt (DESIGN §2): the answer is as if read, nothing is written.
    const [row] = await db.query<PortalAnnouncementRow>(`SELECT ${portalColumns} FROM announcements WHERE id = $1`, [
      id,
    ]);
    return portalAnnouncement({ ...row!, read_at: row!.read_at ?? new Date() });
  }
  const inserted = await db.query(
    `INSERT INTO announcement_reads (tenant_id, announcement_id, contact_id, client_id)
     VALUES (caseflow.current_tenant(), $1, caseflow.current_contact(), caseflow.current_client())
     ON CONFLICT DO NOTHING
     RETURNING read_at`,
    [id],
  );
  if (inserted.length > 0) {
    await recordAudit(
      db,
      { action: 'announcement.read', ...portalActor(scope), subjectType: 'announcement', subjectId: id },
      meta,
    );
  }
  const [row] = await db.query<PortalAnnouncementRow>(`SELECT ${portalColumns} FROM announcements WHERE id = $1`, [id]);
  return portalAnnouncement(row!);
}

/**
 * Marks every published announcement read for a contact (an admin preview opening,
 * in the caseflow_auth transaction that opens it). Returns how many were new.
 */
export async function markAllRead(db: RequestDb, contactId: string): Promise<number> {
  const rows = await db.query(
    `INSERT INTO announcement_reads (tenant_id, announcement_id, contact_id, client_id)
     SELECT a.tenant_id, a.id, c.id, c.client_id
       FROM announcements a JOIN contacts c ON c.tenant_id = a.tenant_id AND c.id = $1
      WHERE a.published_at IS NOT NULL
     ON CONFLICT DO NOTHING
     RETURNING announcement_id`,
    [contactId],
  );
  return rows.length;
}
