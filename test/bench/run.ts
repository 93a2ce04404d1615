/**
 * `npm run bench`: the portal invoice list against its floor, in one run.
 *
 *   (a) a bare Koa handler running the one indexed query for 25 rows (owner login, explicit filters)
 *   (b) the authenticated GET /api/v1/portal/invoices of the real app (caseflow_app login, RLS request transaction)
 *
 * Same database, table and rows, same pool size, byte-identical response bodies.
 * autocannon runs in its own process; the targets are interleaved (a, b, a, b…)
 * so that drift of the machine hits both alike. Budget: b/a ≥ 0.5 in req/s and
 * p99(b) ≤ 3 × p99(a); the exit code is non-zero when a budget fails.
 *
 * Settings (environment): BENCH_SECONDS measured seconds per round and target (8),
 * BENCH_ROUNDS rounds (2), BENCH_WARMUP warm-up seconds per target (2),
 * BENCH_CONNECTIONS (32), BENCH_POOL (10).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { appKnex } from '../../server/db/database.js';
import { demoLogins } from '../../server/db/demo.js';
import { listen, type RunningServer } from '../../server/server.js';
import type { Knex } from 'knex';
import { widgetsDist } from '../../server/portal/assets.js';
import { PortalClient } from '../../sdk/portal-client.js';
import { startBaseline, PAGE_SIZE, type BaselineServer } from './baseline-app.js';
import { explainBaseline, explainPortal, fallbackPortalSql } from './explain.js';
import { runLoad, type LoadResult } from './load.js';
import { cpuDelta, cpuNow, postmasterPid, traceQueries, type CpuSample, type TracedQuery } from './profile.js';
import { roundLine, summarise, table, verdict, type TargetRuns } from './report.js';
import { BENCH_TENANT, clusterSettings, startBenchDatabase, type BenchDatabase } from './setup.js';

const root = path.resolve(import.meta.dirname, '../..');

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return value;
}

const settings = {
  seconds: intSetting('BENCH_SECONDS', 8, 1, 120),
  rounds: intSetting('BENCH_ROUNDS', 2, 1, 10),
  warmup: intSetting('BENCH_WARMUP', 2, 0, 30),
  connections: intSetting('BENCH_CONNECTIONS', 32, 1, 1000),
  pool: intSetting('BENCH_POOL', 10, 1, 100),
};

const log = (line = '') => process.stdout.write(line + '\n');

function ensureWidgets(): void {
  const missing = ['caseflow-widgets.js', 'hosted-portal.js'].some((f) => !fs.existsSync(path.join(widgetsDist, f)));
  if (!missing) return;
  log('building the widget bundles (the server refuses to start without them)…');
  const result = spawnSync('npx', ['rollup', '-c', 'widgets/rollup.config.mjs', '--silent'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('widget build failed');
}

/** One GET on a fresh connection (nothing kept alive to hold the server open). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
}

interface TarnPool {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * After autocannon hangs up, the servers still finish the requests it left in
 * flight: wait for both pools to go idle so no target's tail runs into the next
 * measurement (or into shutdown).
 */
async function settle(knex: Knex, baseline: BaselineServer): Promise<void> {
  const pool = (knex.client as { pool?: TarnPool }).pool;
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const appIdle = !pool || (pool.numUsed() === 0 && pool.numPendingAcquires() === 0);
    if (appIdle && baseline.idle()) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 250));
}

interface Target {
  key: 'a' | 'b';
  label: string;
  url: string;
  headers: Record<string, string>;
}

