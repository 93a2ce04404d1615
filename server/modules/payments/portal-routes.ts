import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import type { AppExtensions, AppState, Deps } from '../../http/context.js';
import { portalSession, requirePermission, requirePlan } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import { invoicePdfForPortal } from '../invoices/pdf.js';
import * as service from './history.js';

/** The portal's billing reads next to the invoice list: payment history and invoice PDFs. */
export function portalBillingRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
) {
  const portal = [portalSession(deps), requirePlan('growth'), requirePermission('invoices')];

  mount(router, endpoints.portalListPayments, portal, ({ query }, ctx) => service.listForPortal(ctx.db, query), opts);

  mount(
    router,
    endpoints.portalInvoicePdf,
    portal,
    ({ params }, ctx) => invoicePdfForPortal((fn) => ctx.transaction(fn), ctx.state.portal, params.id),
    opts,
  );
}
