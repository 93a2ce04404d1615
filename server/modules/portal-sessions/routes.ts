import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdminOrScope } from '../../http/admin-auth.js';
import { requestMeta, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

export function portalSessionRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  mount(
    router,
    endpoints.adminMintPortalSession,
    [adminCredential(deps), requireAdminOrScope('portal_sessions:mint')],
    ({ body }, ctx) => service.mint(deps, ctx.db, ctx.state.admin, body.contact_id, requestMeta(ctx)),
    opts,
  );
}
