import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { PermissionError } from '../../errors.js';
import { adminCredential, adminOf, requireAdmin } from '../../http/admin-auth.js';
import { adminAct, guard, type AppExtensions, type AppState, type Deps, type Guard } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as service from './service.js';

/** Staff may write a contact's details, but only admins may send `permissions`. */
function requireAdminForPermissions(): Guard {
  return guard(async (ctx, next) => {
    const body = (ctx.request as { body?: unknown }).body;
    const sendsPermissions = typeof body === 'object' && body !== null && 'permissions' in body;
    if (sendsPermissions && adminOf(ctx).role !== 'admin') {
      throw new PermissionError('admin_required', service.messages.permissionsAdminOnly);
    }
    await next();
  });
}

export function contactRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  const admins = [adminCredential(deps), requireAdmin()];
  const details = [adminCredential(deps), requireAdminForPermissions()];

  mount(router, endpoints.adminListContacts, staff, ({ query }, ctx) => service.list(ctx.db, query), opts);

  mount(
    router,
    endpoints.adminCreateContact,
    details,
    ({ body }, ctx) => service.create(deps, adminAct(ctx), body),
    opts,
  );

  mount(router, endpoints.adminRetrieveContact, staff, ({ params }, ctx) => service.retrieve(ctx.db, params.id), opts);

  mount(
    router,
    endpoints.adminUpdateContact,
    details,
    ({ params, body }, ctx) => service.update(deps, adminAct(ctx), params.id, body),
    opts,
  );

  mount(
    router,
    endpoints.adminSetPrimaryContact,
    staff,
    ({ params }, ctx) => service.setPrimary(adminAct(ctx), params.id),
    opts,
  );

  mount(
    router,
    endpoints.adminDeactivateContact,
    staff,
    ({ params }, ctx) => service.setActive(adminAct(ctx), params.id, false),
    opts,
  );

  mount(
    router,
    endpoints.adminReactivateContact,
    staff,
    ({ params }, ctx) => service.setActive(adminAct(ctx), params.id, true),
    opts,
  );

  mount(
    router,
    endpoints.adminEnablePortalAccess,
    admins,
    ({ params, body }, ctx) => service.enablePortalAccess(deps, adminAct(ctx), params.id, body),
    opts,
  );

  mount(
    router,
    endpoints.adminDisablePortalAccess,
    admins,
    ({ params }, ctx) => service.disablePortalAccess(adminAct(ctx), params.id),
    opts,
  );
}
