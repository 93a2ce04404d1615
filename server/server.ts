import http from 'node:http';
import { answerClientError } from './http/client-error.js';
import type { AddressInfo } from 'node:net';
import type { Pool } from './db/pool.js';
import type { Logger } from 'pino';
import { apiOrigin, configWith, tenantOrigin, type Config } from './config.js';
import { createApp, type AppOptions } from './app.js';
import { loadWidgetAssets } from './portal/assets.js';
import { LoginThrottle } from './security/login-throttle.js';
import { Keyring, resolveMasterKey } from './security/keyring.js';
import { RateLimits } from './security/rate-limits.js';
import { TenantDirectory } from './http/tenant-directory.js';
import { createMailTransport, type MailTransport } from './modules/email/transport.js';
import { requireSmtpUtf8 } from './modules/email/smtp-capabilities.js';
import { stripeFactory } from './modules/payments/stripe/client.js';
import { JobQueue } from './jobs/queue.js';
import { registry } from './jobs/subscribers/index.js';

export interface RunningServer {
  port: number;
  /** The settings it runs with: the given ones, with PUBLIC_PORT set when the system chose the port. */
  config: Config;
  origin: string;
  tenantOrigin(slug: string): string;
  /** This process's job queue worker: `drain()` waits until no job is due or running (any process's). */
  jobs: JobQueue;
  /** Where mail goes (an SMTP host or the mail folder). */
  mailDestination: string;
  /** Stops accepting, lets in-flight requests and running jobs finish, then closes the pool. */
  close(): Promise<void>;
}

export const version = '0.1.0';

export async function listen(
  config: Config,
  pool: Pool,
  logger: Logger,
  options: { transport?: MailTransport; jobsUrl?: string; extraRoutes?: AppOptions['extraRoutes'] } = {},
): Promise<RunningServer> {
  const jobsUrl = options.jobsUrl ?? config.CASEFLOW_JOBS_DATABASE_URL;
  if (!jobsUrl) throw new Error('listen() needs the job queue login: CASEFLOW_JOBS_DATABASE_URL or options.jobsUrl');
  // Mail to a non-ASCII local part needs SMTPUTF8 end to end: refuse to start without it (the mail folder takes anything).
  if (config.SMTP_UTF8 && config.SMTP_URL && !options.transport) await requireSmtpUtf8(config.SMTP_URL);
  const server = http.createServer();
  server.keepAliveTimeout = 5_000;
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Links must carry the real port when the system chose it, so the app is built
  // after binding, from a config that holds it (config is never changed in place).
  const running =
    config.PORT === 0 && config.PUBLIC_PORT === undefined ? configWith(config, { PUBLIC_PORT: port }) : config;

  let parts: ReturnType<typeof assemble>;
  try {
    // Synchronous from binding to the request handler: no request can arrive before it.
    parts = assemble(running, pool, logger, { ...options, jobsUrl });
    server.on('request', parts.handle);
    // Expect: 100-continue is answered by the route, once its guards and limits passed (server/http/raw-body.ts).
    server.on('checkContinue', parts.handle);
    await parts.jobs.start();
  } catch (error) {
    server.close();
    throw error;
  }
  const { jobs, transport } = parts;

  let closing: Promise<void> | undefined;
  return {
    jobs,
    mailDestination: transport.describe(),
    port,
    config: running,
    origin: apiOrigin(running),
    tenantOrigin: (slug) => tenantOrigin(running, slug),
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
        // Running jobs finish before the pool they use closes.
        .then(() => jobs.stop())
        .then(() => transport.close())
        .then(() => pool.end())),
  };
}

/** The app and its workers, built from the running config; synchronous, so listen attaches the handler before any request is read. */
function assemble(
  config: Config,
  pool: Pool,
  logger: Logger,
  options: { transport?: MailTransport; jobsUrl: string; extraRoutes?: AppOptions['extraRoutes'] },
) {
  const assets = loadWidgetAssets();
  const keyring = new Keyring(resolveMasterKey(config));
  const transport = options.transport ?? createMailTransport(config);
  const rateLimits = new RateLimits(pool, {
    perEmail: config.FORGOT_PASSWORD_PER_EMAIL,
    perIp: config.FORGOT_PASSWORD_PER_IP,
    windowSeconds: config.FORGOT_PASSWORD_WINDOW_SECONDS,
  });
  const stripe = stripeFactory(config);
  const jobs = new JobQueue({ config, pool, keyring, logger, transport, rateLimits, stripe }, registry, {
    url: options.jobsUrl,
    concurrency: config.JOBS_CONCURRENCY,
    pollInterval: config.JOBS_POLL_MS,
  });
  const tenants = new TenantDirectory(pool);
  const loginThrottle = new LoginThrottle(pool, {
    perAccountAndIp: config.LOGIN_FAILURES_PER_ACCOUNT_IP,
    perIp: config.LOGIN_FAILURES_PER_IP,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  });
  const app = createApp({
    config,
    pool,
    logger,
    loginThrottle,
    rateLimits,
    keyring,
    tenants,
    version,
    assets,
    jobs,
    ...(options.extraRoutes ? { extraRoutes: options.extraRoutes } : {}),
  });
  return { handle: app.callback(), jobs, transport };
}
