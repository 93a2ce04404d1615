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
 * BENCH_CONNECTIONS (32), BENCH_POOL pool size of every target (10), and
 * BENCH_RLS_FLOOR=1 to add target (c), the RLS request transaction in plain pg
 * (informational, no budget).
 *
 * Then the identity figures (test/bench/identity.ts) and the list at scale
 * (test/bench/scale.ts): the same list served from a database holding 1,000
 * more firms and 2 M invoices, against the one-firm database, interleaved
 * (budget: mean latency ratio ≤ 1.2). For a CPU profile of the serving process:
 * `node --cpu-prof --import tsx test/bench/run.ts`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from '../../server/db/pool.js';
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { appPool } from '../../server/db/database.js';
import { demoLogins } from '../../server/db/demo.js';
import { listen, type RunningServer } from '../../server/server.js';
import { widgetsDist } from '../../server/portal/assets.js';
import { PortalClient } from '../../sdk/portal-client.js';
import { startBaseline, startRlsFloor, PAGE_SIZE, type BaselineServer } from './baseline-app.js';
import { explainBaseline, explainPortal } from './explain.js';
import { identityBench } from './identity.js';
import { runLoad, stopAllLoad, type LoadResult } from './load.js';
import { cpuDelta, cpuNow, postmasterPid, traceQueries, type CpuSample, type TracedQuery } from './profile.js';
import { roundLine, summarise, table, verdict, type TargetKey, type TargetRuns } from './report.js';
import { BENCH_CLIENT_NUMBER, BENCH_DATABASE, BENCH_TENANT, clusterSettings, startBenchDatabase } from './setup.js';
import { createScaleDatabase, scaleBench, SCALE } from './scale.js';

const root = path.resolve(import.meta.dirname, '../..');

