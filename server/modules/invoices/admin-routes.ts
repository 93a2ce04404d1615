import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential } from '../../http/admin-auth.js';
import { adminAct, type AdminContext, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as invoices from './admin-read.js';
import * as drafts from './drafts.js';
import * as lifecycle from './lifecycle.js';

/**
 * Invoices, admin side. Everyday work: staff users, admins and API keys of
 * either role may do all of it (nothing here is admin-only). Payments of an
 * invoice and credits are the payments module's (payments/admin-routes.ts).
 */
export function adminInvoiceRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const staff = [adminCredential(deps)];
  const tz = (ctx: AdminContext) => ctx.state.admin.timezone;

  mount(router, endpoints.adminListInvoices, staff, ({ query }, ctx) => invoices.list(ctx.db, tz(ctx), query), opts);
  mount(router, endpoints.adminCreateInvoice, staff, ({ body }, ctx) => drafts.create(adminAct(ctx), body), opts);
  mount(
    router,
    endpoints.adminRetrieveInvoice,
    staff,
    ({ params }, ctx) => invoices.retrieve(ctx.db, tz(ctx), params.id),
    opts,
  );
  mount(
    router,
    endpoints.adminUpdateInvoice,
    staff,
    ({ params, body }, ctx) => drafts.update(adminAct(ctx), params.id, body),
    opts,
  );
  mount(
    router,
    endpoints.adminUpsertInvoiceByExternalId,
    staff,
    ({ params, body }, ctx) => drafts.upsertByExternalId(adminAct(ctx), params.external_id, body),
    opts,
  );
  mount(
    router,
    endpoints.adminSendInvoice,
    staff,
    async ({ params }, ctx) => (await lifecycle.send(adminAct(ctx), deps, params.id)).invoice,
    opts,
  );
  mount(
    router,
    endpoints.adminCancelInvoice,
    staff,
    // The invoice.cancelled event expires its open Checkout Sessions (a job).
    ({ params }, ctx) => lifecycle.cancel(adminAct(ctx), params.id),
    opts,
  );
}
