import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { Announcement } from '../../sdk/schemas/announcements.js';
import type { ImpersonationLink } from '../../sdk/schemas/impersonations.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { aClient, aContact } from '../helpers/factories/index.js';
import { demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

// `caseflow impersonate` and `caseflow announcements` as real processes against a
// real server, with profiles made by `caseflow login`.

let s: TestServer;
let ada: AdminClient;
let adminEnv: NodeJS.ProcessEnv;
let staffEnv: NodeJS.ProcessEnv;

async function loggedIn(login: { firm: string; email: string; password: string }): Promise<NodeJS.ProcessEnv> {
  const env = isolatedEnv();
  const args = ['login', '--url', s.baseUrl, '--tenant', login.firm, '--email', login.email, '--password-stdin'];
  const result = await runCli(args, env, { input: login.password + '\n' });
  if (result.code !== 0) throw new Error(`login failed: ${result.stderr}`);
  return env;
}

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  adminEnv = await loggedIn(demoStaff.ada);
  staffEnv = await loggedIn(demoStaff.sam);
});
test.after.always(async () => s?.close());

const linkLine = () =>
  new RegExp(`^  (http://acme\\.localhost:${s.server.port}/clients/impersonate#token=cfl_[A-Za-z0-9_-]{43})$`, 'm');

test('caseflow impersonate <number>: prints the link and its expiry, which opens the preview', async (t) => {
  const result = await runCli(['impersonate', '1001', '--reason', 'invoice question'], adminEnv);
  t.is(result.code, 0, result.stderr);
  t.is(result.stderr, '');
  const lines = result.stdout.split('\n');
  t.is(lines[0], 'Admin preview of client 1001 Northwind Traders as Nora North.');
  t.regex(
    lines[1]!,
    /^Open this link within 1[12]\d seconds \(until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\); it works once, in one browser tab:$/,
  );
  const url = linkLine().exec(result.stdout)![1]!;
  const token = new URL(url).hash.slice('#token='.length);
  const { profile } = await s.portal('acme').auth.redeemImpersonation({ token });
  t.is(profile.contact.email, 'nora@northwind.example');
  const [audit] = await s.db
    .owner('audit_events')
    .where({ action: 'impersonation.link_created' })
    .whereRaw(`data->>'reason' = 'invoice question'`)
    .select('actor_type');
  t.deepEqual(audit, { actor_type: 'staff' });
});

