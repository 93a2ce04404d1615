import test from 'ava';
import type { Client } from '../../sdk/schemas/clients.js';
import type { Contact } from '../../sdk/schemas/contacts.js';
import { anApiKey } from '../helpers/factories/index.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let adminEnv: NodeJS.ProcessEnv;
let staffEnv: NodeJS.ProcessEnv;

/**
 * An API key of Acme made with the owner connection (as `caseflow apikeys` would),
 * so these tests need nothing but the clients and contacts commands.
 */
async function apiKey(role: 'admin' | 'staff'): Promise<string> {
  return (await anApiKey(s, { firm: 'acme', role, name: `CLI tests (${role})` })).token;
}

test.before(async () => {
  s = await startTestServer();
  const env = (key: string) => isolatedEnv({ CASEFLOW_URL: s.baseUrl, CASEFLOW_TENANT: 'acme', CASEFLOW_API_KEY: key });
  adminEnv = env(await apiKey('admin'));
  staffEnv = env(await apiKey('staff'));
});
test.after.always(async () => s?.close());

async function cli(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  return runCli(args, options.env ?? adminEnv, options.input === undefined ? {} : { input: options.input });
}
/** Runs a command with --json and parses what it printed. */
async function json<T>(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<T> {
  const result = await cli([...args, '--json'], options);
  if (result.code !== 0) throw new Error(`caseflow ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
const maskContact = (c: Contact) => ({ ...c, id: 'x', client_id: 'x', created_at: 't', updated_at: 't' });

test.serial('caseflow clients create|list|show: numbered clients, found by number or id', async (t) => {
  const wayne = await json<Client>(['clients', 'create', '--name', 'Wayne Enterprises']);
  t.deepEqual(
    { ...wayne, id: 'x', created_at: 't', updated_at: 't' },
    { id: 'x', number: 1003, name: 'Wayne Enterprises', primary_contact_id: null, created_at: 't', updated_at: 't' },
  );
  const stark = await cli(['clients', 'create', '--name', 'Stark Industries', '--number', '7000']);
  t.is(stark.code, 0, stark.stderr);
  t.regex(stark.stdout, /^Created client 7000 Stark Industries \(id [0-9a-f-]{36}\)\.\n$/);

  const listed = await json<Client[]>(['clients', 'list']);
  t.deepEqual(
    listed.map((c) => [c.number, c.name]),
    [
      [1001, 'Northwind Traders'],
      [1002, 'Globex Corporation'],
      [1003, 'Wayne Enterprises'],
      [7000, 'Stark Industries'],
    ],
  );
  const table = await cli(['clients', 'list', '--search', 'stark']);
  t.deepEqual(
    table.stdout.split('\n').map((l) => l.split(/\s{2,}/)[0]),
    ['NUMBER', '7000', ''],
  );

  t.deepEqual(await json<Client>(['clients', 'show', '1003']), wayne);
  t.deepEqual(await json<Client>(['clients', 'show', wayne.id]), wayne);
  const missing = await cli(['clients', 'show', '4242']);
  t.deepEqual([missing.code, missing.stderr], [1, 'caseflow: No client number 4242 in this firm.\n']);
  const taken = await cli(['clients', 'create', '--name', 'Copycat', '--number', '7000']);
  t.deepEqual([taken.code, taken.stderr], [1, 'caseflow: Another client of this firm already has number 7000.\n']);
  const noName = await cli(['clients', 'create']);
  t.deepEqual([noName.code, noName.stderr], [1, 'caseflow: Missing --name (no terminal to ask on).\n']);
});

test.serial('caseflow contacts create|list|update: every option reaches the API', async (t) => {
  const created = await json<Contact>([
    'contacts',
    'create',
    '--client',
    '1003',
    '--first-name',
    'Bruce',
    '--last-name',
    'Wayne',
    '--email',
    'bruce@wayne.example',
    '--title',
    'Chairman',
    '--phone',
    '+1 555 0100',
    '--rtl',
    '--language',
    'ar',
    '--no-invoice-emails',
    '--primary',
  ]);
  t.deepEqual(maskContact(created), {
    id: 'x',
    client_id: 'x',
    first_name: 'Bruce',
    last_name: 'Wayne',
    title: 'Chairman',
    email: 'bruce@wayne.example',
    phone: '+1 555 0100',
    text_direction: 'rtl',
    language: 'ar',
    receives_invoice_emails: false,
    is_primary: true,
    active: true,
    portal_access: false,
    permissions: ['invoices', 'estimates', 'contracts', 'proposals', 'documents', 'vault', 'matters'],
    created_at: 't',
    updated_at: 't',
  });
  const human = await cli([
    'contacts',
    'create',
    '--client',
    '1003',
    '--first-name',
    'Lucius',
    '--last-name',
    'Fox',
    '--email',
    'lucius@wayne.example',
  ]);
  t.is(human.code, 0, human.stderr);
  t.is(human.stdout, 'Created contact lucius@wayne.example (Lucius Fox) for client 1003 Wayne Enterprises.\n');

  const listed = await json<Contact[]>(['contacts', 'list', '--client', '1003']);
  t.deepEqual(
    listed.map((c) => [c.email, c.is_primary]),
    [
      ['bruce@wayne.example', true],
      ['lucius@wayne.example', false],
    ],
  );

  const updated = await json<Contact>([
    'contacts',
    'update',
    'LUCIUS@wayne.example',
    '--title',
    'CEO',
    '--permissions',
    'invoices,documents',
  ]);
  t.deepEqual([updated.title, updated.permissions], ['CEO', ['invoices', 'documents']]);
  const cleared = await json<Contact>(['contacts', 'update', updated.id, '--title', 'none', '--permissions', 'none']);
  t.deepEqual([cleared.title, cleared.permissions], [null, []]);
  t.is((await json<Contact>(['contacts', 'update', updated.id, '--language', 'es'])).language, 'es');
  const shown = await cli(['contacts', 'show', 'lucius@wayne.example']);
  t.regex(shown.stdout, /^language: +es$/m);
  t.is((await json<Contact>(['contacts', 'update', updated.id, '--language', 'default'])).language, null);
  const shownDefault = await cli(['contacts', 'show', 'lucius@wayne.example']);
  t.regex(shownDefault.stdout, /^language: +default \(the firm's\)$/m);
  const badLanguage = await cli(['contacts', 'update', 'lucius@wayne.example', '--language', 'klingon']);
  t.is(badLanguage.code, 1);
  t.true(
    badLanguage.stderr.includes(
      'Unknown language "klingon": use en, es, fr, de, ar, or "default" for the firm\'s default language.',
    ),
    badLanguage.stderr,
  );

  const badSection = await cli(['contacts', 'update', 'lucius@wayne.example', '--permissions', 'invoices,billing']);
  t.is(badSection.code, 1);
  t.true(badSection.stderr.includes('Unknown section "billing"'), badSection.stderr);
  const taken = await cli([
    'contacts',
    'create',
    '--client',
    '1001',
    '--first-name',
    'Nora',
    '--last-name',
    'Again',
    '--email',
    'NORA@northwind.example',
  ]);
  t.deepEqual([taken.code, taken.stderr], [1, 'caseflow: Another contact of this firm already uses this email.\n']);
  const unknown = await cli(['contacts', 'show', 'nobody@wayne.example']);
  t.deepEqual(
    [unknown.code, unknown.stderr],
    [1, 'caseflow: No contact with email nobody@wayne.example in this firm.\n'],
  );
});

test.serial(
  'caseflow contacts portal enable --set-password --password-stdin: the piped password works for a portal login',
  async (t) => {
    const password = 'piped-in-password-2026';
    const result = await cli(
      ['contacts', 'portal', 'enable', 'lucius@wayne.example', '--set-password', '--password-stdin'],
      {
        input: `${password}\n`,
      },
    );
    t.is(result.code, 0, result.stderr);
    t.is(
      result.stdout,
      'Portal access enabled for lucius@wayne.example; their password was set and any earlier sessions and links have ended.\n',
    );
    const login = await s.portal('acme').auth.login({ email: 'lucius@wayne.example', password });
    t.deepEqual([login.profile.contact.first_name, login.profile.client.number], ['Lucius', 1003]);
    const audited = await s.db
      .owner('audit_events')
      .where({ action: 'contact.password_set', subject_id: login.profile.contact.id })
      .select('actor_type');
    t.deepEqual(audited, [{ actor_type: 'api_key' }]);
  },
);

test.serial(
  'caseflow contacts portal enable: --set-password without a terminal or --password-stdin fails clearly',
  async (t) => {
    const result = await cli(['contacts', 'portal', 'enable', 'bruce@wayne.example', '--set-password']);
    t.deepEqual(
      [result.code, result.stdout, result.stderr],
      [1, '', 'caseflow: No terminal to ask for a password on: pass it on standard input with --password-stdin.\n'],
    );
    const neither = await cli(['contacts', 'portal', 'enable', 'bruce@wayne.example']);
    t.deepEqual(
      [neither.code, neither.stderr],
      [
        1,
        'caseflow: Say how the contact gets a password: --send-welcome (email a set-password link) or --set-password (type it here).\n',
      ],
    );
    const common = await cli(
      ['contacts', 'portal', 'enable', 'bruce@wayne.example', '--set-password', '--password-stdin'],
      {
        input: 'password1\n',
      },
    );
    t.deepEqual(
      [common.code, common.stderr],
      [1, 'caseflow: This password is one of the most common passwords; choose another.\n'],
    );
    const bruce = await s.db.owner('contacts').where({ email: 'bruce@wayne.example' }).first();
    t.deepEqual([bruce.portal_access, bruce.password_hash], [false, null]);
  },
);

test.serial('caseflow contacts portal enable --send-welcome queues the welcome email; portal disable', async (t) => {
  const sent = await cli(['contacts', 'portal', 'enable', 'bruce@wayne.example', '--send-welcome']);
  t.is(sent.code, 0, sent.stderr);
  t.is(
    sent.stdout,
    'Portal access enabled for bruce@wayne.example; a welcome email with a set-password link was sent (it works once, for 48 hours).\n',
  );
  const outbox = await s.db.owner('email_outbox').where({ to_address: 'bruce@wayne.example' }).select('template');
  t.deepEqual(outbox, [{ template: 'contact_welcome' }]);

  const disabled = await json<Contact>(['contacts', 'portal', 'disable', 'bruce@wayne.example']);
  t.false(disabled.portal_access);
  const again = await cli(['contacts', 'portal', 'disable', 'bruce@wayne.example']);
  t.is(
    again.stdout,
    'Portal access disabled for bruce@wayne.example; their portal sessions and open links have ended.\n',
  );
});

test.serial('caseflow contacts set-primary and deactivate', async (t) => {
  const moved = await cli(['contacts', 'set-primary', 'lucius@wayne.example']);
  t.is(moved.code, 0, moved.stderr);
  t.is(moved.stdout, 'lucius@wayne.example is now the primary contact of client 1003 Wayne Enterprises.\n');
  const flags = (await json<Contact[]>(['contacts', 'list', '--client', '1003'])).map((c) => [c.email, c.is_primary]);
  t.deepEqual(flags, [
    ['bruce@wayne.example', false],
    ['lucius@wayne.example', true],
  ]);

  const portal = s.portal('acme');
  await portal.auth.login({ email: 'lucius@wayne.example', password: 'piped-in-password-2026' });
  const deactivated = await cli(['contacts', 'deactivate', 'lucius@wayne.example']);
  t.is(
    deactivated.stdout,
    'Deactivated lucius@wayne.example; their sessions and open links have ended. They remain the primary contact of their client.\n',
  );
  await t.throwsAsync(portal.me(), { message: 'Your session has ended. Log in again.' });
  const shown = await json<Contact>(['contacts', 'show', 'lucius@wayne.example']);
  t.deepEqual([shown.active, shown.is_primary], [false, true]);
  const back = await json<Contact>(['contacts', 'reactivate', shown.id]);
  t.true(back.active);
});

test('a staff API key may not manage portal access: the server says why', async (t) => {
  const result = await cli(['contacts', 'portal', 'enable', 'gina@globex.example', '--send-welcome'], {
    env: staffEnv,
  });
  t.deepEqual([result.code, result.stderr], [1, 'caseflow: Only firm admins may do this.\n']);
  const listed = await cli(['contacts', 'list', '--client', '1002', '--json'], { env: staffEnv });
  t.deepEqual(
    (JSON.parse(listed.stdout) as Contact[]).map((c) => c.email),
    ['gina@globex.example'],
  );
});

test('without a login or an API key the commands say what to do', async (t) => {
  const result = await runCli(['clients', 'list'], isolatedEnv({ CASEFLOW_URL: s.baseUrl }));
  t.deepEqual(
    [result.code, result.stderr],
    [1, 'caseflow: Not logged in: run `caseflow login` first (or set CASEFLOW_API_KEY).\n'],
  );
});
