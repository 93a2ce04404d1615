import { z } from 'zod';
import path from 'node:path';

/**
 * Every setting the server reads, validated once at boot. Nothing else in the
 * code base touches process.env: pass the parsed Config down instead.
 */
export const configMessages = {
  trustProxy:
    'TRUST_PROXY is now the number of proxies in front of the server: set TRUST_PROXY=1 for one (N for N), or 0 for none',
  httpsWithoutProxy:
    'Invalid setting PUBLIC_SCHEME: https needs the TLS proxy in front trusted (TRUST_PROXY=1), since this server speaks plain HTTP itself; or set PUBLIC_SCHEME=http',
};

/**
 * How many proxies in front append to X-Forwarded-For: the client IP is the N-th
 * entry from the right (the left-most is whatever the client wrote). 0 means no proxy.
 */
const proxyHops = z
  .string()
  .regex(/^\d{1,2}$/, configMessages.trustProxy)
  .transform(Number)
  .default(0);

const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'must be a lower-case host name such as caseflow.law or localhost')
    .default('localhost'),
  PUBLIC_SCHEME: z.enum(['http', 'https']).default('http'),
  /** Port shown in links; empty means the default port of the scheme. Defaults to PORT. */
  PUBLIC_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  /** Connection URL of the caseflow_app login role; derived when absent. */
  CASEFLOW_APP_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  /** Connection URL of the caseflow_jobs login (the job queue); derived when absent. */
  CASEFLOW_JOBS_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')
    .optional(),
  CASEFLOW_DATA_DIR: z.string().min(1).default('./.caseflow'),
  CASEFLOW_PLATFORM_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** 32 bytes, hex or base64: wraps every tenant key. Generated in the data directory when embedded. */
  CASEFLOW_MASTER_KEY: z
    .string()
    .refine((v) => masterKeyBytes(v) !== undefined, 'must be 32 bytes written as 64 hex digits or base64')
    .optional(),
  /** smtp:// or smtps:// URL; without it mail is written to <data dir>/mail as .eml files. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  /**
   * Accept addresses whose local part is not ASCII (δοκιμή@…): they need an SMTP
   * server that offers SMTPUTF8 (RFC 6531), checked at boot. Off by default.
   */
  SMTP_UTF8: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** Jobs one server process runs at once. */
  JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
  /** How often the job queue is polled when no notification arrived (ms). */
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: proxyHops,
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SESSION_IDLE_SECONDS: seconds(30 * 60),
  SESSION_ABSOLUTE_SECONDS: seconds(12 * 60 * 60),
  LOGIN_FAILURES_PER_ACCOUNT_IP: z.coerce.number().int().min(1).default(10),
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(100),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds(15 * 60),
  FORGOT_PASSWORD_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  FORGOT_PASSWORD_PER_IP: z.coerce.number().int().min(1).default(50),
  FORGOT_PASSWORD_WINDOW_SECONDS: seconds(60 * 60),
  MINTED_SESSION_SECONDS: seconds(60 * 60),
  /** "Login as client" links are redeemable once, within this many seconds (DESIGN §2). */
  IMPERSONATION_LINK_SECONDS: seconds(2 * 60),
  /** Absolute lifetime of an admin preview session (it has no stop action: it simply ends). */
  PREVIEW_SESSION_SECONDS: seconds(60 * 60),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where the stripe SDK sends API calls; unset means Stripe itself (tests point it at a local fake). */
  STRIPE_API_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, 'must be a host name')
    .optional(),
  STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  STRIPE_API_PROTOCOL: z.enum(['http', 'https']).optional(),
});

/** The master key's bytes, or undefined when the text is not 32 bytes in hex or base64. */
export function masterKeyBytes(text: string): Buffer | undefined {
  const bytes = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

export type RawConfig = z.infer<typeof configSchema>;

/**
 * The settings as the server runs with them. Frozen: what is only known later
 * (the generated keys, the port the system chose) makes a new Config with
 * `configWith`, never a change to this one.
 */
export type Config = Readonly<
  RawConfig & {
    /** Absolute path of CASEFLOW_DATA_DIR. */
    dataDir: string;
    production: boolean;
  }
>;

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a one-line message naming the setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'config');
    throw new ConfigError(`Invalid setting ${name}: ${issue.message}`);
  }
  const raw = parsed.data;
  // Secure cookies are refused on a plain connection: without a trusted proxy telling us
  // the client used https (X-Forwarded-Proto), every cookie login would fail.
  if (raw.PUBLIC_SCHEME === 'https' && raw.TRUST_PROXY === 0) throw new ConfigError(configMessages.httpsWithoutProxy);
  return Object.freeze({
    ...raw,
    dataDir: path.resolve(raw.CASEFLOW_DATA_DIR),
    production: raw.NODE_ENV === 'production',
  });
}

/** A frozen copy of `config` with settings resolved after loading (every value is a primitive: a shallow freeze is whole). */
export function configWith(
  config: Config,
  resolved: Partial<Pick<Config, 'CASEFLOW_PLATFORM_KEY' | 'CASEFLOW_MASTER_KEY' | 'PUBLIC_PORT'>>,
): Config {
  return Object.freeze({ ...config, ...resolved });
}

/** The public origin of a tenant, used for every link we send by email or print. */
export function tenantOrigin(config: Config, slug: string): string {
  const port = config.PUBLIC_PORT ?? config.PORT;
  const defaultPort = config.PUBLIC_SCHEME === 'https' ? 443 : 80;
  const portPart = port === defaultPort || port === 0 ? '' : `:${port}`;
  return `${config.PUBLIC_SCHEME}://${slug}.${config.BASE_DOMAIN}${portPart}`;
}

/** Where a firm's emailed links point: its configured public URL, else its subdomain. Never the request's Host. */
export function tenantPublicUrl(config: Config, tenant: { tenant_slug: string; public_url?: string | null }): string {
  return tenant.public_url ?? tenantOrigin(config, tenant.tenant_slug);
}

/** The origin of the bare API host (no tenant), for SDK and CLI users. */
export function apiOrigin(config: Config): string {
  const port = config.PUBLIC_PORT ?? config.PORT;
  const defaultPort = config.PUBLIC_SCHEME === 'https' ? 443 : 80;
  const portPart = port === defaultPort ? '' : `:${port}`;
  return `${config.PUBLIC_SCHEME}://${config.BASE_DOMAIN}${portPart}`;
}
