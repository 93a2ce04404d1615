import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { NotFoundError } from '../../sdk/errors.js';
import type { Tenant, TenantCreated } from '../../sdk/schemas/tenants.js';
import { loadConfig } from '../../server/config.js';
import { readOrCreateSecret } from '../../server/db/database.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { PLATFORM_KEY, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

const env = (extra: Record<string, string> = {}) =>
  isolatedEnv({ CASEFLOW_URL: s.baseUrl, CASEFLOW_PLATFORM_KEY: PLATFORM_KEY, ...extra });
const tenants = (args: string[], extra?: Record<string, string>) => runCli(['tenants', ...args], env(extra));

/** Ids and times vary: check their shape, then mask them. */
function masked(tenant: Tenant): Tenant {
  if (!/^[0-9a-f-]{36}$/.test(tenant.id) || Number.isNaN(Date.parse(tenant.created_at))) {
    throw new Error(`unexpected tenant ${JSON.stringify(tenant)}`);
  }
  return { ...tenant, id: 'ID', created_at: 'T', updated_at: 'T' };
}

test.serial('caseflow tenants create --json creates the firm and prints it with its admin', async (t) => {
  const result = await tenants([
    'create',
    'juniper',
    '--name',
    'Juniper Law',
    '--plan',
    'multi_practice',
    '--admin-email',
    'june@juniper.example',
    '--admin-first-name',
    'June',
    '--admin-last-name',
    'Juniper',
    '--locale',
    'en-GB',
    '--currency',
    'GBP',
    '--timezone',
    'Europe/London',
    '--primary-color',
    '#14532d',
    '--allow-origin',
    'https://www.juniper.example',
    '--allow-origin',
    'http://localhost:3000',
    '--json',
  ]);
  t.is(result.code, 0, result.stderr);
  const created = JSON.parse(result.stdout) as TenantCreated;
  t.deepEqual(
    { tenant: masked(created.tenant), admin: { ...created.admin, id: 'ID' } },
    {
      tenant: {
        id: 'ID',
        slug: 'juniper',
        name: 'Juniper Law',
        plan: 'multi_practice',
        status: 'active',
        locale: 'en-GB',
        currency: 'GBP',
        timezone: 'Europe/London',
        primary_color: '#14532d',
        allowed_origins: ['https://www.juniper.example', 'http://localhost:3000'],
        public_url: null,
        address: null,
        invoice_prefix: 'INV-',
        portal_url: s.server.tenantOrigin('juniper'),
        created_at: 'T',
        updated_at: 'T',
      },
      admin: { id: 'ID', email: 'june@juniper.example', first_name: 'June', last_name: 'Juniper', role: 'admin' },
    },
  );
  t.deepEqual(await s.platform().tenants.retrieve('juniper'), created.tenant);
  const invite = await s.db.owner('email_outbox').where({ to_address: 'june@juniper.example' }).first();
  t.is(invite.template, 'staff_invite');
});

test.serial('caseflow tenants create says what happened, on growth by default', async (t) => {
  const result = await tenants([
    'create',
    'kestrel',
    '--name',
    'Kestrel Legal',
    '--admin-email',
    'kit@kestrel.example',
    '--admin-first-name',
    'Kit',
    '--admin-last-name',
    'Kestrel',
  ]);
  t.is(result.code, 0, result.stderr);
  t.is(
    result.stdout,
    'Created Kestrel Legal (kestrel) on growth. An invitation to set a password was emailed to kit@kestrel.example.\n' +
      `Portal: ${s.server.tenantOrigin('kestrel')}\n`,
  );
});

test.serial('caseflow tenants list --json prints every firm, newest first; without --json a table', async (t) => {
  const result = await tenants(['list', '--json']);
  t.is(result.code, 0, result.stderr);
  const listed = JSON.parse(result.stdout) as Tenant[];
  t.deepEqual(listed, await s.platform().tenants.list().toArray());
  t.deepEqual(
    listed.map((x) => x.slug),
    ['kestrel', 'juniper', 'meridian', 'bluebird', 'acme'],
  );

  const table = await tenants(['list']);
  t.is(table.code, 0, table.stderr);
  const lines = table.stdout.trimEnd().split('\n');
  t.regex(lines[0]!, /^SLUG\s+NAME\s+PLAN\s+STATUS\s+PORTAL_URL\s+CREATED_AT$/);
  t.regex(
    lines[1]!,
    new RegExp(`^kestrel\\s+Kestrel Legal\\s+growth\\s+active\\s+${s.server.tenantOrigin('kestrel')}\\s`),
  );
  t.is(lines.length, 6);
});

test.serial('caseflow tenants show prints one firm', async (t) => {
  const json = await tenants(['show', 'juniper', '--json']);
  t.is(json.code, 0, json.stderr);
  t.deepEqual(JSON.parse(json.stdout), await s.platform().tenants.retrieve('juniper'));

  const human = await tenants(['show', 'juniper']);
  t.is(human.code, 0, human.stderr);
  t.true(human.stdout.includes('slug:            juniper\n'), human.stdout);
  t.true(human.stdout.includes('allowed_origins: ["https://www.juniper.example","http://localhost:3000"]\n'));
});

