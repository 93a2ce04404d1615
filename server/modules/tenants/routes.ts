import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { platformKey } from '../../http/admin-auth.js';
import {
  afterCommit,
  requestMeta,
  type AppContext,
  type AppExtensions,
  type AppState,
  type Deps,
} from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** The request as the platform use cases see it. */
function call(ctx: AppContext): service.PlatformCall {
  return { db: ctx.db, meta: requestMeta(ctx), afterCommit: (fn) => afterCommit(ctx, fn) };
}

/** The platform operator's firm management: every route needs the operator key. */
export function tenantRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const operator = [platformKey(deps)];

  mount(
    router,
    endpoints.platformCreateTenant,
    operator,
    ({ body }, ctx) => service.create(deps, call(ctx), body),
    opts,
  );

  mount(router, endpoints.platformListTenants, operator, ({ query }, ctx) => service.list(deps, ctx.db, query), opts);

  mount(
    router,
    endpoints.platformRetrieveTenant,
    operator,
    ({ params }, ctx) => service.retrieve(deps, ctx.db, params.slug),
    opts,
  );

  mount(
    router,
    endpoints.platformUpdateTenant,
    operator,
    ({ params, body }, ctx) => service.update(deps, call(ctx), params.slug, body),
    opts,
  );

  mount(
    router,
    endpoints.platformDisableTenant,
    operator,
    ({ params }, ctx) => service.setStatus(deps, call(ctx), params.slug, 'disabled'),
    opts,
  );

  mount(
    router,
    endpoints.platformEnableTenant,
    operator,
    ({ params }, ctx) => service.setStatus(deps, call(ctx), params.slug, 'active'),
    opts,
  );
}
