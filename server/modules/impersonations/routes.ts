import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import { requestMeta, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import { requireTenantSlug } from '../../http/tenant.js';
import * as service from './service.js';

/**
 * Login as client: admins (a staff admin or an admin-role API key) ask for a
 * link; the hosted page /clients/impersonate redeems it on the firm's host.
 */
export function impersonationRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  mount(
    router,
    endpoints.adminCreateImpersonation,
    [adminCredential(deps), requireAdmin()],
    ({ params, body }, ctx) => service.create(deps, ctx.db, ctx.state.admin, params.id, body, requestMeta(ctx)),
    opts,
  );

  // No credential: the link's token is the credential, and it only opens a bearer session.
  mount(
    router,
    endpoints.portalRedeemImpersonation,
    [],
    ({ body }, ctx) => service.redeem(deps, requireTenantSlug(ctx.state), body.token, requestMeta(ctx)),
    opts,
  );
}