test.serial(
  'caseflow tenants update changes the name, plan and public URL; the firm’s own settings are no longer its options',
  async (t) => {
    const result = await tenants(['update', 'juniper', '--name', 'Juniper Law LLP', '--plan', 'growth', '--json']);
    t.is(result.code, 0, result.stderr);
    const updated = JSON.parse(result.stdout) as Tenant;
    t.deepEqual([updated.name, updated.plan], ['Juniper Law LLP', 'growth']);
    t.deepEqual(await s.platform().tenants.retrieve('juniper'), updated);

    const human = await tenants(['update', 'juniper', '--plan', 'multi_practice']);
    t.is(human.code, 0, human.stderr);
    t.is(human.stdout, 'Updated Juniper Law LLP (juniper).\nplan: multi_practice\n');

    const nothing = await tenants(['update', 'juniper']);
    t.is(nothing.code, 1);
    t.is(
      nothing.stderr,
      'caseflow: Nothing to change: give --name, --plan or --public-url. Branding, details, defaults and allowed ' +
        "origins are the firm's own settings: its admins change them with `caseflow settings set`.\n",
    );
    for (const moved of ['--primary-color', '--address', '--invoice-prefix', '--allow-origin', '--logo-url']) {
      const refused = await tenants(['update', 'juniper', moved, 'x']);
      t.is(refused.code, 1, moved);
      t.regex(refused.stderr, new RegExp(`unknown option '${moved}'`), moved);
    }
  },
);

test.serial('caseflow tenants disable and enable switch the firm off and on', async (t) => {
  const disabled = await tenants(['disable', 'juniper', '--json']);
  t.is(disabled.code, 0, disabled.stderr);
  t.is((JSON.parse(disabled.stdout) as Tenant).status, 'disabled');
  const portal = await t.throwsAsync(s.portal('juniper').auth.login({ email: 'x@y.example', password: 'whatever' }), {
    instanceOf: NotFoundError,
  });
  t.is(portal.code, 'tenant_not_found');

  const enabled = await tenants(['enable', 'juniper']);
  t.is(enabled.code, 0, enabled.stderr);
  t.is(enabled.stdout, `Enabled Juniper Law LLP (juniper): its portal is at ${s.server.tenantOrigin('juniper')}.\n`);
  const again = await tenants(['disable', 'juniper']);
  t.is(
    again.stdout,
    'Disabled Juniper Law LLP (juniper): its portal and API now answer 404. Nothing was deleted; ' +
      '`caseflow tenants enable juniper` brings it back.\n',
  );
  t.is((await s.platform().tenants.retrieve('juniper')).status, 'disabled');
});

test('caseflow tenants create without --name and no terminal fails naming the flag, and creates nothing', async (t) => {
  const result = await tenants(['create', 'nameless', '--admin-email', 'no@name.example']);
  t.is(result.code, 1);
  t.is(result.stderr, 'caseflow: Missing --name (no terminal to ask on).\n');
  t.is(result.stdout, '');
  t.deepEqual(await s.db.owner('tenants').where({ slug: 'nameless' }).select('id'), []);
});

test('caseflow tenants create reports the server’s refusal in one line', async (t) => {
  const taken = await tenants([
    'create',
    'acme',
    '--name',
    'Acme Again',
    '--admin-email',
    'a@acme-again.example',
    '--admin-first-name',
    'A',
    '--admin-last-name',
    'B',
  ]);
  t.deepEqual([taken.code, taken.stderr], [1, 'caseflow: The slug "acme" is taken.\n']);

  const bad = await tenants([
    'create',
    'Bad_Slug',
    '--name',
    'Bad',
    '--admin-email',
    'a@bad.example',
    '--admin-first-name',
    'A',
    '--admin-last-name',
    'B',
  ]);
  t.deepEqual(
    [bad.code, bad.stderr],
    [
      1,
      'caseflow: Slug must be 1 to 63 lower-case letters, digits or hyphens, not starting or ending with a hyphen.\n',
    ],
  );

  const plan = await tenants(['create', 'planless', '--name', 'P', '--plan', 'enterprise']);
  t.is(plan.code, 1);
  t.regex(
    plan.stderr,
    /--plan <plan>' argument 'enterprise' is invalid\. Allowed choices are solo, growth, multi_practice/,
  );
});

test('caseflow tenants: --url picks the server, an unknown slug and a wrong key are clear errors', async (t) => {
  const shown = await runCli(
    ['tenants', 'show', 'acme', '--json', '--url', s.baseUrl],
    isolatedEnv({ CASEFLOW_PLATFORM_KEY: PLATFORM_KEY }),
  );
  t.is(shown.code, 0, shown.stderr);
  t.is((JSON.parse(shown.stdout) as Tenant).slug, 'acme');

  const missing = await tenants(['show', 'nowhere']);
  t.deepEqual([missing.code, missing.stderr], [1, 'caseflow: No firm has the slug "nowhere".\n']);

  const wrongKey = await tenants(['list'], { CASEFLOW_PLATFORM_KEY: 'x'.repeat(40) });
  t.deepEqual([wrongKey.code, wrongKey.stderr], [1, 'caseflow: The operator key is not valid.\n']);
});

test('caseflow tenants without CASEFLOW_PLATFORM_KEY uses the key the local server generated in CASEFLOW_DATA_DIR', async (t) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-operator-'));
  t.teardown(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const local = { CASEFLOW_URL: s.baseUrl, CASEFLOW_DATA_DIR: dataDir };

  const none = await runCli(['tenants', 'show', 'acme'], isolatedEnv(local));
  t.deepEqual(
    [none.code, none.stderr],
    [1, 'caseflow: Set CASEFLOW_PLATFORM_KEY to the operator key (`caseflow serve` prints it when it makes one).\n'],
  );

  // Written where and as the server writes its generated key.
  readOrCreateSecret(loadConfig({ CASEFLOW_DATA_DIR: dataDir }), 'platform-key', () => PLATFORM_KEY);
  const shown = await runCli(['tenants', 'show', 'acme', '--json'], isolatedEnv(local));
  t.is(shown.code, 0, shown.stderr);
  t.is((JSON.parse(shown.stdout) as Tenant).slug, 'acme');
});
