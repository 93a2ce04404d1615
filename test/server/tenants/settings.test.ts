import test from 'ava';
import { PermissionError, ValidationError } from '../../../sdk/errors.js';
import type { FirmSettings } from '../../../sdk/schemas/tenants.js';
import { aFirm, anApiKey, aStaffUser } from '../../helpers/factories/index.js';
import { rawRequest } from '../../helpers/http.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { startSmtp, type TestSmtp } from '../../helpers/smtp.js';

let s: TestServer;
let smtp: TestSmtp;
test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url } });
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A new firm, with an admin API key and a staff API key (the first admin is only invited). */
async function newFirm(name?: string) {
  const { tenant, admin: firstAdmin } = await aFirm(s, name ? { name } : {});
  const adminKey = await anApiKey(s, { firm: tenant.slug, role: 'admin', name: 'Back office' });
  const staffKey = await anApiKey(s, { firm: tenant.slug, role: 'staff', name: 'Reports' });
  return {
    tenant,
    firstAdmin,
    admin: s.admin(tenant.slug, adminKey.token),
    staff: s.admin(tenant.slug, staffKey.token),
    adminKeyId: adminKey.key.id,
  };
}

const audits = (tenantId: string, action: string) =>
  s.db
    .owner('audit_events')
    .where({ tenant_id: tenantId, action })
    .orderBy('occurred_at')
    .select('actor_type', 'actor_id', 'subject_type', 'subject_id', 'data');

const outbox = (tenantId: string) =>
  s.db
    .owner('email_outbox')
    .where({ tenant_id: tenantId, template: 'payment_instructions_changed' })
    .orderBy('to_address')
    .select('to_address', 'subject');

