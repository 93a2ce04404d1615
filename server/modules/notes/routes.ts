import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** Internal notes on clients and matters: staff and admins (staff change only their own notes). */
export function noteRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  mount(
    router,
    endpoints.adminListClientNotes,
    staff,
    ({ params, query }, ctx) => service.listForClient(ctx.db, params.id, query),
    opts,
  );
  mount(
    router,
    endpoints.adminCreateClientNote,
    staff,
    ({ params, body }, ctx) => service.createForClient(adminAct(ctx), params.id, body),
    opts,
  );
  mount(
    router,
    endpoints.adminListMatterNotes,
    staff,
    ({ params, query }, ctx) => service.listForMatter(ctx.db, params.id, query),
    opts,
  );
  mount(
    router,
    endpoints.adminCreateMatterNote,
    staff,
    ({ params, body }, ctx) => service.createForMatter(adminAct(ctx), params.id, body),
    opts,
  );
  mount(
    router,
    endpoints.adminUpdateNote,
    staff,
    ({ params, body }, ctx) => service.update(adminAct(ctx), params.id, body),
    opts,
  );
  mount(router, endpoints.adminDeleteNote, staff, ({ params }, ctx) => service.remove(adminAct(ctx), params.id), opts);
}
