import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import type { AppExtensions, AppState, Deps } from '../../http/context.js';
import { portalSession, requirePermission, requirePlan } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import { invoicePdfForPortal } from './pdf.js';
import * as service from './service.js';

/** Invoices, portal side: the client's issued invoices, one with its lines and payments, and its PDF. */
export function invoiceRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
) {
  const portal = [portalSession(deps), requirePlan('growth'), requirePermission('invoices')];

  mount(
    router,
    endpoints.portalListInvoices,
    portal,
    ({ query }, ctx) => service.listForPortal(ctx.db, ctx.state.portal, query),
    opts,
  );

  mount(
    router,
    endpoints.portalRetrieveInvoice,
    portal,
    ({ params }, ctx) => service.retrieveForPortal(ctx.db, ctx.state.portal, params.id),
    opts,
  );

  mount(
    router,
    endpoints.portalInvoicePdf,
    portal,
    ({ params }, ctx) => invoicePdfForPortal((fn) => ctx.transaction(fn), ctx.state.portal, params.id),
    opts,
  );
}