async function main(cleanups: (() => Promise<void>)[]): Promise<number> {
  const started = Date.now();
  ensureWidgets();
  log(`CaseFlow bench — ${new Date().toISOString()}, node ${process.version}, ${settings.connections} connections, ` +
      `${settings.rounds} round(s) × ${settings.seconds}s per target after ${settings.warmup}s warm-up, pool ${settings.pool}`);

  const db: BenchDatabase = await startBenchDatabase(log);
  cleanups.push(() => db.close());
  log(`embedded PostgreSQL in ${db.embedded.clusterDir} with ${Object.entries(clusterSettings).map(([k, v]) => `${k}=${v}`).join(', ')} ` +
      `(durability off, as in tests); ${db.issuedInvoices} issued invoices for ${BENCH_TENANT}'s client 1001`);

  const config = loadConfig({
    NODE_ENV: 'production', // 'test' would also validate every response against its schema
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.ownerUrl,
    CASEFLOW_APP_DATABASE_URL: db.appUrl,
    CASEFLOW_PLATFORM_KEY: 'x'.repeat(40),
    CASEFLOW_DATA_DIR: path.join(db.tmp, 'data'),
    LOG_LEVEL: 'silent',
    DB_POOL_MAX: String(settings.pool),
  });
  const knex = appKnex(config, db.appUrl);
  const app: RunningServer = await listen(config, knex, pino({ level: 'silent' }));
  cleanups.push(() => app.close());
  const baseline: BaselineServer = await startBaseline(db.ownerUrl, settings.pool, db.scope);
  cleanups.push(() => baseline.close());

  const appBase = `http://127.0.0.1:${app.port}`;
  const nora = demoLogins.find((l) => l.email === 'nora@northwind.example')!;
  const portal = new PortalClient({ baseUrl: appBase, tenant: BENCH_TENANT, maxRetries: 0 });
  await portal.auth.login({ email: nora.email, password: nora.password });
  const token = portal.token;
  if (!token) throw new Error('the login answered no bearer token');

  const targets: Record<'a' | 'b', Target> = {
    a: { key: 'a', label: 'bare Koa + pg, indexed query', url: `http://127.0.0.1:${baseline.port}/invoices`, headers: {} },
    b: {
      key: 'b',
      label: 'GET /api/v1/portal/invoices (RLS)',
      url: `${appBase}/api/v1/portal/invoices`,
      headers: { 'Caseflow-Tenant': BENCH_TENANT, Authorization: `Bearer ${token}` },
    },
  };

  // Same shape and size: the two bodies should be the very same bytes.
  const bodyA = await get(targets.a.url, targets.a.headers);
  const bodyB = await get(targets.b.url, targets.b.headers);
  if (bodyA.status !== 200 || bodyB.status !== 200) {
    throw new Error(`probe failed: (a) ${bodyA.status} ${bodyA.text.slice(0, 300)} / (b) ${bodyB.status} ${bodyB.text.slice(0, 300)}`);
  }
  const itemsA = (JSON.parse(bodyA.text) as { data: unknown[] }).data.length;
  const itemsB = (JSON.parse(bodyB.text) as { data: unknown[] }).data.length;
  const sizeA = Buffer.byteLength(bodyA.text);
  const sizeB = Buffer.byteLength(bodyB.text);
  const sizeDiff = Math.abs(sizeA - sizeB) / sizeA;
  log(`response bodies: (a) ${sizeA} bytes, ${itemsA} items; (b) ${sizeB} bytes, ${itemsB} items; ` +
      `${bodyA.text === bodyB.text ? 'byte-identical' : `differ by ${(sizeDiff * 100).toFixed(1)} %`}`);
  if (itemsA !== PAGE_SIZE || itemsB !== PAGE_SIZE || sizeDiff > 0.05) {
    throw new Error('the two targets do not answer the same page: the comparison would not be fair');
  }

  // Round trips and statements per request, counted on the client side of pg.
  const probes = 20;
  const traced: Record<'a' | 'b', TracedQuery[]> = { a: [], b: [] };
  for (const key of ['a', 'b'] as const) {
    traced[key] = await traceQueries(async () => {
      for (let i = 0; i < probes; i++) await get(targets[key].url, targets[key].headers);
    });
  }
  log();
  log('round trips to PostgreSQL per request (one pg query() call each):');
  for (const key of ['a', 'b'] as const) {
    log(`  (${key}) ${(traced[key].length / probes).toFixed(2)}`);
    const distinct = new Map<string, number>();
    for (const q of traced[key]) {
      const text = q.text.replace(/\\x[0-9a-f]{64}/, '\\x<sha256 of token>').replace(/\s+/g, ' ').trim();
      distinct.set(text, (distinct.get(text) ?? 0) + 1);
    }
    for (const [text, count] of distinct) log(`      ${(count / probes).toFixed(2)} × ${text.length > 180 ? text.slice(0, 177) + '…' : text}`);
  }

  const listQuery = traced.b.find((q) => /from "invoices"/i.test(q.text)) ?? { text: fallbackPortalSql, values: [] };
  log();
  log('plan of (b)\'s list query as the request runs it (caseflow_app → enter_portal_session → SET LOCAL ROLE caseflow_portal, RLS):');
  log(`  ${listQuery.text}  -- values ${JSON.stringify(listQuery.values)}`);
  log((await explainPortal(db.appUrl, token, listQuery)).replace(/^/gm, '    '));
  log('plan of (a)\'s query (owner, explicit filters):');
  log((await explainBaseline(db.ownerUrl, db.scope)).replace(/^/gm, '    '));

  const postmaster = await postmasterPid(db.ownerUrl).catch(() => undefined);
  const load = async (t: Target, seconds: number) => {
    try {
      return await runLoad({ url: t.url, headers: t.headers, connections: settings.connections, seconds });
    } finally {
      await settle(knex, baseline);
    }
  };

  log();
  if (settings.warmup > 0) {
    log(`warming up (${settings.warmup}s each, not measured)…`);
    await load(targets.a, settings.warmup);
    await load(targets.b, settings.warmup);
  }
  const runs: Record<'a' | 'b', TargetRuns> = {
    a: { key: 'a', label: targets.a.label, rounds: [], cpu: [] },
    b: { key: 'b', label: targets.b.label, rounds: [], cpu: [] },
  };
  for (let round = 1; round <= settings.rounds; round++) {
    for (const key of ['a', 'b'] as const) {
      const before = cpuNow(postmaster);
      const result: LoadResult = await load(targets[key], settings.seconds);
      const cpu: CpuSample = cpuDelta(before, cpuNow(postmaster));
      runs[key].rounds.push(result);
      runs[key].cpu.push(cpu);
      log(roundLine(key, round, result, cpu));
    }
  }

  const a = summarise(runs.a);
  const b = summarise(runs.b);
  log();
  log(table([a, b]));
  log('(req/s, p50, p99: means over the rounds; CPU per request: this process = the serving Node, and the whole PostgreSQL cluster)');
  const result = verdict(a, b);
  for (const line of result.lines) log(line);
  log(`bench ${result.pass ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return result.pass ? 0 : 1;
}

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch((error: unknown) => console.error('cleanup:', error));
    }
  })());

// Bounded in time whatever happens: the default run takes well under a minute.
const limitMs =
  (settings.rounds * 2 * (settings.seconds + 3) + 2 * (settings.warmup + 3) + 90) * 1000;
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${limitMs / 1000}s, giving up`);
  void cleanup().finally(() => process.exit(2));
}, limitMs);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}, cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

main(cleanups)
  .then(
    (code) => code,
    (error: unknown) => {
      console.error('bench failed:', error);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
