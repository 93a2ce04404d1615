import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { PortalClient } from '../../sdk/portal-client.js';
import { createTestDatabase } from '../helpers/database.js';
import { isolatedEnv, runCli, startCli } from '../helpers/cli.js';

const readyLine = /Acme Law portal:\s+(http:\/\/acme\.localhost:(\d+))\/clients\/login/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('caseflow serve with DATABASE_URL: prints the portal, API and demo logins; the printed login works; SIGTERM stops it', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  const env = isolatedEnv({
    DATABASE_URL: db.ownerUrl,
    CASEFLOW_APP_DATABASE_URL: db.appUrl,
    CASEFLOW_JOBS_DATABASE_URL: db.jobsUrl,
    CASEFLOW_PLATFORM_KEY: 'k'.repeat(40),
    CASEFLOW_MASTER_KEY: '3c'.repeat(32),
    CASEFLOW_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-serve-')),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
  const run = await startCli(['serve'], env, readyLine);
  const port = Number(run.match[2]);
  const out = run.output();
  t.true(out.includes(`API base:          http://localhost:${port}/api/v1`));
  t.true(
    out.includes(
      `http://acme.localhost:${port}/clients/login   nora@northwind.example / northwind-portal-2026   (Northwind Traders)`,
    ),
  );
  t.true(out.includes('Seeded demo firms: acme, bluebird'));

  const portal = new PortalClient({ baseUrl: `http://127.0.0.1:${port}`, tenant: 'acme' });
  const { profile } = await portal.auth.login({ email: 'nora@northwind.example', password: 'northwind-portal-2026' });
  t.is(profile.client.name, 'Northwind Traders');

  run.child.kill('SIGTERM');
  t.is(await run.exited, 0);
});

test('caseflow serve on the embedded database: initialises once, reuses the cluster, recovers from a killed run', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-embedded-'));
  fs.chmodSync(dataDir, 0o711);
  t.teardown(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env = isolatedEnv({ CASEFLOW_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  const postmasterPid = () =>
    Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

  const first = await startCli(['serve'], env, readyLine, 120_000);
  t.regex(first.output(), /Platform operator key \(generated, kept in the data directory\): cfk_[0-9a-f]{64}/);
  t.regex(first.output(), new RegExp(`Database: +embedded PostgreSQL in ${dataDir}/pg`));
  t.is(fs.statSync(path.join(dataDir, 'secrets', 'platform-key')).mode & 0o777, 0o600);
  const pg1 = postmasterPid();
  t.true(processAlive(pg1));
  first.child.kill('SIGTERM');
  t.is(await first.exited, 0, first.output());
  t.false(processAlive(pg1), `the embedded database stops with the server\n${first.output()}`);

  // Killed without a chance to stop its database: the next start finds the orphan and recovers.
  const second = await startCli(['serve'], env, readyLine, 120_000);
  t.false(second.output().includes('Platform operator key (generated'), second.output());
  t.false(second.output().includes('Seeded demo firms'), second.output());
  const pg2 = postmasterPid();
  second.child.kill('SIGKILL');
  await second.exited;
  t.true(processAlive(pg2), `an orphaned postmaster is left behind\n${second.output()}`);

  const third = await startCli(['serve'], env, readyLine, 120_000);
  const port = Number(third.match[2]);
  const portal = new PortalClient({ baseUrl: `http://127.0.0.1:${port}`, tenant: 'bluebird' });
  t.is(
    (await portal.auth.login({ email: 'ian@initech.example', password: 'initech-portal-2026' })).profile.firm.name,
    'Bluebird Legal',
  );
  t.false(processAlive(pg2), third.output());
  // An operator command beside the database attaches to the running server's cluster, and leaves it running.
  const jobs = await runCli(['jobs', 'list', '--state', 'dead', '--json'], env);
  t.is(jobs.code, 0, jobs.stderr);
  t.deepEqual(JSON.parse(jobs.stdout), []);
  t.true(processAlive(postmasterPid()), 'the cluster still runs');
  third.child.kill('SIGINT');
  t.is(await third.exited, 0, third.output());
});

test('caseflow serve with DATABASE_URL but no CASEFLOW_MASTER_KEY refuses to boot before touching the database', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  const result = await runCli(
    ['serve'],
    isolatedEnv({
      DATABASE_URL: db.ownerUrl,
      CASEFLOW_PLATFORM_KEY: 'k'.repeat(40),
      CASEFLOW_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-serve-')),
      PORT: '0',
    }),
  );
  t.is(result.code, 2);
  t.is(
    result.stderr.trim().split('\n').pop(),
    'caseflow: Invalid setting CASEFLOW_MASTER_KEY: required when DATABASE_URL is set',
  );
  t.false(result.stderr.includes('seeding'));
});