/** The payment-instruction warnings delivered to `to`, once there are at least `count`. */
async function instructionMails(to: string, count: number) {
  const mine = () => smtp.messages.filter((m) => m.to.includes(to) && m.subject.startsWith('Payment instructions'));
  for (let i = 0; i < 200 && mine().length < count; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  return mine();
}

function withoutTimes(settings: FirmSettings) {
  if (!ISO.test(settings.updated_at)) throw new Error(`updated_at ${settings.updated_at}`);
  return { ...settings, updated_at: 'T' };
}

test('GET /api/v1/admin/settings — a new firm’s settings, read by an admin key and a staff key alike', async (t) => {
  const { tenant, admin, staff } = await newFirm();
  const expected = {
    name: tenant.name,
    primary_color: null,
    logo: null,
    address: null,
    phone: null,
    email: null,
    website: null,
    locale: 'en-US',
    currency: 'USD',
    timezone: 'UTC',
    invoice_prefix: 'INV-',
    allowed_origins: [],
    payment_instructions: { bank_details: null, remit_to: null, notes: null, updated_at: null },
    updated_at: 'T',
  };
  t.deepEqual(withoutTimes(await admin.settings.retrieve()), expected);
  t.deepEqual(withoutTimes(await staff.settings.retrieve()), expected);
});

test('PATCH /api/v1/admin/settings — sets every field, normalised, audits the changed field names and bumps updated_at', async (t) => {
  const { tenant, admin, adminKeyId } = await newFirm();
  const before = await admin.settings.retrieve();
  const updated = await admin.settings.update({
    primary_color: '#0F766E',
    address: '  4 Yarrow Lane\nLeeds LS1 4AP \n',
    phone: ' +44 20 7946 0000 ',
    email: 'office@yarrow.example',
    website: 'https://www.yarrow.example',
    locale: 'en-gb',
    currency: 'GBP',
    timezone: 'europe/london',
    invoice_prefix: 'YAR-',
    allowed_origins: ['https://www.yarrow.example/', 'https://WWW.yarrow.example'],
  });
  t.deepEqual(withoutTimes(updated), {
    ...withoutTimes(before),
    primary_color: '#0f766e',
    address: '4 Yarrow Lane\nLeeds LS1 4AP',
    phone: '+44 20 7946 0000',
    email: 'office@yarrow.example',
    website: 'https://www.yarrow.example/',
    locale: 'en-GB',
    currency: 'GBP',
    timezone: 'Europe/London',
    invoice_prefix: 'YAR-',
    allowed_origins: ['https://www.yarrow.example'],
  });
  t.true(updated.updated_at > before.updated_at);
  t.deepEqual(await admin.settings.retrieve(), updated);
  // The operator sees the same firm.
  const platformView = await s.platform().tenants.retrieve(tenant.slug);
  t.deepEqual(
    [platformView.primary_color, platformView.address, platformView.locale, platformView.invoice_prefix],
    ['#0f766e', '4 Yarrow Lane\nLeeds LS1 4AP', 'en-GB', 'YAR-'],
  );
  t.deepEqual(await audits(tenant.id, 'settings.updated'), [
    {
      actor_type: 'api_key',
      actor_id: adminKeyId,
      subject_type: 'tenant',
      subject_id: tenant.id,
      data: {
        fields: [
          'primary_color',
          'address',
          'phone',
          'email',
          'website',
          'locale',
          'currency',
          'timezone',
          'invoice_prefix',
          'allowed_origins',
        ],
      },
    },
  ]);

  // Null clears; what is already there changes nothing and audits nothing.
  const cleared = await admin.settings.update({ phone: null, website: null, primary_color: null });
  t.deepEqual([cleared.phone, cleared.website, cleared.primary_color], [null, null, null]);
  const same = await admin.settings.update({ phone: null, currency: 'GBP' });
  t.is(same.updated_at, cleared.updated_at);
  t.deepEqual(
    (await audits(tenant.id, 'settings.updated')).slice(1).map((a) => a.data),
    [{ fields: ['primary_color', 'phone', 'website'] }],
  );
});

test('PATCH /api/v1/admin/settings — a new allowed origin is allowed at once (the CORS cache is dropped)', async (t) => {
  const { tenant, admin } = await newFirm();
  const preflight = () =>
    rawRequest(s.server.port, {
      method: 'OPTIONS',
      path: '/api/v1/portal/me',
      headers: {
        origin: 'https://www.sorrel.example',
        'caseflow-tenant': tenant.slug,
        'access-control-request-method': 'GET',
      },
    });
  t.is((await preflight()).headers['access-control-allow-origin'], undefined);
  await admin.settings.update({ allowed_origins: ['https://www.sorrel.example'] });
  t.is((await preflight()).headers['access-control-allow-origin'], 'https://www.sorrel.example');
  await admin.settings.update({ allowed_origins: [] });
  t.is((await preflight()).headers['access-control-allow-origin'], undefined);
});

test('PATCH /api/v1/admin/settings — refuses bad values naming the field, an empty body and unknown fields', async (t) => {
  const { admin } = await newFirm();
  for (const [body, path] of [
    [{ phone: 'call me' }, 'body.phone'],
    [{ email: 'not-an-email' }, 'body.email'],
    [{ website: 'ftp://files.example' }, 'body.website'],
    [{ primary_color: 'blue' }, 'body.primary_color'],
    [{ locale: 'en_US' }, 'body.locale'],
    [{ currency: 'ABC' }, 'body.currency'],
    [{ timezone: 'Mars/Olympus_Mons' }, 'body.timezone'],
    [{ invoice_prefix: 'INV 2026' }, 'body.invoice_prefix'],
    [{ address: '   ' }, 'body.address'],
    [{ allowed_origins: ['https://www.example.com/embed'] }, 'body.allowed_origins.0'],
    [{ payment_instructions: { bank_details: 'x'.repeat(2001) } }, 'body.payment_instructions.bank_details'],
    [{ payment_instructions: { remit_to: '  ' } }, 'body.payment_instructions.remit_to'],
  ] as const) {
    const error = await t.throwsAsync(admin.settings.update(body as never), { instanceOf: ValidationError });
    t.is(error.status, 400);
    t.is(error.params[0]?.path, path, JSON.stringify(body));
  }
  const empty = await t.throwsAsync(admin.settings.update({}), { instanceOf: ValidationError });
  t.is(empty.message, 'Name at least one setting to change.');
  for (const field of ['name', 'plan', 'public_url', 'logo_url']) {
    const error = await t.throwsAsync(admin.settings.update({ [field]: 'x' } as never), {
      instanceOf: ValidationError,
    });
    t.is(error.message, `This request does not take a field named “${field}”; remove it.`);
  }
});

test('PATCH, PUT and DELETE /api/v1/admin/settings… — staff (a session or a staff key) get 403 with a plain message; nothing changes', async (t) => {
  const sam = await s.staffLogin(demoStaff.sam);
  const { staff } = await newFirm();
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  for (const client of [sam, staff]) {
    const before = await client.settings.retrieve();
    for (const attempt of [
      () => client.settings.update({ payment_instructions: { bank_details: 'Account 0000 0000' } }),
      () => client.settings.uploadLogo({ bytes: png, type: 'image/png' }),
      () => client.settings.deleteLogo(),
    ]) {
      const error = await t.throwsAsync(attempt(), { instanceOf: PermissionError });
      t.is(error.status, 403);
      t.is(error.message, "Only the firm's admins may change its settings.");
    }
    t.deepEqual(await client.settings.retrieve(), before);
  }
});

test.serial(
  'payment instructions: a change is dated, audited with old and new text, and emailed to every active admin',
  async (t) => {
    const { tenant, firstAdmin, admin, adminKeyId } = await newFirm('Hawthorn & Co');
    const second = await aStaffUser(s, { admin, role: 'admin', email: 'second.admin@hawthorn.example' });
    const gone = await aStaffUser(s, { admin, role: 'admin', email: 'gone.admin@hawthorn.example' });
    await s.db.owner('staff_users').where({ id: gone.id }).update({ active: false });
    await aStaffUser(s, { admin, role: 'staff', email: 'clerk@hawthorn.example' });

    const first = await admin.settings.update({
      payment_instructions: {
        bank_details: 'Hawthorn & Co\nSort code 20-00-00\nAccount 12345678',
        remit_to: 'Hawthorn & Co, 1 Thorn Street, Bath BA1 1AA',
      },
    });
    t.regex(first.payment_instructions.updated_at ?? '', ISO);
    t.deepEqual(first.payment_instructions, {
      bank_details: 'Hawthorn & Co\nSort code 20-00-00\nAccount 12345678',
      remit_to: 'Hawthorn & Co, 1 Thorn Street, Bath BA1 1AA',
      notes: null,
      updated_at: first.payment_instructions.updated_at,
    });

    // Only the notes change: the others stay; the date moves on.
    const second_ = await admin.settings.update({
      payment_instructions: {
        bank_details: 'Hawthorn & Co\nSort code 20-00-00\nAccount 87654321',
        notes: 'Quote the invoice number.',
      },
    });
    t.deepEqual(
      [second_.payment_instructions.remit_to, second_.payment_instructions.notes],
      ['Hawthorn & Co, 1 Thorn Street, Bath BA1 1AA', 'Quote the invoice number.'],
    );
    t.true(second_.payment_instructions.updated_at! > first.payment_instructions.updated_at!);

    t.deepEqual(
      (await audits(tenant.id, 'settings.payment_instructions_changed')).map((a) => [a.actor_type, a.actor_id, a.data]),
      [
        [
          'api_key',
          adminKeyId,
          {
            old: { bank_details: null, remit_to: null, notes: null },
            new: {
              bank_details: 'Hawthorn & Co\nSort code 20-00-00\nAccount 12345678',
              remit_to: 'Hawthorn & Co, 1 Thorn Street, Bath BA1 1AA',
              notes: null,
            },
          },
        ],
        [
          'api_key',
          adminKeyId,
          {
            old: {
              bank_details: 'Hawthorn & Co\nSort code 20-00-00\nAccount 12345678',
              remit_to: 'Hawthorn & Co, 1 Thorn Street, Bath BA1 1AA',
              notes: null,
            },
            new: {
              bank_details: 'Hawthorn & Co\nSort code 20-00-00\nAccount 87654321',
              remit_to: 'Hawthorn & Co, 1 Thorn Street, Bath BA1 1AA',
              notes: 'Quote the invoice number.',
            },
          },
        ],
      ],
    );
    t.deepEqual(
      (await audits(tenant.id, 'settings.updated')).map((a) => a.data),
      [
        { fields: ['payment_instructions.bank_details', 'payment_instructions.remit_to'] },
        { fields: ['payment_instructions.bank_details', 'payment_instructions.notes'] },
      ],
    );

    // Every active admin, twice; not the deactivated admin, not the clerk.
    const subject = 'Payment instructions were changed at Hawthorn & Co';
    t.deepEqual(
      await outbox(tenant.id),
      [
        { to_address: firstAdmin.email, subject },
        { to_address: firstAdmin.email, subject },
        { to_address: second.email, subject },
        { to_address: second.email, subject },
      ].sort((a, b) => a.to_address.localeCompare(b.to_address)),
    );

    await s.server.jobs.drain();
    const mails = await instructionMails(second.email, 2);
    t.is((await instructionMails(firstAdmin.email, 2)).length, 2);
    const firstMail = mails.find((m) => m.text.includes('Now:\nHawthorn & Co\nSort code 20-00-00\nAccount 12345678'))!;
    t.is(firstMail.subject, subject);
    t.true(
      firstMail.text.startsWith(
        `Hello Stef,\n\nThe API key "Back office" changed the payment instructions of Hawthorn & Co on `,
      ),
    );
    t.true(
      firstMail.text.includes(
        'Bank details\nWas:\n(none)\nNow:\nHawthorn & Co\nSort code 20-00-00\nAccount 12345678\n\nRemit to\nWas:\n(none)\nNow:\nHawthorn & Co, 1 Thorn Street, Bath BA1 1AA',
      ),
      firstMail.text,
    );
    t.false(firstMail.text.includes('Notes\n'));
    t.true(firstMail.text.includes('If you did not expect this change, contact the firm’s other admins at once'));
    t.true(firstMail.html.includes('Hawthorn &#38; Co'));
    t.deepEqual(await instructionMails(gone.email, 0), []);
  },
);

test.serial(
  'payment instructions: the same text again (or other settings alone) sends no email, writes no audit, keeps the date',
  async (t) => {
    const { tenant, admin } = await newFirm();
    const set = await admin.settings.update({ payment_instructions: { notes: 'Pay within 30 days.' } });
    const again = await admin.settings.update({ payment_instructions: { notes: '  Pay within 30 days. ' } });
    const other = await admin.settings.update({ phone: '+1 503 555 0100' });
    t.is(again.updated_at, set.updated_at);
    t.is(other.payment_instructions.updated_at, set.payment_instructions.updated_at);
    t.is((await audits(tenant.id, 'settings.payment_instructions_changed')).length, 1);
    t.is((await outbox(tenant.id)).length, 1);

    // A staff session changing them is named by name and email.
    const ada = await s.staffLogin(demoStaff.ada);
    const acme = (await s.db.owner('tenants').where({ slug: 'acme' }).first()).id as string;
    const before = await ada.settings.retrieve();
    await ada.settings.update({ payment_instructions: { notes: 'A test note from Ada.' } });
    t.teardown(() => ada.settings.update({ payment_instructions: { notes: before.payment_instructions.notes } }));
    await s.server.jobs.drain();
    const [mail] = (await instructionMails(demoStaff.ada.email, 1)).filter((m) =>
      m.text.includes('A test note from Ada.'),
    );
    if (!mail) throw new Error('no mail about the test note');
    t.regex(
      mail.text,
      /^Hello Ada,\n\nAda \S+ \(ada@acme-law\.example\) changed the payment instructions of Acme Law on /,
    );
    t.true(
      mail.text.includes(`Notes\nWas:\n${before.payment_instructions.notes ?? '(none)'}\nNow:\nA test note from Ada.`),
    );
    t.is((await audits(acme, 'settings.payment_instructions_changed')).length, 1);
  },
);
