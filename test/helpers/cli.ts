import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { anApiKey } from './factories/index.js';

export const CLI = path.resolve(import.meta.dirname, '../../cli/bin.js');

/** A temporary HOME and XDG_CONFIG_HOME, so no test reads or writes the user's profile. */
export function isolatedEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-home-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    ...extra,
  };
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `caseflow …` as a real process with no standard input (or `input` piped in, not a TTY). */
export function runCli(args: string[], env: NodeJS.ProcessEnv, options: { input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    if (options.input !== undefined) child.stdin!.end(options.input);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts a long-running command and resolves once its output matches `ready`. */
export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; output: () => string; match: RegExpMatchArray; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<number | null>((r) =>
      child.on('close', (code, signal) => r(code ?? (signal as unknown as number))),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready after ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (c: Buffer) => {
      out += c.toString();
      const match = out.match(ready);
      if (match) {
        clearTimeout(timer);
        resolve({ child, output: () => out, match, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!out.match(ready)) reject(new Error(`exited (${code}) before ready:\n${out}`));
    });
  });
}

export interface KeyedCli {
  env: NodeJS.ProcessEnv;
  /** `caseflow …` with the key; the result as is. */
  cli(args: string[]): Promise<CliResult>;
  /** `caseflow … --json`, parsed; a non-zero exit throws with its stderr. */
  json<T>(args: string[]): Promise<T>;
}

/**
 * The CLI as a firm's script runs it: an API key of `role` made for the firm
 * (inserted as the owner, as `caseflow apikeys create` would) in
 * CASEFLOW_API_KEY, with an isolated HOME.
 */
export async function cliWithApiKey(
  owner: Knex,
  options: { baseUrl: string; tenant: string; role: 'admin' | 'staff'; name: string },
): Promise<KeyedCli> {
  const { token } = await anApiKey(owner, { firm: options.tenant, role: options.role, name: options.name });
  const env = isolatedEnv({ CASEFLOW_URL: options.baseUrl, CASEFLOW_TENANT: options.tenant, CASEFLOW_API_KEY: token });
  const cli = (args: string[]) => runCli(args, env);
  return {
    env,
    cli,
    async json<T>(args: string[]): Promise<T> {
      const result = await cli([...args, '--json']);
      if (result.code !== 0) throw new Error(`caseflow ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
      return JSON.parse(result.stdout) as T;
    },
  };
}
