import type Router from '@koa/router';
import { endpoints } from '../../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../../http/admin-auth.js';
import { adminAct, requestMeta, type AppExtensions, type AppState, type Deps } from '../../../http/context.js';
import { portalSession, requirePermission, requirePlan } from '../../../http/portal-session.js';
import { mount } from '../../../http/route.js';
import { BadRequestError } from '../../../errors.js';
import * as accounts from './accounts.js';
import { createCheckout } from './checkout.js';
import { stripeFactory } from './client.js';
import { receive } from './webhooks.js';

export function stripeRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const stripe = { config: deps.config, keyring: deps.keyring, stripe: stripeFactory(deps.config) };
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
    endpoints.portalCreateCheckout,
    [portalSession(deps), requirePlan('growth'), requirePermission('invoices')],
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

  // kind 'raw': the body stays the exact bytes Stripe signed.
  mount(
    router,
    endpoints.stripeWebhook,
    [],
    ({ params, body }, ctx) => {
      const slug = params.tenant;
      if (ctx.state.tenantSlug && ctx.state.tenantSlug !== slug) {
        throw new BadRequestError('tenant_mismatch', `This webhook URL names the firm "${slug}", the request another.`);
      }
      return receive({ ...stripe, pool: deps.pool }, slug, body, ctx.get('stripe-signature') || undefined);
    },
    opts,
  );
}
