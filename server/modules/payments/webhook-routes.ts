import type Router from '@koa/router';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { BadRequestError } from '../../errors.js';
import type { AppExtensions, AppState, Deps } from '../../http/context.js';
import { mount } from '../../http/route.js';
import { stripeDeps } from './stripe/client.js';
import { receive } from './stripe/webhooks.js';

/** Stripe's webhook: public, authenticated by the signature of the raw body with the firm's secret. */
export function stripeWebhookRoutes(
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
): void {
  const stripe = stripeDeps(deps);

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
