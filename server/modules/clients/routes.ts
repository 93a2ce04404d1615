import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** The acting staff user or API key, its transaction and where the request came from. */

export function clientRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];

  mount(router, endpoints.adminListClients, staff, ({ query }, ctx) => service.list(ctx.db, query), opts);

  mount(router, endpoints.adminCreateClient, staff, ({ body }, ctx) => service.create(adminAct(ctx), body), opts);

  mount(router, endpoints.adminRetrieveClient, staff, ({ params }, ctx) => service.retrieve(ctx.db, params.id), opts);

  mount(
    router,
    endpoints.adminUpdateClient,
    staff,
    ({ params, body }, ctx) => service.update(adminAct(ctx), params.id, body),
    opts,
  );
}
