import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** Conflict checks: staff-only records (staff, admins and API keys of either role). */
export function conflictCheckRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  mount(router, endpoints.adminRunConflictCheck, staff, ({ body }, ctx) => service.run(adminAct(ctx), body), opts);
  mount(router, endpoints.adminListConflictChecks, staff, ({ query }, ctx) => service.list(ctx.db, query), opts);
  mount(
    router,
    endpoints.adminRetrieveConflictCheck,
    staff,
    ({ params }, ctx) => service.retrieve(ctx.db, params.id),
    opts,
  );
}
