import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import type { FirmSettings } from '../../sdk/schemas/tenants.js';
import { monogramPng } from '../../server/db/demo-logo.js';
import { cliWithApiKey, type KeyedCli } from '../helpers/cli.js';
import { aFirm } from '../helpers/factories/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let admin: KeyedCli;
let staff: KeyedCli;
let dir: string;
test.before(async () => {
  s = await startTestServer();
  const { tenant } = await aFirm(s, { name: 'Rowan Legal' });
  const options = { baseUrl: s.baseUrl, tenant: tenant.slug };
  admin = await cliWithApiKey(s.db.owner, { ...options, role: 'admin', name: 'cli admin' });
  staff = await cliWithApiKey(s.db.owner, { ...options, role: 'staff', name: 'cli staff' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caseflow-settings-'));
});
test.after.always(async () => {
  await s?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.serial('caseflow settings set changes the settings given, with "\\n" between lines, and says so', async (t) => {
  const result = await admin.cli([
    'settings',
    'set',
    '--color',
    '#0F766E',
    '--address',
    '9 Rowan Road\\nYork YO1 7HH',
    '--phone',
    '+44 1904 555 000',
    '--email',
    'office@rowan.example',
    '--website',
    'https://www.rowan.example',
    '--locale',
    'en-GB',
    '--currency',
    'gbp',
    '--timezone',
    'Europe/London',
    '--invoice-prefix',
    'ROW-',
    '--allowed-origin',
    'https://www.rowan.example',
    '--allowed-origin',
    'https://clients.rowan.example',
  ]);
  t.is(result.code, 0, result.stderr);
  t.is(result.stdout, 'Settings saved.\n');
  const settings = await admin.json<FirmSettings>(['settings', 'show']);
  t.like(settings, {
    primary_color: '#0f766e',
    address: '9 Rowan Road\nYork YO1 7HH',
    phone: '+44 1904 555 000',
    email: 'office@rowan.example',
    website: 'https://www.rowan.example/',
    locale: 'en-GB',
    currency: 'GBP',
    timezone: 'Europe/London',
    invoice_prefix: 'ROW-',
    allowed_origins: ['https://www.rowan.example', 'https://clients.rowan.example'],
  });

  const again = await admin.cli(['settings', 'set', '--phone', '+44 1904 555 000']);
  t.is(again.stdout, 'Nothing changed: the settings already had these values.\n');
});

test.serial(
  'caseflow settings set --bank-details … tells the admin that every admin was emailed; --clear empties',
  async (t) => {
    const result = await admin.cli([
      'settings',
      'set',
      '--bank-details',
      'Rowan Legal\\nSort code 40-00-00\\nAccount 11223344',
      '--remit-to',
      'Rowan Legal, 9 Rowan Road, York',
      '--payment-notes',
      'Quote the invoice number.',
    ]);
    t.is(result.code, 0, result.stderr);
    t.is(
      result.stdout,
      'Settings saved.\nPayment instructions changed: every admin of the firm was emailed about it, and clients see ' +
        'the new text with today’s date.\n',
    );
    const cleared = await admin.json<FirmSettings>(['settings', 'set', '--clear', 'payment-notes', '--clear', 'phone']);
    t.deepEqual(
      [cleared.payment_instructions.bank_details, cleared.payment_instructions.notes, cleared.phone],
      ['Rowan Legal\nSort code 40-00-00\nAccount 11223344', null, null],
    );

    const bad = await admin.cli(['settings', 'set', '--clear', 'locale']);
    t.is(bad.code, 1);
    t.is(
      bad.stderr,
      'caseflow: --clear locale: not a setting that can be emptied. Use one of: color, address, phone, email, ' +
        'website, bank-details, remit-to, payment-notes.\n',
    );
    const both = await admin.cli(['settings', 'set', '--phone', '+1 555 0100', '--clear', 'phone']);
    t.is(both.stderr, 'caseflow: --phone and --clear phone were both given: choose one.\n');
    const nothing = await admin.cli(['settings', 'set']);
    t.is(
      nothing.stderr,
      'caseflow: Nothing to change: give at least one option (see `caseflow settings set --help`).\n',
    );
  },
);

test.serial('caseflow settings show prints labelled lines, multi-line values indented under their label', async (t) => {
  const result = await staff.cli(['settings', 'show']);
  t.is(result.code, 0, result.stderr);
  const lines = result.stdout.split('\n');
  t.is(lines[0], 'Firm:                 Rowan Legal');
  t.true(result.stdout.includes('Address:              9 Rowan Road\n                      York YO1 7HH\n'));
  t.true(result.stdout.includes('Logo:                 (not set)\n'));
  t.true(
    result.stdout.includes(
      'Bank details:         Rowan Legal\n                      Sort code 40-00-00\n                      Account 11223344\n',
    ),
  );
  t.true(result.stdout.includes('Payment notes:        (not set)\n'));
});

test.serial(
  'caseflow settings logo uploads a PNG typed by its bytes (whatever its name), and --remove takes it away',
  async (t) => {
    const file = path.join(dir, 'logo.jpeg');
    fs.writeFileSync(file, monogramPng('RL', '#0f766e', 80));
    const result = await admin.cli(['settings', 'logo', file]);
    t.is(result.code, 0, result.stderr);
    const { logo } = await admin.json<FirmSettings>(['settings', 'show']);
    t.is(
      result.stdout,
      `Logo saved: PNG, 80 × 80 px, ${Math.ceil(logo!.bytes / 1024)} KB. Clients see it at ${logo!.url}.\n`,
    );
    t.regex(logo!.url, /^\/clients\/logo\/[0-9a-f]{64}\.png$/);

    const removed = await admin.cli(['settings', 'logo', '--remove']);
    t.is(removed.stdout, 'Logo removed: the portal shows the firm’s name alone.\n');
    t.is((await admin.json<FirmSettings>(['settings', 'show'])).logo, null);
  },
);

test.serial('caseflow settings logo refuses what is not a PNG or JPEG, a missing file, and staff', async (t) => {
  const svg = path.join(dir, 'logo.png');
  fs.writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const notImage = await admin.cli(['settings', 'logo', svg]);
  t.is(notImage.code, 1);
  t.is(
    notImage.stderr,
    `caseflow: ${svg} is not a PNG or JPEG image (checked by its bytes). Export the logo as PNG or JPEG.\n`,
  );
  const missing = await admin.cli(['settings', 'logo', path.join(dir, 'nope.png')]);
  t.is(missing.stderr, `caseflow: Could not read ${path.join(dir, 'nope.png')}: ENOENT.\n`);
  const neither = await admin.cli(['settings', 'logo']);
  t.is(
    neither.stderr,
    'caseflow: Give the logo file (`caseflow settings logo logo.png`), or --remove to take the logo away.\n',
  );

  const png = path.join(dir, 'ok.png');
  fs.writeFileSync(png, monogramPng('RL', '#0f766e', 16));
  const refused = await staff.cli(['settings', 'logo', png]);
  t.is(refused.code, 1);
  t.regex(refused.stderr, /Only the firm's admins may change its settings\./);
  const refusedSet = await staff.cli(['settings', 'set', '--phone', '+1 555 0100']);
  t.regex(refusedSet.stderr, /Only the firm's admins may change its settings\./);
});
