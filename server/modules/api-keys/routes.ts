import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import { requestMeta, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

export function apiKeyRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const admin = [adminCredential(deps), requireAdmin()];
  mount(router, endpoints.adminListApiKeys, admin, ({ query }, ctx) => service.list(ctx.db, query), opts);
  mount(
    router,
    endpoints.adminCreateApiKey,
    admin,
    ({ body }, ctx) => service.create(ctx.db, ctx.state.admin, body, requestMeta(ctx)),
    opts,
  );
  mount(
    router,
    endpoints.adminRevokeApiKey,
    admin,
    ({ params }, ctx) => service.revoke(ctx.db, ctx.state.admin, params.id, requestMeta(ctx)),
    opts,
  );
}
