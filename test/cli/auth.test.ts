import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

const loginArgs = (login: { firm: string; email: string }) => [
  'login',
  '--url',
  s.baseUrl,
  '--tenant',
  login.firm,
  '--email',
  login.email,
  '--password-stdin',
];

test('login → whoami → logout: the profile is written 0600 and removed; the session ends on the server', async (t) => {
  const env = isolatedEnv();
  const login = await runCli([...loginArgs(demoStaff.ada), '--json'], env, { input: demoStaff.ada.password + '\n' });
  t.is(login.code, 0, login.stderr);
  const answer = JSON.parse(login.stdout);
  t.like(answer.user, { email: 'ada@acme-law.example', role: 'admin' });
  t.is(answer.tenant, 'acme');
  const file = `${env.XDG_CONFIG_HOME}/caseflow/default.json`;
  t.is(answer.profile, file);
  t.is(fs.statSync(file).mode & 0o777, 0o600);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  t.deepEqual(Object.keys(profile).sort(), ['base_url', 'email', 'tenant', 'token']);
  t.regex(profile.token, /^cfs_/);

  const whoami = await runCli(['whoami', '--json'], env);
  t.is(whoami.code, 0, whoami.stderr);
  t.deepEqual(JSON.parse(whoami.stdout).principal.email, 'ada@acme-law.example');
  const human = await runCli(['whoami'], env);
  t.regex(human.stdout, /^name:\s+Ada Admin$/m);
  t.regex(human.stdout, /^firm:\s+Acme Law \(acme, growth\)$/m);

  const logout = await runCli(['logout'], env);
  t.is(logout.code, 0, logout.stderr);
  t.is(logout.stdout, 'Logged out of acme.\n');
  t.false(fs.existsSync(file));
  await t.throwsAsync(s.admin('acme', profile.token).me());
  const after = await runCli(['whoami'], env);
  t.is(after.code, 1);
  t.is(after.stderr, 'caseflow: Not logged in: run `caseflow login` first (or set CASEFLOW_API_KEY).\n');
});

test('login without a terminal and without flags fails clearly; a wrong password prints the server message', async (t) => {
  const env = isolatedEnv();
  const missing = await runCli(['login', '--url', s.baseUrl], env);
  t.is(missing.code, 1);
  t.is(missing.stderr, 'caseflow: Missing --tenant (no terminal to ask on).\n');
  const wrong = await runCli(loginArgs(demoStaff.ada), env, { input: 'not-the-password\n' });
  t.is(wrong.code, 1);
  t.is(wrong.stderr, 'caseflow: Email or password is incorrect.\n');
});

test('a server URL without its scheme is refused with an example; a bare localhost:port is taken as http', async (t) => {
  const env = isolatedEnv();
  const bare = await runCli(
    ['login', '--url', 'portal.example.com', '--tenant', 'acme', '--email', 'a@b.example'],
    env,
  );
  t.deepEqual(
    [bare.code, bare.stderr],
    [
      1,
      "caseflow: Give the server's URL with its scheme, e.g. --url https://portal.example.com (or http://localhost:4000).\n",
    ],
  );
  const ftp = await runCli(
    ['login', '--url', 'ftp://portal.example.com', '--tenant', 'acme', '--email', 'a@b.example'],
    env,
  );
  t.is(ftp.stderr, bare.stderr);
  const local = await runCli(
    [
      'login',
      '--url',
      `localhost:${s.server.port}`,
      '--tenant',
      'acme',
      '--email',
      demoStaff.ada.email,
      '--password-stdin',
      '--json',
    ],
    env,
    { input: demoStaff.ada.password },
  );
  t.is(local.code, 0, local.stderr);
  t.is(JSON.parse(local.stdout).base_url, `http://localhost:${s.server.port}`);
});

test('login without a terminal for the password names --password-stdin', async (t) => {
  const env = isolatedEnv();
  const result = await runCli(['login', '--url', s.baseUrl, '--tenant', 'acme', '--email', demoStaff.ada.email], env);
  t.deepEqual(
    [result.code, result.stderr],
    [1, 'caseflow: No terminal to ask for a password on: pass it on standard input with --password-stdin.\n'],
  );
});

