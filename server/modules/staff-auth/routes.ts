import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { requestMeta, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import { requireTenantSlug } from '../../http/tenant.js';
import * as service from './service.js';

export function adminAuthRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  mount(
    router,
    endpoints.adminLogin,
    [],
    ({ body }, ctx) => service.login(deps, requireTenantSlug(ctx.state), body, requestMeta(ctx)),
    opts,
  );
  mount(
    router,
    endpoints.adminLogout,
    [adminCredential(deps)],
    (_input, ctx) => service.logout(ctx.db, ctx.state.admin, requestMeta(ctx)),
    opts,
  );
  mount(router, endpoints.adminMe, [adminCredential(deps)], (_input, ctx) => service.me(ctx.db, ctx.state.admin), opts);
  mount(
    router,
    endpoints.adminSetPassword,
    [],
    ({ body }, ctx) => service.setPassword(deps, requireTenantSlug(ctx.state), body, requestMeta(ctx)),
    opts,
  );
}
