import Stripe from 'stripe';
import type { Config } from '../../../config.js';
import { AppError } from '../../../errors.js';
import type { Keyring } from '../../../security/keyring.js';

/** Makes the stripe SDK client of one firm's secret key, pointed where config says (Stripe, or a local fake in tests). */
export type StripeFactory = (secretKey: string) => Stripe;

export function stripeFactory(config: Config): StripeFactory {
  const cache = new Map<string, Stripe>();
  return (secretKey) => {
    let client = cache.get(secretKey);
    if (!client) {
      client = new Stripe(secretKey, {
        maxNetworkRetries: 2,
        timeout: 20_000,
        ...(config.STRIPE_API_HOST ? { host: config.STRIPE_API_HOST } : {}),
        ...(config.STRIPE_API_PORT ? { port: config.STRIPE_API_PORT } : {}),
        ...(config.STRIPE_API_PROTOCOL ? { protocol: config.STRIPE_API_PROTOCOL } : {}),
      });
      // A handful of firms per process: a small cache keeps keep-alive connections without growing forever.
      if (cache.size > 500) cache.clear();
      cache.set(secretKey, client);
    }
    return client;
  };
}

/** The mode a key belongs to, from its prefix (sk_test_, pk_live_, rk_test_…). */
export function keyMode(key: string): 'test' | 'live' {
  return /^[a-z]{2}_live_/.test(key) ? 'live' : 'test';
}

export const stripeMessages = {
  unreachable: 'Stripe could not be reached or answered with an error; nothing was charged. Try again in a moment.',
  refused: (message: string) => `Stripe refused the request: ${message}`,
};

/** A Stripe API failure as our error: 502, with Stripe's own wording when it refused the request. */
export function stripeFailure(error: unknown): AppError {
  if (error instanceof Stripe.errors.StripeInvalidRequestError && error.message) {
    return new AppError(502, 'api_error', 'stripe_error', stripeMessages.refused(error.message));
  }
  if (
    error instanceof Stripe.errors.StripeAuthenticationError ||
    error instanceof Stripe.errors.StripePermissionError
  ) {
    return new AppError(
      502,
      'api_error',
      'stripe_key_rejected',
      "Stripe rejected the firm's secret key; the firm must configure a valid key.",
    );
  }
  return new AppError(502, 'api_error', 'stripe_unavailable', stripeMessages.unreachable);
}

export function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

const depsOf = new WeakMap<object, { config: Config; keyring: Keyring; stripe: StripeFactory }>();

/** The Stripe deps of the app's deps: one factory (and its client cache) for every route file of the module. */
export function stripeDeps(deps: { config: Config; keyring: Keyring }): {
  config: Config;
  keyring: Keyring;
  stripe: StripeFactory;
} {
  let found = depsOf.get(deps);
  if (!found) {
    found = { config: deps.config, keyring: deps.keyring, stripe: stripeFactory(deps.config) };
    depsOf.set(deps, found);
  }
  return found;
}
