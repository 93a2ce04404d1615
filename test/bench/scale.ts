/**
 * The portal invoice list at scale: a second database cloned from the bench
 * database, plus 1,000 firms × 100 clients × 20 invoices (2 M invoices) generated
 * in SQL as the owner. The bench then serves the same contact's list from both
 * databases, interleaved, and compares latencies: with RLS and the per-client
 * index, the list must not notice the other firms (budget: mean latency ratio
 * ≤ 1.2).
 */
import pg from 'pg';
import { runLoad, type LoadResult } from './load.js';

export const SCALE = { firms: 1_000, clientsPerFirm: 100, invoicesPerClient: 20 } as const;

export interface ScaleDatabase {
  ownerUrl: string;
  appUrl: string;
  jobsUrl: string;
  invoices: number;
  seconds: number;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Clones `template` (nobody may be connected to it, so this connects to the
 * cluster's own database) and fills the copy. The
 * generated rows look like real ones: numbered per firm, a mix of states and
 * currencies, issue dates spread over two years, a quarter of them past due.
 */
export async function createScaleDatabase(
  clusterUrl: string,
  appUrl: string,
  jobsUrl: string,
  template: string,
  log: (line: string) => void,
): Promise<ScaleDatabase> {
  const name = `${template}_scale`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  const scaleOwnerUrl = withDatabase(clusterUrl, name);
  const client = new pg.Client({ connectionString: scaleOwnerUrl });
  await client.connect();
  const started = Date.now();
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(
      `INSERT INTO tenants (slug, name, plan)
       SELECT 'scale-' || lpad(f::text, 4, '0'), 'Scale Firm ' || f, 'growth'
         FROM generate_series(1, $1::int) AS f`,
      [SCALE.firms],
    );
    log(`  ${SCALE.firms} firms…`);
    await client.query(
      `INSERT INTO clients (tenant_id, number, name)
       SELECT t.id, 1000 + c, 'Client ' || c
         FROM tenants t CROSS JOIN generate_series(1, $1::int) AS c
        WHERE t.slug LIKE 'scale-%'`,
      [SCALE.clientsPerFirm],
    );
    log(`  ${SCALE.firms * SCALE.clientsPerFirm} clients…`);
    const { rowCount } = await client.query(
      `INSERT INTO invoices (tenant_id, client_id, number, status, currency, issue_date, due_date,
                             subtotal, tax, total, amount_paid, sent_at, created_at, updated_at)
       SELECT c.tenant_id, c.id,
              'INV-' || lpad(((c.number - 1001) * $1::int + i)::text, 6, '0'),
              s.status, (ARRAY['USD', 'EUR', 'GBP', 'JPY'])[1 + (i % 4)],
              d.issued::date, d.issued::date + 30,
              g.total, 0, g.total,
              CASE s.status WHEN 'paid' THEN g.total WHEN 'partially_paid' THEN g.total / 2 ELSE 0 END,
              d.issued, d.issued, d.issued
         FROM clients c
         JOIN tenants t ON t.id = c.tenant_id AND t.slug LIKE 'scale-%'
         CROSS JOIN generate_series(1, $1::int) AS i
         CROSS JOIN LATERAL (SELECT (ARRAY['unpaid', 'paid', 'paid', 'partially_paid', 'cancelled'])[1 + ((c.number + i) % 5)] AS status) s
         CROSS JOIN LATERAL (SELECT now() - make_interval(days => (i * 37 + c.number) % 730, mins => c.number % 1440) AS issued) d
         CROSS JOIN LATERAL (SELECT 5000 + ((c.number * 7919 + i * 104729) % 500000) AS total) g`,
      [SCALE.invoicesPerClient],
    );
    log(`  ${rowCount} invoices…`);
    await client.query('VACUUM ANALYZE');
    return {
      ownerUrl: scaleOwnerUrl,
      appUrl: withDatabase(appUrl, name),
      jobsUrl: withDatabase(jobsUrl, name),
      invoices: Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM invoices')).rows[0]!.n),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    await client.end();
  }
}

export interface ScaleTarget {
  url: string;
  headers: Record<string, string>;
}

export interface ScaleBenchOptions {
  oneFirm: ScaleTarget;
  scaled: ScaleTarget;
  rounds: number;
  seconds: number;
  warmup: number;
  connections: number;
  log: (line?: string) => void;
  /** Waits until both servers are idle after a load run. */
  settle: () => Promise<void>;
}

export const scaleBudget = { maxMeanLatencyRatio: 1.2 };

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);

/** Interleaves the two lists (one-firm, 2 M invoices, one-firm…) and checks the latency ratio. */
export async function scaleBench(options: ScaleBenchOptions): Promise<boolean> {
  const { log } = options;
  const targets = [
    { key: '1', label: 'one-firm database', ...options.oneFirm },
    { key: 'N', label: `${SCALE.firms} firms, 2 M invoices`, ...options.scaled },
  ];
  const load = async (t: (typeof targets)[number], seconds: number) => {
    try {
      return await runLoad({ url: t.url, headers: t.headers, connections: options.connections, seconds });
    } finally {
      await options.settle();
    }
  };
  if (options.warmup > 0) for (const t of targets) await load(t, options.warmup);
  const results = new Map<string, LoadResult[]>(targets.map((t) => [t.key, []]));
  for (let round = 1; round <= options.rounds; round++) {
    for (const t of targets) {
      const r = await load(t, options.seconds);
      results.get(t.key)!.push(r);
      log(
        `  round ${round} (${t.key}) ${t.label}: ${Math.round(r.requests.average)} req/s, ` +
          `mean ${r.latency.average.toFixed(2)} ms, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
      );
    }
  }
  const summary = (key: string) => {
    const runs = results.get(key)!;
    return {
      reqPerSec: mean(runs.map((r) => r.requests.average)),
      latency: mean(runs.map((r) => r.latency.average)),
      p50: mean(runs.map((r) => r.latency.p50)),
      p99: mean(runs.map((r) => r.latency.p99)),
    };
  };
  const one = summary('1');
  const many = summary('N');
  const ratio = many.latency / one.latency;
  const pass = ratio <= scaleBudget.maxMeanLatencyRatio;
  log(
    `  (1) ${Math.round(one.reqPerSec)} req/s, mean ${one.latency.toFixed(2)} ms, p50 ${one.p50.toFixed(1)}, p99 ${one.p99.toFixed(1)}; ` +
      `(N) ${Math.round(many.reqPerSec)} req/s, mean ${many.latency.toFixed(2)} ms, p50 ${many.p50.toFixed(1)}, p99 ${many.p99.toFixed(1)}`,
  );
  log(
    `  mean latency N/1 = ${ratio.toFixed(2)} (budget ≤ ${scaleBudget.maxMeanLatencyRatio.toFixed(1)}) ${pass ? 'PASS' : 'FAIL'}; ` +
      `req/s N/1 = ${(many.reqPerSec / one.reqPerSec).toFixed(2)}, p99 N/1 = ${(many.p99 / Math.max(one.p99, 1)).toFixed(2)} (informational)`,
  );
  return pass;
}
