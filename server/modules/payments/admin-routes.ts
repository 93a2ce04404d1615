import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import { adminAct, type AppExtensions, type AppState, type Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import * as credits from './credits.js';
import { recordManualPayment } from './manual.js';
import * as accounts from './stripe/accounts.js';
import { stripeDeps } from './stripe/client.js';

/**
 * Payments, admin side: the firm's Stripe settings (admins only), manual
 * payments and client credits (everyday work: staff users and API keys too).
 */
export function adminPaymentRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const stripe = stripeDeps(deps);
  const staff = [adminCredential(deps)];
  const admin = [adminCredential(deps), requireAdmin()];

  mount(
    router,
    endpoints.adminRetrieveStripe,
    admin,
    (_input, ctx) => accounts.retrieve(ctx.db, deps.config, ctx.state.admin),
    opts,
  );
  mount(
    router,
    endpoints.adminConfigureStripe,
    admin,
    ({ body }, ctx) => accounts.configure(stripe, adminAct(ctx), body),
    opts,
  );
  mount(
    router,
    endpoints.adminDisableStripe,
    admin,
    // Sessions already open would still take money: the stripe.disabled event expires them (a job).
    (_input, ctx) => accounts.disable(stripe, adminAct(ctx)),
    opts,
  );

  mount(
    router,
    endpoints.adminCreateInvoicePayment,
    staff,
    // The payment.recorded event expires the invoice's open Checkout Sessions (a job).
    ({ params, body }, ctx) => recordManualPayment(adminAct(ctx), params.id, body),
    opts,
  );
  mount(router, endpoints.adminListCredits, staff, ({ query }, ctx) => credits.listCredits(ctx.db, query), opts);
  mount(
    router,
    endpoints.adminResolveCredit,
    staff,
    ({ params, body }, ctx) => credits.resolveCredit(adminAct(ctx), params.id, body),
    opts,
  );
}
