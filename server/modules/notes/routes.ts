import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { requestMeta, type AppContext, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import type { AdminAct } from '../clients/service.js';
import * as service from './service.js';

const act = (ctx: AppContext): AdminAct => ({ db: ctx.db, admin: ctx.state.admin!, meta: requestMeta(ctx) });

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
    ({ params, body }, ctx) => service.createForClient(act(ctx), params.id, body),
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
    ({ params, body }, ctx) => service.createForMatter(act(ctx), params.id, body),
    opts,
  );
  mount(
    router,
    endpoints.adminUpdateNote,
    staff,
    ({ params, body }, ctx) => service.update(act(ctx), params.id, body),
    opts,
  );
  mount(router, endpoints.adminDeleteNote, staff, ({ params }, ctx) => service.remove(act(ctx), params.id), opts);
}
