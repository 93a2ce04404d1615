import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { requestMeta, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { portalSession, requirePermission, requirePlan } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import * as history from './history.js';
import { createCheckout } from './stripe/checkout.js';
import { stripeDeps } from './stripe/client.js';

/** Payments, portal side: the client's payment history, and paying an invoice through Stripe Checkout. */
export function portalPaymentRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
) {
  const stripe = stripeDeps(deps);
  const portal = [portalSession(deps), requirePlan('growth'), requirePermission('invoices')];

  mount(router, endpoints.portalListPayments, portal, ({ query }, ctx) => history.listForPortal(ctx.db, query), opts);

  mount(
    router,
    endpoints.portalCreateCheckout,
    portal,
    ({ params, body }, ctx) =>
      createCheckout(
        stripe,
        {
          transaction: (fn) => ctx.transaction(fn),
          scope: ctx.state.portal,
          meta: requestMeta(ctx),
          idempotencyKey: ctx.state.idempotencyKey,
        },
        params.id,
        body,
      ),
    opts,
  );
}
