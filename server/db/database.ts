import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createAppPool, type Pool } from './pool.js';
import type { Config } from '../config.js';
import { runningEmbeddedUrl, startEmbedded, type EmbeddedCluster } from './embedded.js';
import { createKnex } from './knex.js';
import { installTypeParsers } from './types.js';

const EMBEDDED_DATABASE = 'caseflow';

export function secretsDir(config: Config): string {
  return path.join(config.dataDir, 'secrets');
}

/** Reads a secret kept in the data directory, creating it (mode 0600) on first use. */
export function readOrCreateSecret(config: Config, name: string, make = () => randomBytes(32).toString('hex')) {
  const file = path.join(secretsDir(config), name);
  if (fs.existsSync(file)) return { value: fs.readFileSync(file, 'utf8').trim(), created: false, file };
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o711 });
  fs.mkdirSync(secretsDir(config), { recursive: true, mode: 0o700 });
  const value = make();
  fs.writeFileSync(file, value + '\n', { mode: 0o600 });
  return { value, created: true, file };
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Starts the embedded cluster when no DATABASE_URL is set; returns the owner URL.
 * With `attach`, a cluster a running server started on this data directory is
 * used as it is (and left running).
 */
export async function resolveOwnerUrl(
  config: Config,
  log: (line: string) => void,
  options: { attach?: boolean } = {},
): Promise<{ ownerUrl: string; embedded?: EmbeddedCluster }> {
  if (config.DATABASE_URL) return { ownerUrl: config.DATABASE_URL };
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o711 });
  const where = {
    clusterDir: path.join(config.dataDir, 'pg'),
    passwordFile: path.join(secretsDir(config), 'pg-superuser-password'),
  };
  const running = options.attach ? runningEmbeddedUrl(where) : undefined;
  if (running) return { ownerUrl: withDatabase(running, EMBEDDED_DATABASE) };
  const embedded = await startEmbedded({ ...where, log });
  try {
    await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ownerUrl: withDatabase(embedded.url, EMBEDDED_DATABASE), embedded };
}

/**
 * The application never logs in as the owner: it uses two logins, caseflow_app
 * (requests) and caseflow_jobs (the job queue). Unless the setting names a
 * login's URL, the owner gives that role a password kept in the data directory.
 */
async function loginUrlFor(
  config: Config,
  owner: Knex,
  ownerUrl: string,
  login: { role: 'caseflow_app' | 'caseflow_jobs'; given: string | undefined; secret: string },
): Promise<string> {
  if (login.given) return login.given;
  const { value: password } = readOrCreateSecret(config, login.secret);
  await owner.raw(`ALTER ROLE ${login.role} PASSWORD '${password.replace(/[^0-9a-f]/g, '')}'`);
  const u = new URL(ownerUrl);
  u.username = login.role;
  u.password = password;
  return u.toString();
}

export function appUrlFor(config: Config, owner: Knex, ownerUrl: string): Promise<string> {
  return loginUrlFor(config, owner, ownerUrl, {
    role: 'caseflow_app',
    given: config.CASEFLOW_APP_DATABASE_URL,
    secret: 'app-db-password',
  });
}

export function jobsUrlFor(config: Config, owner: Knex, ownerUrl: string): Promise<string> {
  return loginUrlFor(config, owner, ownerUrl, {
    role: 'caseflow_jobs',
    given: config.CASEFLOW_JOBS_DATABASE_URL,
    secret: 'jobs-db-password',
  });
}

export function ownerKnex(ownerUrl: string): Knex {
  installTypeParsers();
  return createKnex(ownerUrl, 2);
}

export function appPool(config: Config, appUrl: string, logger: Logger): Pool {
  return createAppPool(appUrl, config.DB_POOL_MAX, logger);
}
