/**
 * Drives load with autocannon in its own process (never in the process that
 * serves the requests), reading its --json summary.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

const autocannonCli = createRequire(import.meta.url).resolve('autocannon');

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  method?: 'GET' | 'POST';
  body?: string;
  connections: number;
  seconds: number;
}

/** The fields of autocannon's JSON summary the bench reads (latencies in ms). */
export interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number };
  requests: { average: number; total: number; sent: number };
  throughput: { average: number };
}

export class LoadError extends Error {}

const running = new Set<ChildProcess>();

/** Kills any autocannon still running (on a signal or a failure of the bench). */
export function stopAllLoad(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** Runs autocannon once; rejects when it fails, hangs, or any response was not 2xx. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const args = [autocannonCli, '--json', '-c', String(options.connections), '-d', String(options.seconds)];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push('-H', `${name}=${value}`);
  if (options.method) args.push('-m', options.method);
  if (options.body !== undefined) args.push('-b', options.body);
  args.push(options.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Bounded: autocannon gets its duration plus a generous margin, then it is killed.
    const timer = setTimeout(() => child.kill('SIGKILL'), (options.seconds + 30) * 1000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      if (code !== 0) {
        reject(new LoadError(`autocannon exited with ${signal ?? code}: ${stderr.trim().slice(0, 2000)}`));
        return;
      }
      let result: LoadResult;
      try {
        result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as LoadResult;
      } catch {
        reject(new LoadError(`autocannon printed no JSON summary: ${stdout.slice(0, 500)} ${stderr.slice(0, 500)}`));
        return;
      }
      const failures = result.non2xx + result.errors + result.timeouts;
      if (failures > 0 || result['2xx'] === 0) {
        reject(
          new LoadError(
            `${options.url}: ${result['2xx']} 2xx, ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ` +
              `${result.errors} errors, ${result.timeouts} timeouts: the figures would not measure the endpoint`,
          ),
        );
        return;
      }
      resolve(result);
    });
  });
}
