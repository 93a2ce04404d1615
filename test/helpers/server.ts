import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../server/config.js';
import { appPool } from '../../server/db/database.js';
import { demoLogins, demoStaffLogins } from '../../server/db/demo.js';
import { listen, type RunningServer } from '../../server/server.js';
import { PortalClient } from '../../sdk/portal-client.js';
import { AdminClient } from '../../sdk/admin-client.js';
import { PlatformClient } from '../../sdk/platform-client.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { startFakeStripe, type FakeStripe } from '../fakes/stripe/server.js';

export const PLATFORM_KEY = 'test-platform-key-0123456789abcdef0123456789';
export const MASTER_KEY = '7f'.repeat(32);

export interface TestServer {
  db: TestDatabase;
  server: RunningServer;
  config: Config;
  /** http://127.0.0.1:PORT — the bare host; pass the firm as the Caseflow-Tenant header. */
  baseUrl: string;
  portal(tenant: string, token?: string): PortalClient;
  admin(tenant: string, token?: string): AdminClient;
  /** An AdminClient logged in as a seeded staff user (see demoStaff). */
  staffLogin(login: { firm: string; email: string; password: string }): Promise<AdminClient>;
  platform(key?: string): PlatformClient;
  /** The local fake Stripe the server talks to (with `startTestServer({ stripe: true })`). */
  stripe?: FakeStripe;
  close(): Promise<void>;
}

/** The settings of a test server on `db` (one source for the in-process and the spawned ones). */
export function testConfig(db: TestDatabase, dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    BASE_DOMAIN: 'localhost',
    DATABASE_URL: db.ownerUrl,
    CASEFLOW_APP_DATABASE_URL: db.appUrl,
    CASEFLOW_JOBS_DATABASE_URL: db.jobsUrl,
    CASEFLOW_PLATFORM_KEY: PLATFORM_KEY,
    CASEFLOW_MASTER_KEY: MASTER_KEY,
    CASEFLOW_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DB_POOL_MAX: '5',
    ...env,
  });
}

/** A real listening server on its own cloned database, for one test file. */
export async function startTestServer(
  options: { seed?: boolean; env?: Record<string, string>; stripe?: boolean } = {},
): Promise<TestServer> {
  const db = await createTestDatabase({ seed: options.seed ?? true });
  const stripe = options.stripe ? await startFakeStripe() : undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-data-'));
  const config = testConfig(db, dataDir, { ...stripe?.env, ...options.env });
  const logger = pino({ level: 'silent' });
  const server = await listen(config, appPool(config, db.appUrl, logger), logger);
  const baseUrl = `http://127.0.0.1:${server.port}`;
  if (stripe) stripe.webhookUrlFor = (slug) => `${baseUrl}/api/v1/webhooks/stripe/${slug}`;
  return {
    db,
    server,
    // The running settings: with the port the system chose (links in mail carry it).
    config: server.config,
    baseUrl,
    portal: (tenant, token) => new PortalClient({ baseUrl, tenant, ...(token ? { token } : {}), maxRetries: 0 }),
    admin: (tenant, token) => new AdminClient({ baseUrl, tenant, ...(token ? { token } : {}), maxRetries: 0 }),
    staffLogin: async (login) => {
      const client = new AdminClient({ baseUrl, tenant: login.firm, maxRetries: 0 });
      await client.auth.login({ email: login.email, password: login.password });
      return client;
    },
    platform: (key = PLATFORM_KEY) => new PlatformClient({ baseUrl, token: key, maxRetries: 0 }),
    ...(stripe ? { stripe } : {}),
    close: async () => {
      await server.close();
      await stripe?.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The seeded portal logins (one source: server/db/demo.ts). */
function demoLogin(email: string): { email: string; password: string } {
  const login = demoLogins.find((l) => l.email === email);
  if (!login) throw new Error(`no demo login ${email}`);
  return { email: login.email, password: login.password };
}

export const demo = {
  nora: demoLogin('nora@northwind.example'),
  gina: demoLogin('gina@globex.example'),
  ian: demoLogin('ian@initech.example'),
};

function staffLogin(email: string): { firm: string; email: string; password: string } {
  const login = demoStaffLogins.find((l) => l.email === email);
  if (!login) throw new Error(`no demo staff login ${email}`);
  return { firm: login.firm, email: login.email, password: login.password };
}

/** The seeded staff: Ada (admin) and Sam (staff) at Acme, Bea (admin) at Bluebird. */
export const demoStaff = {
  ada: staffLogin('ada@acme-law.example'),
  sam: staffLogin('sam@acme-law.example'),
  bea: staffLogin('bea@bluebird.example'),
};

/** Ada, Sam and Bea, each logged in on the server (the cast of the staff suites). */
export async function loginDemoStaff(s: TestServer): Promise<Record<keyof typeof demoStaff, AdminClient>> {
  const [ada, sam, bea] = await Promise.all([
    s.staffLogin(demoStaff.ada),
    s.staffLogin(demoStaff.sam),
    s.staffLogin(demoStaff.bea),
  ]);
  return { ada, sam, bea };
}
