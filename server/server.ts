import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from './db/pool.js';
import type { Logger } from 'pino';
import { apiOrigin, tenantOrigin, type Config } from './config.js';
import { createApp, type AppOptions } from './app.js';
import { loadWidgetAssets } from './portal/assets.js';
import { LoginThrottle } from './security/login-throttle.js';
import { Keyring, resolveMasterKey } from './security/keyring.js';
import { RateLimits } from './security/rate-limits.js';
import { TenantDirectory } from './http/tenant-directory.js';
import { createMailTransport, type MailTransport } from './modules/email/transport.js';
import { MailWorker } from './modules/email/worker.js';
import { resetRequestJob } from './modules/portal-auth/passwords.js';
import { purgeExpiredIdempotencyKeys } from './http/idempotency.js';
import { balanceChangedHook } from './modules/stripe/expiry.js';
import { stripeFactory } from './modules/stripe/client.js';

export interface RunningServer {
  port: number;
  origin: string;
  tenantOrigin(slug: string): string;
  /** The email outbox's worker: `drain()` delivers everything due now. */
  mail: MailWorker;
  /** Where mail goes (an SMTP host or the mail folder). */
  mailDestination: string;
  /** Stops accepting, lets in-flight requests finish, then closes the pool. */
  close(): Promise<void>;
}

export const version = '0.1.0';

export async function listen(
  config: Config,
  pool: Pool,
  logger: Logger,
  options: { transport?: MailTransport; extraRoutes?: AppOptions['extraRoutes'] } = {},
): Promise<RunningServer> {
  const assets = loadWidgetAssets();
  const keyring = new Keyring(resolveMasterKey(config));
  const transport = options.transport ?? createMailTransport(config);
  const rateLimits = new RateLimits(pool, {
    perEmail: config.FORGOT_PASSWORD_PER_EMAIL,
    perIp: config.FORGOT_PASSWORD_PER_IP,
    windowSeconds: config.FORGOT_PASSWORD_WINDOW_SECONDS,
  });
  const mail = new MailWorker({ config, pool, keyring, transport, logger }, [
    resetRequestJob({ config, keyring, rateLimits }),
    purgeExpiredIdempotencyKeys,
  ]);
  const tenants = new TenantDirectory(pool);
  const loginThrottle = new LoginThrottle(pool, {
    perAccountAndIp: config.LOGIN_FAILURES_PER_ACCOUNT_IP,
    perIp: config.LOGIN_FAILURES_PER_IP,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  });
  // Stripe: a changed balance expires the invoice's open Checkout Sessions (see modules/stripe/expiry.ts).
  const balanceChanged = balanceChangedHook({ config, keyring, stripe: stripeFactory(config), pool, logger });
  const app = createApp({
    config,
    pool,
    logger,
    loginThrottle,
    rateLimits,
    keyring,
    mail,
    tenants,
    version,
    assets,
    balanceChanged,
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  const handle = app.callback();
  const server = http.createServer(handle);
  // Expect: 100-continue is answered by the route, once its guards and limits passed (server/http/raw-body.ts).
  server.on('checkContinue', handle);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Links must carry the real port when the system chose it.
  if (config.PORT === 0 && config.PUBLIC_PORT === undefined) config.PUBLIC_PORT = port;

  mail.start();

  let closing: Promise<void> | undefined;
  return {
    mail,
    mailDestination: transport.describe(),
    port,
    origin: apiOrigin(config),
    tenantOrigin: (slug) => tenantOrigin(config, slug),
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        // Keep-alive connections go idle as their last response is sent: close
        // them as they do, rather than waiting for their keep-alive timeout.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
      })
        .then(() => mail.stop())
        .then(() => pool.end())),
  };
}