function intSetting(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

const settings = {
  seconds: intSetting('BENCH_SECONDS', 8, 1, 60),
  rounds: intSetting('BENCH_ROUNDS', 2, 1, 10),
  warmup: intSetting('BENCH_WARMUP', 2, 0, 30),
  connections: intSetting('BENCH_CONNECTIONS', 32, 1, 1000),
  pool: intSetting('BENCH_POOL', 10, 1, 100),
  rlsFloor: intSetting('BENCH_RLS_FLOOR', 0, 0, 1) === 1,
};

const log = (line = '') => process.stdout.write(line + '\n');

function ensureWidgets(): void {
  const missing = !fs.existsSync(path.join(widgetsDist, 'manifest.json'));
  if (!missing) return;
  log('building the widget bundles (the server refuses to start without them)…');
  const result = spawnSync('npx', ['rollup', '-c', 'widgets/rollup.config.mjs', '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
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

/**
 * After autocannon hangs up, the servers still finish the requests it left in
 * flight: wait for every pool to go idle so no target's tail runs into the next
 * measurement (or into shutdown).
 */
async function settle(pool: Pool, bare: BaselineServer[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const appIdle = pool.totalCount === pool.idleCount && pool.waitingCount === 0;
    if (appIdle && bare.every((s) => s.idle())) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await new Promise((r) => setTimeout(r, 250));
}

interface Target {
  key: TargetKey;
  label: string;
  url: string;
  headers: Record<string, string>;
}

async function main(cleanups: (() => Promise<void>)[]): Promise<number> {
  const started = Date.now();
  ensureWidgets();
  log(
    `CaseFlow bench — ${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg()[0]!.toFixed(2)} at start; ${settings.connections} connections, ` +
      `${settings.rounds} round(s) × ${settings.seconds}s per target after ${settings.warmup}s warm-up, pool ${settings.pool}`,
  );

  const db = await startBenchDatabase(log);
  cleanups.push(() => db.close());
  const durability = Object.entries(clusterSettings)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
  log(
    `embedded PostgreSQL in ${db.embedded.clusterDir} with ${durability} (durability off, as in tests); ` +
      `${db.issuedInvoices} issued invoices for ${BENCH_TENANT}'s client ${BENCH_CLIENT_NUMBER}`,
  );
  // Cloned before anything connects to the bench database (a template must have no sessions).
  log(
    `generating the scale database: ${SCALE.firms} firms × ${SCALE.clientsPerFirm} clients × ${SCALE.invoicesPerClient} invoices…`,
  );
  const scale = await createScaleDatabase(db.embedded.url, db.appUrl, db.jobsUrl, BENCH_DATABASE, log);
  log(`scale database ready: ${scale.invoices} invoices in all, generated in ${scale.seconds.toFixed(1)}s`);

  const benchEnv = {
    NODE_ENV: 'production', // 'test' would also validate every response against its schema
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.ownerUrl,
    CASEFLOW_APP_DATABASE_URL: db.appUrl,
    CASEFLOW_JOBS_DATABASE_URL: db.jobsUrl,
    CASEFLOW_PLATFORM_KEY: 'x'.repeat(40),
    CASEFLOW_MASTER_KEY: '5a'.repeat(32),
    // The timing comparison sends hundreds of reset requests for one address.
    FORGOT_PASSWORD_PER_EMAIL: '1000000',
    FORGOT_PASSWORD_PER_IP: '1000000',
    CASEFLOW_DATA_DIR: path.join(db.tmp, 'data'),
    LOG_LEVEL: 'silent',
    DB_POOL_MAX: String(settings.pool),
  };
  const config = loadConfig(benchEnv);
  const logger = pino({ level: 'silent' });
  const pool = appPool(config, db.appUrl, logger);
  const app: RunningServer = await listen(config, pool, logger);
  cleanups.push(() => app.close());
  const bare: BaselineServer[] = [];
  const baseline = await startBaseline(db.ownerUrl, settings.pool, db.scope);
  bare.push(baseline);
  cleanups.push(() => baseline.close());
  const floor = settings.rlsFloor ? await startRlsFloor(db.appUrl, settings.pool) : undefined;
  if (floor) {
    bare.push(floor);
    cleanups.push(() => floor.close());
  }

  const appBase = `http://127.0.0.1:${app.port}`;
  const nora = demoLogins.find((l) => l.email === 'nora@northwind.example')!;
  const portal = new PortalClient({ baseUrl: appBase, tenant: BENCH_TENANT, maxRetries: 0 });
  await portal.auth.login({ email: nora.email, password: nora.password });
  const token = portal.token;
  if (!token) throw new Error('the login answered no bearer token');
  const auth = { 'Caseflow-Tenant': BENCH_TENANT, Authorization: `Bearer ${token}` };

  const targets: Target[] = [
    { key: 'a', label: 'bare Koa + pg, indexed query', url: `http://127.0.0.1:${baseline.port}/invoices`, headers: {} },
    { key: 'b', label: 'GET /api/v1/portal/invoices (RLS)', url: `${appBase}/api/v1/portal/invoices`, headers: auth },
  ];
  if (floor) {
    targets.push({
      key: 'c',
      label: 'bare Koa + pg, RLS transaction',
      url: `http://127.0.0.1:${floor.port}/invoices`,
      headers: auth,
    });
  }

  // Same shape and size: the bodies should be the very same bytes.
  const bodies = await Promise.all(targets.map((t) => get(t.url, t.headers)));
  const reference = bodies[0]!.text;
  for (const [i, t] of targets.entries()) {
    const body = bodies[i]!;
    if (body.status !== 200) throw new Error(`probe of (${t.key}) answered ${body.status}: ${body.text.slice(0, 300)}`);
    const items = (JSON.parse(body.text) as { data: unknown[] }).data.length;
    const size = Buffer.byteLength(body.text);
    const diff = Math.abs(size - Buffer.byteLength(reference)) / Buffer.byteLength(reference);
    log(
      `response body of (${t.key}): ${size} bytes, ${items} items` +
        (i === 0 ? '' : body.text === reference ? ', byte-identical to (a)' : `, ${(diff * 100).toFixed(1)} % off (a)`),
    );
    if (items !== PAGE_SIZE || diff > 0.05) {
      throw new Error('the targets do not answer the same page: the comparison would not be fair');
    }
  }

  // Round trips and statements per request, counted on the client side of pg.
  const probes = 20;
  const traced = new Map<TargetKey, TracedQuery[]>();
  for (const t of targets) {
    traced.set(
      t.key,
      await traceQueries(async () => {
        for (let i = 0; i < probes; i++) await get(t.url, t.headers);
      }),
    );
  }
  log();
  log('round trips to PostgreSQL per request (one pg query() call each):');
  for (const t of targets) {
    const queries = traced.get(t.key)!;
    log(`  (${t.key}) ${(queries.length / probes).toFixed(2)}`);
    const distinct = new Map<string, number>();
    for (const q of queries) {
      const text = q.text
        .replace(/\\x[0-9a-f]{64}/, '\\x<sha256 of token>')
        .replace(/\s+/g, ' ')
        .trim();
      distinct.set(text, (distinct.get(text) ?? 0) + 1);
    }
    for (const [text, count] of distinct) {
      log(`      ${(count / probes).toFixed(2)} × ${text.length > 160 ? text.slice(0, 157) + '…' : text}`);
    }
  }

  const listQuery = traced.get('b')!.find((q) => /\bFROM "?invoices"?\s+(WHERE|ORDER)\b/i.test(q.text));
  if (!listQuery) throw new Error("(b)'s list query was not among the traced statements");
  log();
  log(
    "plan of (b)'s list query as a request runs it (caseflow_app, enter_portal_session, SET LOCAL ROLE caseflow_portal, RLS):",
  );
  log(`  ${listQuery.text}`);
  log(`  -- values ${JSON.stringify(listQuery.values)}`);
  log((await explainPortal(db.appUrl, token, listQuery)).replace(/^/gm, '    '));
  log("plan of (a)'s query (owner, explicit filters):");
  log((await explainBaseline(db.ownerUrl, db.scope)).replace(/^/gm, '    '));

  const postmaster = await postmasterPid(db.ownerUrl).catch(() => undefined);
  const load = async (t: Target, seconds: number): Promise<LoadResult> => {
    try {
      return await runLoad({ url: t.url, headers: t.headers, connections: settings.connections, seconds });
    } finally {
      await settle(pool, bare);
    }
  };

  log();
  if (settings.warmup > 0) {
    log(`warming up (${settings.warmup}s per target, not measured)…`);
    for (const t of targets) await load(t, settings.warmup);
  }
  const runs = new Map<TargetKey, TargetRuns>(
    targets.map((t) => [t.key, { key: t.key, label: t.label, rounds: [], cpu: [] }]),
  );
  for (let round = 1; round <= settings.rounds; round++) {
    for (const t of targets) {
      const before = cpuNow(postmaster);
      const result = await load(t, settings.seconds);
      const cpu: CpuSample = cpuDelta(before, cpuNow(postmaster));
      runs.get(t.key)!.rounds.push(result);
      runs.get(t.key)!.cpu.push(cpu);
      log(roundLine(t.key, round, result, cpu));
    }
  }

  const summaries = targets.map((t) => summarise(runs.get(t.key)!));
  log();
  log(table(summaries));
  log(
    '(req/s, p50, p99: means over the rounds; CPU per request: this Node process, which serves every target, and the whole PostgreSQL cluster)',
  );
  const [a, b, c] = summaries;
  if (c)
    log(
      `(c) is informational: ratio c/a = ${(c.reqPerSec / a!.reqPerSec).toFixed(2)}, b/c = ${(b!.reqPerSec / c.reqPerSec).toFixed(2)}`,
    );
  const result = verdict(a!, b!);
  for (const line of result.lines) log(line);
  await identityBench({
    appBase,
    tenant: BENCH_TENANT,
    login: { email: nora.email, password: nora.password },
    listHeaders: auth,
    seconds: settings.seconds,
    connections: settings.connections,
    log,
    settle: () => settle(pool, bare),
  });

  log();
  log(`the list at scale: (1) the one-firm database against (N) the same plus ${SCALE.firms} firms and 2 M invoices`);
  const scaleConfig = loadConfig({
    ...benchEnv,
    DATABASE_URL: scale.ownerUrl,
    CASEFLOW_APP_DATABASE_URL: scale.appUrl,
    CASEFLOW_JOBS_DATABASE_URL: scale.jobsUrl,
    CASEFLOW_DATA_DIR: path.join(db.tmp, 'data-scale'),
  });
  const scalePool = appPool(scaleConfig, scale.appUrl, logger);
  const scaleApp = await listen(scaleConfig, scalePool, logger);
  cleanups.push(() => scaleApp.close());
  const scaleBase = `http://127.0.0.1:${scaleApp.port}`;
  const scalePortal = new PortalClient({ baseUrl: scaleBase, tenant: BENCH_TENANT, maxRetries: 0 });
  await scalePortal.auth.login({ email: nora.email, password: nora.password });
  const scaleAuth = { 'Caseflow-Tenant': BENCH_TENANT, Authorization: `Bearer ${scalePortal.token}` };
  const [oneBody, scaleBody] = await Promise.all([
    get(`${appBase}/api/v1/portal/invoices`, auth),
    get(`${scaleBase}/api/v1/portal/invoices`, scaleAuth),
  ]);
  if (scaleBody.status !== 200 || scaleBody.text.length !== oneBody.text.length) {
    throw new Error(`the scale database answers another page (${scaleBody.status}): the comparison would not be fair`);
  }
  log('plan of the list query on the scale database, as a request runs it:');
  log((await explainPortal(scale.appUrl, scalePortal.token!, listQuery)).replace(/^/gm, '    '));
  const scalePass = await scaleBench({
    oneFirm: { url: `${appBase}/api/v1/portal/invoices`, headers: auth },
    scaled: { url: `${scaleBase}/api/v1/portal/invoices`, headers: scaleAuth },
    rounds: settings.rounds,
    seconds: settings.seconds,
    warmup: settings.warmup,
    connections: settings.connections,
    log,
    settle: async () => {
      await settle(pool, bare);
      await settle(scalePool, []);
    },
  });
  log(
    `load average ${os.loadavg()[0]!.toFixed(2)} at the end (other processes on this machine share its CPUs with the bench)`,
  );
  const pass = result.pass && scalePass;
  log(`bench ${pass ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  return pass ? 0 : 1;
}

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
/** Stops what was started, newest first (servers and pools, then the cluster and its temp folder); runs once. */
const cleanup = () =>
  (cleaning ??= (async () => {
    stopAllLoad();
    for (const fn of cleanups.reverse()) {
      await fn().catch((error: unknown) => console.error('cleanup:', error));
    }
  })());

// Bounded in time whatever happens (a default run takes about 45 s).
const targetCount = settings.rlsFloor ? 3 : 2;
// …plus the identity part: five load runs (two at once) and a few hundred sequential requests;
// plus the scale part: generating 2 M invoices (about a minute) and two more interleaved targets.
const limitMs =
  (targetCount * (settings.rounds * (settings.seconds + 3) + settings.warmup + 3) +
    5 * (settings.seconds + 3) +
    2 * (settings.rounds * (settings.seconds + 3) + settings.warmup + 3) +
    420) *
  1000;
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

let exitCode = 1;
try {
  exitCode = await main(cleanups);
} catch (error) {
  console.error('bench failed:', error);
} finally {
  await cleanup();
}
process.exit(exitCode);
