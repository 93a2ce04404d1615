import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import type { AppExtensions, AppState, Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import { listEvents } from './service.js';

export function auditRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  mount(
    router,
    endpoints.adminListAuditEvents,
    [adminCredential(deps), requireAdmin()],
    ({ query }, ctx) => listEvents(ctx.db, query),
    opts,
  );
}
