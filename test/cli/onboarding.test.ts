import test from 'ava';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { PLATFORM_KEY, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ seed: false });
});
test.after.always(async () => s?.close());

/** The link token in a message printed by `caseflow mail show`. */
const tokenIn = (text: string) => /#token=(cfl_[A-Za-z0-9_-]{43})/.exec(text)?.[1];

async function latestMailTo(env: NodeJS.ProcessEnv, to: string) {
  await s.server.jobs.drain();
  const list = await runCli(['mail', 'list', '--to', to, '--json'], env);
  const messages = JSON.parse(list.stdout) as { id: string; subject: string }[];
  const shown = await runCli(['mail', 'show', messages[messages.length - 1]!.id, '--json'], env);
  return JSON.parse(shown.stdout) as { to: string; subject: string; text: string };
}

test('a firm is created, its admin logs in, adds a client and a contact, and invites the contact: all from the CLI', async (t) => {
  const env = isolatedEnv({
    CASEFLOW_URL: s.baseUrl,
    CASEFLOW_PLATFORM_KEY: PLATFORM_KEY,
    CASEFLOW_DATA_DIR: s.config.dataDir,
  });
  const created = await runCli(
    [
      'tenants',
      'create',
      'larkspur',
      '--name',
      'Larkspur Law',
      '--plan',
      'growth',
      '--admin-email',
      'lena@larkspur.example',
      '--admin-first-name',
      'Lena',
      '--admin-last-name',
      'Lark',
      '--json',
    ],
    env,
  );
  t.is(created.code, 0, created.stderr);
  const firm = JSON.parse(created.stdout);
  t.like(firm.tenant, { slug: 'larkspur', name: 'Larkspur Law', plan: 'growth', status: 'active' });
  t.like(firm.admin, { email: 'lena@larkspur.example', role: 'admin' });

  // The admin's invitation is in the mail folder; its link sets her password once.
  const invite = await latestMailTo(env, 'lena@larkspur.example');
  t.is(invite.subject, "You're invited to Larkspur Law on CaseFlow");
  t.regex(invite.text, new RegExp(`http://larkspur\\.localhost:${s.server.port}/staff/set-password#token=`));
  await s.admin('larkspur').auth.setPassword({ token: tokenIn(invite.text)!, password: 'lena-larkspur-2026' });

  const login = await runCli(
    [
      'login',
      '--url',
      s.baseUrl,
      '--tenant',
      'larkspur',
      '--email',
      'lena@larkspur.example',
      '--password-stdin',
      '--json',
    ],
    env,
    { input: 'lena-larkspur-2026\n' },
  );
  t.is(login.code, 0, login.stderr);
  t.like(JSON.parse(login.stdout).user, { email: 'lena@larkspur.example', role: 'admin' });

  const client = await runCli(['clients', 'create', '--name', 'Meadow Farms', '--json'], env);
  t.is(client.code, 0, client.stderr);
  const meadow = JSON.parse(client.stdout);
  t.like(meadow, { name: 'Meadow Farms', number: 1001 });

  const contact = await runCli(
    [
      'contacts',
      'create',
      '--client',
      '1001',
      '--first-name',
      'Mia',
      '--last-name',
      'Meadow',
      '--email',
      'mia@meadow.example',
      '--primary',
      '--json',
    ],
    env,
  );
  t.is(contact.code, 0, contact.stderr);
  t.like(JSON.parse(contact.stdout), {
    email: 'mia@meadow.example',
    is_primary: true,
    portal_access: false,
    client_id: meadow.id,
  });

  const enabled = await runCli(['contacts', 'portal', 'enable', 'mia@meadow.example', '--send-welcome', '--json'], env);
  t.is(enabled.code, 0, enabled.stderr);
  t.like(JSON.parse(enabled.stdout), { email: 'mia@meadow.example', portal_access: true });

  const welcome = await latestMailTo(env, 'mia@meadow.example');
  t.is(welcome.subject, 'Your client portal at Larkspur Law');
  t.regex(welcome.text, new RegExp(`http://larkspur\\.localhost:${s.server.port}/clients/set-password#token=`));
  const portal = s.portal('larkspur');
  t.deepEqual(await portal.auth.setPassword({ token: tokenIn(welcome.text)!, password: 'mia-meadow-portal' }), {
    email: 'mia@meadow.example',
  });
  const session = await portal.auth.login({ email: 'mia@meadow.example', password: 'mia-meadow-portal' });
  t.deepEqual(
    [session.profile.firm.name, session.profile.client.name, session.profile.contact.first_name],
    ['Larkspur Law', 'Meadow Farms', 'Mia'],
  );
});
