/**
 * Cheap profiling of one request path: the statements each request sends to
 * PostgreSQL (one pg `query` call is one round trip, a multi-statement simple
 * query included) and the CPU each request costs in Node and in PostgreSQL.
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import pg from 'pg';

export interface TracedQuery {
  text: string;
  values: unknown[];
}

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

/** Records every query any pg client of this process sends while `fn` runs. */
export async function traceQueries(fn: () => Promise<void>): Promise<TracedQuery[]> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const seen: TracedQuery[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === 'object' && 'text' in first) {
      const config = first as { text: string; values?: unknown[] };
      seen.push({ text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) });
    }
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

interface ProcStat {
  ppid: number;
  /** utime + stime of the process itself. */
  cpuTicks: number;
  /** cutime + cstime: what its exited (and reaped) children used. */
  childTicks: number;
}

function statOf(pid: number): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)", numbered from 1 with pid: ppid(4) … utime(14) stime(15) cutime(16) cstime(17).
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(rest[1]),
      cpuTicks: Number(rest[11]) + Number(rest[12]),
      childTicks: Number(rest[13]) + Number(rest[14]),
    };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by the postmaster and every backend it started, live or
 * gone (a reaped backend's time moves to the postmaster's cutime/cstime), from
 * Linux /proc; undefined elsewhere.
 */
export function postgresCpuSeconds(postmasterPid: number | undefined): number | undefined {
  if (!postmasterPid || !fs.existsSync('/proc/self/stat')) return undefined;
  const postmaster = statOf(postmasterPid);
  if (!postmaster) return undefined;
  let ticks = postmaster.cpuTicks + postmaster.childTicks;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat && stat.ppid === postmasterPid) ticks += stat.cpuTicks;
  }
  return ticks / ticksPerSecond();
}

/** The postmaster's pid: the parent of any backend. */
export async function postmasterPid(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return statOf(rows[0]!.pid)?.ppid;
  } finally {
    await client.end();
  }
}

export interface CpuSample {
  nodeSeconds: number;
  pgSeconds: number | undefined;
}

export function cpuNow(postmaster: number | undefined): CpuSample {
  const usage = process.cpuUsage();
  return { nodeSeconds: (usage.user + usage.system) / 1e6, pgSeconds: postgresCpuSeconds(postmaster) };
}

export function cpuDelta(from: CpuSample, to: CpuSample): CpuSample {
  return {
    nodeSeconds: to.nodeSeconds - from.nodeSeconds,
    pgSeconds: from.pgSeconds === undefined || to.pgSeconds === undefined ? undefined : to.pgSeconds - from.pgSeconds,
  };
}
