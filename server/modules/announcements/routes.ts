import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import { requestMeta, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { portalSession, requirePlan } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** The plan the portal's announcements need (the home leaves them out below it rather than answer 402). */
export const portalAnnouncementsPlan = 'growth';

/**
 * Announcements: admins write and publish them, any staff member may list them;
 * contacts read the published ones. They are part of the portal, so the Growth
 * plan gate applies (402 on solo); no per-contact permission is needed: an
 * announcement is addressed to every client.
 */
export function announcementRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  const admins = [adminCredential(deps), requireAdmin()];
  const portal = [portalSession(deps), requirePlan(portalAnnouncementsPlan)];

  mount(router, endpoints.adminListAnnouncements, staff, ({ query }, ctx) => service.list(ctx.db, query), opts);

  mount(
    router,
    endpoints.adminCreateAnnouncement,
    admins,
    ({ body }, ctx) => service.create(ctx.db, ctx.state.admin, body, requestMeta(ctx)),
    opts,
  );

  mount(
    router,
    endpoints.adminPublishAnnouncement,
    admins,
    ({ params }, ctx) => service.publish(ctx.db, ctx.state.admin, params.id, requestMeta(ctx)),
    opts,
  );

  mount(
    router,
    endpoints.portalListAnnouncements,
    portal,
    ({ query }, ctx) => service.listForPortal(ctx.db, query),
    opts,
  );

  mount(
    router,
    endpoints.portalReadAnnouncement,
    portal,
    ({ params }, ctx) => service.markRead(ctx.db, ctx.state.portal, params.id, requestMeta(ctx)),
    opts,
  );
}
