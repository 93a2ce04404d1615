import { z } from 'zod';
import { Id, ListQuery, listOf, Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { EmptyBody } from './portal-auth.js';

export const Announcement = z
  .object({
    id: Id,
    title: Text(),
    body: Text(),
    published_at: Timestamp.nullable().describe('Null while a draft: contacts see only published announcements'),
    created_at: Timestamp,
  })
  .strict()
  .meta({ id: 'Announcement' });
export type Announcement = z.infer<typeof Announcement>;

export const AnnouncementCreateRequest = z
  .object({
    title: Text().trim().min(1).max(200),
    body: Text().trim().min(1).max(20000).describe('Plain text'),
    publish: z.boolean().default(false).describe('Publish at once (default: keep it as a draft)'),
  })
  .strict()
  .meta({ id: 'AnnouncementCreateRequest' });
export type AnnouncementCreateRequest = z.input<typeof AnnouncementCreateRequest>;

export const AnnouncementList = listOf(Announcement).meta({ id: 'AnnouncementList' });
export type AnnouncementList = z.infer<typeof AnnouncementList>;

export const PortalAnnouncement = z
  .object({
    id: Id,
    title: Text(),
    body: Text(),
    published_at: Timestamp,
    read_at: Timestamp.nullable().describe('When this contact read it; null while unread'),
  })
  .strict()
  .meta({ id: 'PortalAnnouncement' });
export type PortalAnnouncement = z.infer<typeof PortalAnnouncement>;

export const PortalAnnouncementList = listOf(PortalAnnouncement).meta({ id: 'PortalAnnouncementList' });
export type PortalAnnouncementList = z.infer<typeof PortalAnnouncementList>;

export const AnnouncementIdParams = z.object({ id: Id }).strict();

export const announcementEndpoints = {
  adminListAnnouncements: endpoint({
    operationId: 'adminListAnnouncements',
    method: 'GET',
    path: '/admin/announcements',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's announcements, drafts included, newest first",
    query: ListQuery,
    response: AnnouncementList,
    status: 200,
  }),
  adminCreateAnnouncement: endpoint({
    operationId: 'adminCreateAnnouncement',
    method: 'POST',
    path: '/admin/announcements',
    audience: 'admin',
    authenticated: true,
    summary: 'Write an announcement to every client contact, as a draft or published at once (admins only)',
    body: AnnouncementCreateRequest,
    response: Announcement,
    status: 201,
  }),
  adminPublishAnnouncement: endpoint({
    operationId: 'adminPublishAnnouncement',
    method: 'POST',
    path: '/admin/announcements/:id/publish',
    audience: 'admin',
    authenticated: true,
    summary: 'Publish a draft announcement; publishing one already published changes nothing (admins only)',
    params: AnnouncementIdParams,
    body: EmptyBody,
    response: Announcement,
    status: 200,
  }),
  portalListAnnouncements: endpoint({
    operationId: 'portalListAnnouncements',
    method: 'GET',
    path: '/portal/announcements',
    audience: 'portal',
    authenticated: true,
    summary: "The firm's published announcements, newest first, each with whether this contact has read it",
    query: ListQuery,
    response: PortalAnnouncementList,
    status: 200,
  }),
  portalReadAnnouncement: endpoint({
    operationId: 'portalReadAnnouncement',
    method: 'POST',
    path: '/portal/announcements/:id/read',
    audience: 'portal',
    authenticated: true,
    summary: 'Mark an announcement read for this contact (idempotent: the first read time is kept)',
    params: AnnouncementIdParams,
    body: EmptyBody,
    response: PortalAnnouncement,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
