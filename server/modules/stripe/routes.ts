import type Router from '@koa/router';
import type { IncomingMessage } from 'node:http';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { StripeWebhookParams } from '../../../sdk/schemas/stripe.js';
import { adminCredential, requireAdmin } from '../../http/admin-auth.js';
import {
  adminAct,
  requestMeta,
  type AppContext,
  type AppExtensions,
  type AppMiddleware,
  type AppState,
  type Deps,
} from '../../http/context.js';
import { fromZod } from '../../http/errors.js';
import { portalSession, requirePermission, requirePlan } from '../../http/portal-session.js';
import { mount } from '../../http/route.js';
import { AppError, BadRequestError } from '../../errors.js';
import * as accounts from './accounts.js';
import { createCheckout } from './checkout.js';
import { stripeFactory } from './client.js';
import { receive } from './webhooks.js';

/** Stripe signs the exact bytes it sent: the webhook reads them itself, so the JSON parser must leave them alone. */
export const WEBHOOK_PREFIX = '/api/v1/webhooks/';
export function keepRawWebhookBodies(): AppMiddleware {
  return async (ctx, next) => {
    if (ctx.path.startsWith(WEBHOOK_PREFIX))
      (ctx as unknown as { disableBodyParser: boolean }).disableBodyParser = true;
    await next();
  };
}

const MAX_WEBHOOK_BYTES = 1024 * 1024;

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_WEBHOOK_BYTES)
      throw new AppError(413, 'invalid_request', 'body_too_large', 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

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
          scope: ctx.state.portal!,
          meta: requestMeta(ctx),
          idempotencyKey: ctx.state.idempotencyKey,
        },
        params.id,
        body,
      ),
    opts,
  );

  // Not through mount(): the body must stay the raw bytes Stripe signed.
  const webhook = endpoints.stripeWebhook;
  router.register(webhook.path, [webhook.method], [
    async (ctx: AppContext) => {
      const parsed = StripeWebhookParams.safeParse((ctx as unknown as { params: unknown }).params);
      if (!parsed.success) throw fromZod(parsed.error, 'path');
      const slug = parsed.data.tenant;
      if (ctx.state.tenantSlug && ctx.state.tenantSlug !== slug) {
        throw new BadRequestError('tenant_mismatch', `This webhook URL names the firm "${slug}", the request another.`);
      }
      const raw = await readRawBody(ctx.req);
      ctx.body = await receive({ ...stripe, pool: deps.pool }, slug, raw, ctx.get('stripe-signature') || undefined);
      ctx.status = webhook.status;
    },
  ] as never);
}
