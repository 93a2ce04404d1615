/**
 * The identity part of `npm run bench`, each figure beside a baseline measured
 * in the same run:
 *
 *   logins/s of POST /portal/auth/login against a bare HTTP server that only runs
 *   the same argon2id verification (the floor a login cannot beat);
 *   the invoice list's p99 while logins are hammered, against its p99 alone;
 *   "forgot password" latency for a known and an unknown email, interleaved.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword, verifyPassword } from '../../server/security/passwords.js';
import { runLoad, type LoadResult } from './load.js';

export interface IdentityBenchOptions {
  appBase: string;
  tenant: string;
  login: { email: string; password: string };
  /** Headers of an authenticated invoice list request. */
  listHeaders: Record<string, string>;
  seconds: number;
  connections: number;
  log: (line?: string) => void;
  settle: () => Promise<void>;
}

/** A server whose only work per request is the argon2id check a login does. */
async function startArgonFloor(password: string): Promise<{ url: string; close(): Promise<void> }> {
  const stored = await hashPassword(password);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const given = (JSON.parse(body) as { password: string }).password;
      void verifyPassword(stored, given).then((ok) => {
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function post(url: string, headers: Record<string, string>, body: string, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, agent },
      (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 202) reject(new Error(`forgot-password answered ${res.statusCode}`));
          else resolve(Number(process.hrtime.bigint() - started) / 1e6);
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function identityBench(o: IdentityBenchOptions): Promise<void> {
  const { log } = o;
  const loginConnections = 8;
  const loginBody = JSON.stringify({ email: o.login.email, password: o.login.password });
  const jsonHeaders = { 'content-type': 'application/json' };

  log();
  log(`identity: logins (${loginConnections} connections, ${o.seconds}s each)…`);
  const floor = await startArgonFloor(o.login.password);
  let floorRun: LoadResult;
  try {
    floorRun = await runLoad({
      url: floor.url,
      method: 'POST',
      body: loginBody,
      headers: jsonHeaders,
      connections: loginConnections,
      seconds: o.seconds,
    });
  } finally {
    await floor.close();
  }
  await o.settle();
  const loginTarget = {
    url: `${o.appBase}/api/v1/portal/auth/login`,
    method: 'POST' as const,
    body: loginBody,
    headers: { ...jsonHeaders, 'Caseflow-Tenant': o.tenant },
    connections: loginConnections,
    seconds: o.seconds,
  };
  const loginRun = await runLoad(loginTarget);
  await o.settle();

  log(
    `identity: the invoice list alone, then while logins are hammered (${o.connections} + ${loginConnections} connections)…`,
  );
  const listTarget = {
    url: `${o.appBase}/api/v1/portal/invoices`,
    headers: o.listHeaders,
    connections: o.connections,
    seconds: o.seconds,
  };
  const listAlone = await runLoad(listTarget);
  await o.settle();
  const [listUnderLogins, loginsDuringList] = await Promise.all([runLoad(listTarget), runLoad(loginTarget)]);
  await o.settle();

  log('identity: forgot password, known and unknown emails interleaved (sequential, one keep-alive connection)…');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${o.appBase}/api/v1/portal/auth/forgot-password`;
  const headers = { 'Caseflow-Tenant': o.tenant };
  const known: number[] = [];
  const unknown: number[] = [];
  const samples = 150;
  for (let i = 0; i < samples + 10; i++) {
    const k = await post(url, headers, JSON.stringify({ email: o.login.email }), agent);
    const u = await post(url, headers, JSON.stringify({ email: `nobody-${i}@nowhere.example` }), agent);
    if (i >= 10) {
      known.push(k);
      unknown.push(u);
    }
  }
  agent.destroy();
  known.sort((a, b) => a - b);
  unknown.sort((a, b) => a - b);

  const rps = (r: LoadResult) => r.requests.average;
  log();
  log('identity results:');
  log(
    `  logins/s: ${rps(loginRun).toFixed(1)} (p99 ${loginRun.latency.p99} ms); argon2id-only floor: ${rps(floorRun).toFixed(1)}/s → ratio ${(rps(loginRun) / rps(floorRun)).toFixed(2)}`,
  );
  log(
    `  invoice list p99: ${listAlone.latency.p99} ms alone (${rps(listAlone).toFixed(0)} req/s), ` +
      `${listUnderLogins.latency.p99} ms while ${rps(loginsDuringList).toFixed(1)} logins/s run (${rps(listUnderLogins).toFixed(0)} req/s) ` +
      `→ p99 ratio ${(listUnderLogins.latency.p99 / listAlone.latency.p99).toFixed(2)}`,
  );
  const fmt = (xs: number[]) => `median ${quantile(xs, 0.5).toFixed(2)} ms, p90 ${quantile(xs, 0.9).toFixed(2)} ms`;
  log(`  forgot password, known email:   ${fmt(known)} (${samples} samples)`);
  log(`  forgot password, unknown email: ${fmt(unknown)} (${samples} samples)`);
  log(
    `  → median difference ${(quantile(known, 0.5) - quantile(unknown, 0.5)).toFixed(2)} ms, ratio known/unknown ${(quantile(known, 0.5) / quantile(unknown, 0.5)).toFixed(3)}`,
  );
}
