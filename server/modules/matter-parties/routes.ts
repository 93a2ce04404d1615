import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** A matter's parties: staff-only records (staff, admins and API keys of either role, removal included). */
export function matterPartyRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  mount(
    router,
    endpoints.adminListMatterParties,
    staff,
    ({ params, query }, ctx) => service.list(ctx.db, params.id, query),
    opts,
  );
  mount(
    router,
    endpoints.adminAddMatterParty,
    staff,
    ({ params, body }, ctx) => service.add(adminAct(ctx), params.id, body),
    opts,
  );
  mount(
    router,
    endpoints.adminRemoveMatterParty,
    staff,
    ({ params }, ctx) => service.remove(adminAct(ctx), params.id, params.party_id),
    opts,
  );
}
