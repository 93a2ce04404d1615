import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** Practice areas: staff may list them, only admins change them. */
export function practiceAreaRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  const admin = [adminCredential(deps), requireAdmin()];
  mount(router, endpoints.adminListPracticeAreas, staff, ({ query }, ctx) => service.list(ctx.db, query), opts);
  mount(router, endpoints.adminCreatePracticeArea, admin, ({ body }, ctx) => service.create(adminAct(ctx), body), opts);
  mount(
    router,
    endpoints.adminUpdatePracticeArea,
    admin,
    ({ params, body }, ctx) => service.update(adminAct(ctx), params.id, body),
    opts,
  );
}