test('caseflow impersonate <id> --json prints the link as JSON', async (t) => {
  const globex = await s.db.owner('clients').where({ number: 1002 }).first();
  const result = await runCli(['impersonate', globex.id, '--json'], adminEnv);
  t.is(result.code, 0, result.stderr);
  const link = JSON.parse(result.stdout) as ImpersonationLink;
  t.deepEqual(Object.keys(link).sort(), ['client', 'contact', 'expires_at', 'url']);
  t.like(link, { client: { number: 1002, name: 'Globex Corporation' }, contact: { first_name: 'Gina' } });
  t.regex(link.url, /\/clients\/impersonate#token=cfl_/);
});

test('each refusal exits 1 with the server’s message', async (t) => {
  const lonely = await aClient(s, { admin: ada });
  await aContact(s, { admin: ada, client: lonely });
  const noPrimary = await runCli(['impersonate', String(lonely.number)], adminEnv);
  t.deepEqual(
    [noPrimary.code, noPrimary.stdout, noPrimary.stderr],
    [
      1,
      '',
      `caseflow: Client ${lonely.number} ${lonely.name} has no primary contact. Mark one of its contacts as primary ` +
        'first (`caseflow contacts set-primary <email>`), then ask for the link again.\n',
    ],
  );

  const gone = await aClient(s, { admin: ada });
  const primary = await aContact(s, {
    admin: ada,
    client: gone,
    first_name: 'Gil',
    last_name: 'Gone',
    is_primary: true,
  });
  await ada.contacts.deactivate(primary.id);
  const inactive = await runCli(['impersonate', String(gone.number)], adminEnv);
  t.deepEqual(
    [inactive.code, inactive.stderr],
    [
      1,
      `caseflow: Gil Gone, the primary contact of Client ${gone.number} ${gone.name}, is deactivated. ` +
        'Reactivate them, or mark an active contact as primary, then ask for the link again.\n',
    ],
  );

  const missing = await runCli(['impersonate', '4242'], adminEnv);
  t.deepEqual([missing.code, missing.stderr], [1, 'caseflow: No client number 4242 in this firm.\n']);
});

test('a staff (non-admin) profile is told the command is for admins only', async (t) => {
  const result = await runCli(['impersonate', '1001'], staffEnv);
  t.deepEqual(
    [result.code, result.stdout, result.stderr],
    [
      1,
      '',
      'caseflow: Login as client is for firm admins only: run `caseflow login` as an admin, or use an admin-role API key.\n',
    ],
  );
});

/** A PATH holding only a fake `xdg-open` that writes the URL it was given to a file. */
function fakeOpener(): { dir: string; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-opener-'));
  const output = path.join(dir, 'opened.txt');
  const script = path.join(dir, process.platform === 'darwin' ? 'open' : 'xdg-open');
  fs.writeFileSync(script, `#!/bin/sh\nprintf '%s' "$1" > '${output}'\n`, { mode: 0o755 });
  return { dir, output };
}

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    if (fs.existsSync(file) && fs.statSync(file).size > 0) return fs.readFileSync(file, 'utf8');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${file} never written`);
}

test('--open hands the link to the system’s opener; without one, a clear message and exit 1', async (t) => {
  const { dir, output } = fakeOpener();
  const opened = await runCli(['impersonate', '1001', '--open'], { ...adminEnv, PATH: dir });
  t.is(opened.code, 0, opened.stderr);
  const url = linkLine().exec(opened.stdout)![1]!;
  t.true(opened.stdout.endsWith('Opening it in your browser…\n'));
  t.is(await waitForFile(output), url);

  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-no-opener-'));
  const none = await runCli(['impersonate', '1001', '--open'], { ...adminEnv, PATH: empty });
  t.is(none.code, 1);
  t.regex(none.stdout, linkLine());
  t.is(
    none.stderr,
    'caseflow: Could not start "xdg-open" to open a browser: open the link above yourself (it works once).\n',
  );
});

test('caseflow announcements create|list|publish', async (t) => {
  const draft = await runCli(
    ['announcements', 'create', '--title', 'Office move', '--body', 'Monday.', '--json'],
    adminEnv,
  );
  t.is(draft.code, 0, draft.stderr);
  const created = JSON.parse(draft.stdout) as Announcement;
  t.like(created, { title: 'Office move', body: 'Monday.', published_at: null });

  const human = await runCli(
    ['announcements', 'create', '--title', 'Holidays', '--body', 'Closed.', '--publish'],
    adminEnv,
  );
  t.is(human.code, 0, human.stderr);
  t.regex(human.stdout, /^Published "Holidays" \(id [0-9a-f-]{36}\): every client contact sees it in the portal\.\n$/);

  const published = await runCli(['announcements', 'publish', created.id], adminEnv);
  t.is(published.code, 0, published.stderr);
  t.regex(published.stdout, /^"Office move" is published \(since \d{4}-.+Z\)\.\n$/);

  const list = JSON.parse((await runCli(['announcements', 'list', '--json'], staffEnv)).stdout) as Announcement[];
  t.deepEqual(
    list.map((a) => a.title),
    ['Holidays', 'Office move'],
  );
  t.true(list.every((a) => a.published_at !== null));

  const refused = await runCli(['announcements', 'create', '--title', 'x', '--body', 'y'], staffEnv);
  t.deepEqual([refused.code, refused.stderr], [1, 'caseflow: Only firm admins may do this.\n']);
  const missing = await runCli(['announcements', 'create', '--title', 'x'], adminEnv);
  t.deepEqual([missing.code, missing.stderr], [1, 'caseflow: Missing --body (no terminal to ask on).\n']);
});
