import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { AdminClient } from '../../sdk/admin-client.js';
import { PlatformClient } from '../../sdk/platform-client.js';
import { demoKeyName } from '../../cli/embed-demo/demo-firm.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { isolatedEnv, startCli } from '../helpers/cli.js';
import { demoStaff } from '../helpers/server.js';

/**
 * `caseflow serve` in development starts the embed demo beside the portal: a
 * firm's website on another loopback origin, printed with the other URLs.
 */
const readyLine = /Acme Law portal:\s+http:\/\/acme\.localhost:(\d+)\/clients\/login/;
const demoLine = /Embed demo:\s+(http:\/\/127\.0\.0\.1:\d+)\/\s/;
const platformKey = 'k'.repeat(40);

let db: TestDatabase;
test.before(async () => {
  db = await createTestDatabase({ seed: false });
});
test.after.always(() => db?.close());

const env = (extra: Record<string, string> = {}) =>
  isolatedEnv({
    DATABASE_URL: db.ownerUrl,
    CASEFLOW_APP_DATABASE_URL: db.appUrl,
    CASEFLOW_JOBS_DATABASE_URL: db.jobsUrl,
    CASEFLOW_PLATFORM_KEY: platformKey,
    CASEFLOW_MASTER_KEY: '3c'.repeat(32),
    CASEFLOW_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-embed-demo-')),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...extra,
  });

const activeDemoKeys = async (port: number) => {
  const admin = new AdminClient({ baseUrl: `http://127.0.0.1:${port}`, tenant: 'acme' });
  await admin.auth.login({ email: demoStaff.ada.email, password: demoStaff.ada.password });
  const keys = (await admin.apiKeys.list({ limit: 100 })).data;
  return keys.filter((k) => k.name === demoKeyName && !k.revoked_at);
};

test.serial(
  'caseflow serve prints the embed demo, whose origin Acme allows and whose page carries a minted session, never the key',
  async (t) => {
    const run = await startCli(['serve'], env(), readyLine);
    t.teardown(() => run.child.kill('SIGKILL'));
    const port = Number(run.match[1]);
    const origin = demoLine.exec(run.output())?.[1];
    t.truthy(origin, run.output());

    const firm = await new PlatformClient({ baseUrl: `http://127.0.0.1:${port}`, token: platformKey }).tenants.retrieve(
      'acme',
    );
    t.true(firm.allowed_origins.includes(origin!));

    const answer = await fetch(`${origin}/`);
    t.is(answer.status, 200);
    t.is(answer.headers.get('cache-control'), 'no-store');
    const csp = answer.headers.get('content-security-policy')!;
    t.regex(csp, new RegExp(`script-src 'self' http://localhost:${port} 'sha256-[A-Za-z0-9+/]+=*'`));
    t.true(csp.includes(`connect-src http://acme.localhost:${port}`));
    const page = await answer.text();
    t.regex(page, new RegExp(`<caseflow-portal base-url="http://acme\\.localhost:${port}" token="cfp_[^"]+">`));
    t.true(page.includes('<strong>Nora North, Northwind Traders</strong>'));
    t.false(/cfa_/.test(page), 'no API key in the page');
    // Every module script names its integrity; the only inline script is the import map.
    const scripts = [...page.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    t.true(scripts.filter((a) => a.includes('type="module" src="http')).every((a) => /integrity="sha384-/.test(a)));
    t.deepEqual(
      scripts.filter((a) => !a.includes(' src=')),
      [' type="importmap"'],
    );
    t.is((await fetch(`${origin}/appearance.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
    t.is((await activeDemoKeys(port)).length, 1);

    run.child.kill('SIGTERM');
    t.is(await run.exited, 0, run.output());
    await t.throwsAsync(fetch(`${origin}/`), undefined, 'the demo stops with the server');

    // A second start makes a new key and revokes the first: one active demo key at a time.
    const again = await startCli(['serve'], env(), readyLine);
    t.teardown(() => again.child.kill('SIGKILL'));
    const keys = await activeDemoKeys(Number(again.match[1]));
    t.is(keys.length, 1);
    again.child.kill('SIGTERM');
    t.is(await again.exited, 0);
  },
);

test.serial('no embed demo with --no-embed-demo, nor in production', async (t) => {
  for (const [args, extra] of [
    [['serve', '--no-embed-demo'], {}],
    [['serve'], { NODE_ENV: 'production' }],
  ] as const) {
    const run = await startCli([...args], env(extra), readyLine);
    t.teardown(() => run.child.kill('SIGKILL'));
    t.false(run.output().includes('Embed demo:'), run.output());
    run.child.kill('SIGTERM');
    t.is(await run.exited, 0, run.output());
  }
});
