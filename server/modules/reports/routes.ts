import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import type { AppExtensions, AppState, Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** Financial reports: admins and admin API keys only (staff see no firm-wide money figures). */
export function reportRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const admin = [adminCredential(deps), requireAdmin()];
  mount(
    router,
    endpoints.adminRevenueReport,
    admin,
    ({ query }, ctx) => service.revenue(ctx.db, ctx.state.admin, query),
    opts,
  );
}
