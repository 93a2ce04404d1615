import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import {
  adminAct,
  afterCommit,
  requestMeta,
  type AppExtensions,
  type AppState,
  type Deps,
} from '../../http/context.js';
import { portalSession, requirePermission, requirePlan } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import { BadRequestError } from '../../errors.js';
import * as accounts from './accounts.js';
import { createCheckout } from './checkout.js';
import { stripeFactory } from './client.js';
import { expireOpenSessions } from './expiry.js';
import { receive } from './webhooks.js';

export function stripeRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const stripe = { config: deps.config, keyring: deps.keyring, stripe: stripeFactory(deps.config) };
  const expiry = { ...stripe, pool: deps.pool, logger: deps.logger };
  const admin = [adminCredential(deps), requireAdmin()];

  mount(
    router,
    endpoints.adminRetrieveStripe,
    admin,
    (_input, ctx) => accounts.retrieve(ctx.db, deps.config, ctx.state.admin!),
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
    async (_input, ctx) => {
      const settings = await accounts.disable(stripe, adminAct(ctx));
      const tenantId = ctx.state.admin!.tenant_id;
      // Sessions already open would still take money: expire them once the switch-off has committed.
      afterCommit(ctx, () => {
        void expireOpenSessions(expiry, tenantId, null).catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'could not expire open Stripe Checkout Sessions'),
        );
      });
      return settings;
    },
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
          db: ctx.db,
          scope: ctx.state.portal!,
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
      return receive(
        { ...expiry, mail: deps.mail },
        slug,
        body,
        ctx.get('stripe-signature') || undefined,
        requestMeta(ctx),
      );
    },
    opts,
  );
}
