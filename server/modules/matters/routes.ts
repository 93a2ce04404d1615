import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** Matters, admin side (staff and admins alike); the portal side comes later. */
export function matterRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  mount(router, endpoints.adminListMatters, staff, ({ query }, ctx) => service.list(ctx.db, query), opts);
  mount(router, endpoints.adminCreateMatter, staff, ({ body }, ctx) => service.create(adminAct(ctx), body), opts);
  mount(router, endpoints.adminRetrieveMatter, staff, ({ params }, ctx) => service.retrieve(ctx.db, params.id), opts);
  mount(
    router,
    endpoints.adminUpdateMatter,
    staff,
    ({ params, body }, ctx) => service.update(adminAct(ctx), params.id, body),
    opts,
  );
}
