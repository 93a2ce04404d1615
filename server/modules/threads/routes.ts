import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** Staff discussions on matters: staff, admins and API keys alike. */
export function threadRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  mount(
    router,
    endpoints.adminListMatterThreads,
    staff,
    ({ params, query }, ctx) => service.listForMatter(ctx.db, params.id, query),
    opts,
  );
  mount(
    router,
    endpoints.adminCreateMatterThread,
    staff,
    ({ params, body }, ctx) => service.create(adminAct(ctx), params.id, body),
    opts,
  );
  mount(router, endpoints.adminRetrieveThread, staff, ({ params }, ctx) => service.retrieve(ctx.db, params.id), opts);
  mount(
    router,
    endpoints.adminListThreadMessages,
    staff,
    ({ params, query }, ctx) => service.listMessages(ctx.db, params.id, query),
    opts,
  );
  mount(
    router,
    endpoints.adminCreateThreadMessage,
    staff,
    ({ params, body }, ctx) => service.reply(adminAct(ctx), params.id, body),
    opts,
  );
}