test('apikeys create shows the secret once; list never does; revoke stops it; staff are told admins only', async (t) => {
  const env = isolatedEnv();
  t.is((await runCli(loginArgs(demoStaff.ada), env, { input: demoStaff.ada.password })).code, 0);
  const created = await runCli(['apikeys', 'create', '--name', 'billing sync', '--role', 'staff', '--json'], env);
  t.is(created.code, 0, created.stderr);
  const key = JSON.parse(created.stdout);
  t.regex(key.secret, /^cfa_/);
  const human = await runCli(['apikeys', 'create', '--name', 'human', '--role', 'admin'], env);
  t.regex(
    human.stdout,
    /^Created API key "human" \(admin, id [0-9a-f-]{36}\)\.\n\n {2}cfa_[A-Za-z0-9_-]{43}\n\nStore the secret now: it is shown only this once\.\n$/,
  );

  const list = await runCli(['apikeys', 'list', '--json'], env);
  const keys = JSON.parse(list.stdout) as { id: string; secret?: string }[];
  t.true(keys.some((k) => k.id === key.id));
  t.false(list.stdout.includes('cfa_' + key.secret.slice(4)));

  // The key works for the CLI through the environment, then stops once revoked.
  const keyEnv = isolatedEnv({ CASEFLOW_URL: s.baseUrl, CASEFLOW_TENANT: 'acme', CASEFLOW_API_KEY: key.secret });
  t.is(JSON.parse((await runCli(['whoami', '--json'], keyEnv)).stdout).principal.type, 'api_key');
  t.is((await runCli(['apikeys', 'revoke', key.id], env)).code, 0);
  const refused = await runCli(['whoami'], keyEnv);
  t.is(refused.code, 1);
  t.is(refused.stderr, 'caseflow: This API key is unknown or has been revoked.\n');

  const staffEnv = isolatedEnv();
  await runCli(loginArgs(demoStaff.sam), staffEnv, { input: demoStaff.sam.password });
  const denied = await runCli(['apikeys', 'list'], staffEnv);
  t.is(denied.code, 1);
  t.is(denied.stderr, 'caseflow: Only firm admins may do this.\n');
});

test('staff invite and list, audit list, all with --json', async (t) => {
  const env = isolatedEnv({ CASEFLOW_DATA_DIR: s.config.dataDir });
  await runCli(loginArgs(demoStaff.ada), env, { input: demoStaff.ada.password });
  const invited = await runCli(
    ['staff', 'invite', '--email', 'pat@acme-law.example', '--first-name', 'Pat', '--last-name', 'Para', '--json'],
    env,
  );
  t.is(invited.code, 0, invited.stderr);
  t.like(JSON.parse(invited.stdout), { email: 'pat@acme-law.example', role: 'staff', active: true });
  const staff = JSON.parse((await runCli(['staff', 'list', '--json'], env)).stdout) as { email: string }[];
  t.deepEqual(staff.map((u) => u.email).sort(), [
    'ada@acme-law.example',
    'pat@acme-law.example',
    'sam@acme-law.example',
  ]);
  const audit = await runCli(['audit', 'list', '--action', 'staff.invited', '--json'], env);
  const events = JSON.parse(audit.stdout) as { action: string; actor: { type: string } }[];
  t.deepEqual(
    events.map((e) => [e.action, e.actor.type]),
    [['staff.invited', 'staff']],
  );
  // People read names beside the ids: the acting admin and the invited user.
  const ada = staff.find((u) => u.email === 'ada@acme-law.example') as unknown as { id: string };
  const pat = staff.find((u) => u.email === 'pat@acme-law.example') as unknown as { id: string };
  const table = await runCli(['audit', 'list', '--action', 'staff.invited'], env);
  t.is(table.code, 0, table.stderr);
  const [header, row] = table.stdout.split('\n');
  t.regex(header!, /^TIME +ACTION +ACTOR +SUBJECT +IP$/);
  t.true(row!.includes(`staff.invited  staff Ada Admin (${ada.id})  staff_user Pat Para (${pat.id})`), row);

  // Without SMTP_URL the invitation is a file in the data directory; `caseflow mail` reads it.
  await s.server.jobs.drain();
  const mail = await runCli(['mail', 'list', '--to', 'pat@acme-law.example', '--json'], env);
  const messages = JSON.parse(mail.stdout) as { id: string; subject: string }[];
  t.deepEqual(
    messages.map((m) => m.subject),
    ["You're invited to Acme Law on CaseFlow"],
  );
  const human = await runCli(['mail', 'list', '--to', 'pat@acme-law.example'], env);
  t.is(human.code, 0, human.stderr);
  t.is(human.stdout.split('\n')[0], `Mail folder: ${path.join(s.config.dataDir, 'mail')}`);
  t.regex(human.stdout.split('\n')[1]!, /^ID +DATE +TO +SUBJECT$/);
  t.regex(human.stdout.split('\n')[2]!, /pat@acme-law\.example +You're invited to Acme Law on CaseFlow$/);
  const shown = await runCli(['mail', 'show', messages[0]!.id], env);
  t.regex(shown.stdout, /^To: pat@acme-law\.example$/m);
  t.regex(
    shown.stdout,
    new RegExp(`Set your password: http://acme\\.localhost:${s.server.port}/staff/set-password#token=cfl_`),
  );
});
