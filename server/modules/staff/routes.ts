import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import { requestMeta, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

export function staffRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const admin = [adminCredential(deps), requireAdmin()];
  mount(
    router,
    endpoints.adminListStaff,
    [adminCredential(deps)],
    ({ query }, ctx) => service.list(ctx.db, query),
    opts,
  );
  mount(
    router,
    endpoints.adminInviteStaff,
    admin,
    ({ body }, ctx) => service.invite(deps, ctx.db, ctx.state.admin, body, requestMeta(ctx)),
    opts,
  );
  mount(
    router,
    endpoints.adminResendStaffInvite,
    admin,
    ({ params }, ctx) => service.resendInvite(deps, ctx.db, ctx.state.admin, params.id, requestMeta(ctx)),
    opts,
  );
  mount(
    router,
    endpoints.adminUpdateStaff,
    // Admins change anyone; the service lets a staff member change their own phone.
    [adminCredential(deps)],
    ({ params, body }, ctx) => service.update(ctx.db, ctx.state.admin, params.id, body, requestMeta(ctx)),
    opts,
  );
}
