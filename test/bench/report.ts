/** Summarises the rounds of each target, prints the table and checks the budgets. */
import type { LoadResult } from './load.js';
import type { CpuSample } from './profile.js';

export type TargetKey = 'a' | 'b' | 'c';

export interface TargetRuns {
  key: TargetKey;
  label: string;
  rounds: LoadResult[];
  cpu: CpuSample[];
}

export interface TargetSummary {
  key: TargetKey;
  label: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  nodeCpuMicrosPerRequest: number;
  pgCpuMicrosPerRequest: number | undefined;
}

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(values.length, 1);

export function summarise(runs: TargetRuns): TargetSummary {
  const requests = runs.rounds.reduce((s, r) => s + r.requests.total, 0);
  const node = runs.cpu.reduce((s, c) => s + c.nodeSeconds, 0);
  const pgKnown = runs.cpu.every((c) => c.pgSeconds !== undefined);
  const pgSeconds = runs.cpu.reduce((s, c) => s + (c.pgSeconds ?? 0), 0);
  return {
    key: runs.key,
    label: runs.label,
    reqPerSec: mean(runs.rounds.map((r) => r.requests.average)),
    p50: mean(runs.rounds.map((r) => r.latency.p50)),
    p99: mean(runs.rounds.map((r) => r.latency.p99)),
    requests,
    nodeCpuMicrosPerRequest: (node / requests) * 1e6,
    pgCpuMicrosPerRequest: pgKnown ? (pgSeconds / requests) * 1e6 : undefined,
  };
}

const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

export function roundLine(key: string, round: number, r: LoadResult, cpu: CpuSample): string {
  const per = (s: number | undefined) => (s === undefined ? 'n/a' : `${Math.round((s / r.requests.total) * 1e6)} µs`);
  return (
    `  round ${round} ${key}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ` +
    `${r.requests.total} requests in ${r.duration}s; CPU/request node ${per(cpu.nodeSeconds)}, postgres ${per(cpu.pgSeconds)}`
  );
}

export function table(rows: TargetSummary[]): string {
  const head = `${pad('target', 46)}${lpad('req/s', 9)}${lpad('p50 ms', 9)}${lpad('p99 ms', 9)}${lpad('node µs/req', 13)}${lpad('pg µs/req', 11)}`;
  const lines = rows.map(
    (r) =>
      `${pad(`(${r.key}) ${r.label}`, 46)}${lpad(Math.round(r.reqPerSec).toString(), 9)}${lpad(r.p50.toFixed(1), 9)}` +
      `${lpad(r.p99.toFixed(1), 9)}${lpad(Math.round(r.nodeCpuMicrosPerRequest).toString(), 13)}` +
      `${lpad(r.pgCpuMicrosPerRequest === undefined ? 'n/a' : Math.round(r.pgCpuMicrosPerRequest).toString(), 11)}`,
  );
  return [head, '-'.repeat(head.length), ...lines].join('\n');
}

export const budgets = { minThroughputRatio: 0.5, maxP99Ratio: 3.0 };

export interface Verdict {
  lines: string[];
  pass: boolean;
}

export function verdict(a: TargetSummary, b: TargetSummary): Verdict {
  const throughput = b.reqPerSec / a.reqPerSec;
  // autocannon reports whole milliseconds: never divide by less than 1 ms.
  const tail = b.p99 / Math.max(a.p99, 1);
  const okThroughput = throughput >= budgets.minThroughputRatio;
  const okTail = tail <= budgets.maxP99Ratio;
  return {
    pass: okThroughput && okTail,
    lines: [
      `ratio b/a (req/s) = ${throughput.toFixed(2)} (budget ≥ ${budgets.minThroughputRatio.toFixed(2)}) ${okThroughput ? 'PASS' : 'FAIL'}`,
      `p99(b)/p99(a) = ${tail.toFixed(1)} (budget ≤ ${budgets.maxP99Ratio.toFixed(1)}) ${okTail ? 'PASS' : 'FAIL'}`,
    ],
  };
}
