import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../../../sdk/errors.js';
import type { Contact } from '../../../sdk/schemas/contacts.js';
import { tenantPublicUrl } from '../../../server/config.js';
import { updateFirm } from '../../helpers/factories/index.js';
import { demo, loginDemoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { rawRequest } from '../../helpers/http.js';
import { linkToken, startSmtp, type TestSmtp } from '../../helpers/smtp.js';

const ACME_PUBLIC_URL = 'https://portal.acme-law.example';
const ALL_PERMISSIONS = ['invoices', 'estimates', 'contracts', 'proposals', 'documents', 'vault', 'matters'];

let s: TestServer;
let smtp: TestSmtp;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;

test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url } });
  await updateFirm(s, 'acme', { public_url: ACME_PUBLIC_URL });
  ({ ada, sam, bea } = await loginDemoStaff(s));
});
test.after.always(async () => {
  await s?.close();
  await smtp?.close();
});

let seq = 0;
/** A fresh client of Acme for one test, so tests can run side by side. */
async function newClient(name = `Client ${++seq}`) {
  return ada.clients.create({ name });
}
function contactBody(clientId: string, who: string) {
  return { client_id: clientId, first_name: who, last_name: 'Tester', email: `${who.toLowerCase()}@wayne.example` };
}
const primaryFlags = async (clientId: string) =>
  Object.fromEntries(
    (await s.db.owner('contacts').where({ client_id: clientId }).select('email', 'is_primary')).map((r) => [
      r.email,
      r.is_primary,
    ]),
  );
/** The audit trail of one record; events of one request share its time, so they are ordered by action. */
const audits = (subjectId: string) =>
  s.db
    .owner('audit_events')
    .where({ subject_id: subjectId })
    .orderBy('occurred_at')
    .orderBy('action')
    .select('action', 'actor_type', 'data');
/** The admin API's events about a contact (not the portal's own, such as logins). */
const contactActions = async (contactId: string) =>
  (await audits(contactId)).map((e) => e.action as string).filter((a) => a.startsWith('contact.'));
/** A contact of Acme with portal access and a password, logged in: its portal client. */
async function loggedIn(clientId: string, who: string) {
  const contact = await ada.contacts.create(contactBody(clientId, who));
  const password = `${who}-portal-pass-2026`;
  await ada.contacts.enablePortalAccess(contact.id, { password });
  const portal = s.portal('acme');
  await portal.auth.login({ email: contact.email, password });
  return { contact, portal, password };
}
/** Every message delivered so far to `to`. */
async function mailTo(to: string) {
  await s.server.jobs.drain();
  return smtp.messages.filter((m) => m.to.includes(to));
}
const mask = (c: Contact) => ({ ...c, id: 'x', client_id: 'x', created_at: 't', updated_at: 't' });

// Clients

test.serial(
  'POST /api/v1/admin/clients — numbers after the highest (from 1001), takes a given number, 409 on a taken one',
  async (t) => {
    const first = await ada.clients.create({ name: 'Wayne Enterprises' });
    t.deepEqual(
      { ...first, id: 'x', created_at: 't', updated_at: 't' },
      { id: 'x', number: 1003, name: 'Wayne Enterprises', primary_contact_id: null, created_at: 't', updated_at: 't' },
    );
    t.is((await ada.clients.create({ name: 'Stark Industries', number: 5000 })).number, 5000);
    t.is((await sam.clients.create({ name: '  Oscorp  ' })).number, 5001);
    const taken = await t.throwsAsync(ada.clients.create({ name: 'Copycat', number: 5000 }), {
      instanceOf: ConflictError,
    });
    t.deepEqual(
      [taken.status, taken.code, taken.message],
      [409, 'client_number_taken', 'Another client of this firm already has number 5000.'],
    );
    // Numbers are per firm.
    t.is((await bea.clients.create({ name: 'Bluebird 5000', number: 5000 })).number, 5000);
    // Concurrent creations never collide.
    const many = await Promise.all([1, 2, 3, 4, 5].map((i) => ada.clients.create({ name: `Batch ${i}` })));
    t.deepEqual(
      many.map((c) => c.number).sort((a, b) => a - b),
      [5002, 5003, 5004, 5005, 5006],
    );
    const audited = await audits(first.id);
    t.deepEqual(audited, [
      { action: 'client.created', actor_type: 'staff', data: { number: 1003, name: 'Wayne Enterprises' } },
    ]);
    const oscorp = await s.db.owner('clients').where({ number: 5001 }).first();
    t.is(oscorp.name, 'Oscorp');
  },
);

test.serial('GET /api/v1/admin/clients — by number, with a name search, a number filter and pages', async (t) => {
  const nora = await s.db.owner('contacts').where({ email: demo.nora.email }).first();
  const found = await sam.clients.list({ q: 'NORTHWIND' });
  t.deepEqual(
    found.data.map((c) => ({ number: c.number, name: c.name, primary_contact_id: c.primary_contact_id })),
    [{ number: 1001, name: 'Northwind Traders', primary_contact_id: nora.id }],
  );
  t.deepEqual((await ada.clients.list({ q: '%' })).data, []);
  t.deepEqual(
    (await ada.clients.list({ number: 1002 })).data.map((c) => c.name),
    ['Globex Corporation'],
  );
  const page = await ada.clients.list({ limit: 2 });
  t.deepEqual(
    page.data.map((c) => c.number),
    [1001, 1002],
  );
  t.true(page.has_more);
  t.is(page.next_cursor, page.data[1]!.id);
  const all = await ada.clients.list({ limit: 2 }).toArray();
  const numbers = all.map((c) => c.number);
  t.deepEqual(
    numbers,
    [...numbers].sort((a, b) => a - b),
  );
  t.is(new Set(numbers).size, numbers.length);
  t.false(numbers.includes(2001)); // Bluebird's Initech
});

test('GET and PATCH /api/v1/admin/clients/:id — read and rename; unknown is 404, a bad id 400', async (t) => {
  const client = await newClient();
  t.deepEqual(await sam.clients.retrieve(client.id), client);
  const renamed = await sam.clients.update(client.id, { name: 'Renamed LLC' });
  t.is(renamed.name, 'Renamed LLC');
  t.is(renamed.number, client.number);
  t.true(renamed.updated_at > client.updated_at);
  t.deepEqual(
    (await audits(client.id)).map((a) => a.action),
    ['client.created', 'client.updated'],
  );
  const missing = await t.throwsAsync(ada.clients.retrieve('00000000-0000-4000-8000-000000000000'), {
    instanceOf: NotFoundError,
  });
  t.deepEqual([missing.code, missing.message], ['resource_missing', 'No such client.']);
  const bad = await t.throwsAsync(ada.clients.retrieve('1001'), { instanceOf: ValidationError });
  t.is(bad.code, 'validation_failed');
  const empty = await t.throwsAsync(ada.clients.update(client.id, { name: '   ' }), { instanceOf: ValidationError });
  t.deepEqual(
    empty.params.map((p) => p.path),
    ['body.name'],
  );
});

// Contacts

test('POST /api/v1/admin/contacts — creates a contact with defaults; every field round-trips', async (t) => {
  const client = await newClient();
  const plain = await sam.contacts.create(contactBody(client.id, 'Alfred'));
  t.deepEqual(mask(plain), {
    id: 'x',
    client_id: 'x',
    first_name: 'Alfred',
    last_name: 'Tester',
    title: null,
    email: 'alfred@wayne.example',
    phone: null,
    text_direction: 'ltr',
    language: null,
    receives_invoice_emails: true,
    is_primary: false,
    active: true,
    portal_access: false,
    permissions: ALL_PERMISSIONS,
    created_at: 't',
    updated_at: 't',
  });
  t.is(plain.client_id, client.id);
  const full = await ada.contacts.create({
    ...contactBody(client.id, 'Rania'),
    title: 'General Counsel',
    phone: '+1 555 0100',
    text_direction: 'rtl',
    language: 'ar',
    receives_invoice_emails: false,
    is_primary: true,
    permissions: ['vault', 'invoices'],
  });
  t.like(full, {
    title: 'General Counsel',
    phone: '+1 555 0100',
    text_direction: 'rtl',
    language: 'ar',
    receives_invoice_emails: false,
    is_primary: true,
    permissions: ['invoices', 'vault'],
  });
  t.deepEqual(await ada.contacts.retrieve(full.id), full);
  t.is((await ada.clients.retrieve(client.id)).primary_contact_id, full.id);
  t.deepEqual(await audits(full.id), [
    { action: 'contact.created', actor_type: 'staff', data: { client_id: client.id } },
    {
      action: 'contact.primary_changed',
      actor_type: 'staff',
      data: { client_id: client.id, previous_contact_id: null },
    },
  ]);
  const listed = await ada.contacts.list({ client_id: client.id });
  t.deepEqual(
    listed.data.map((c) => c.email),
    ['alfred@wayne.example', 'rania@wayne.example'],
  );
  t.deepEqual(
    (await ada.contacts.list({ email: 'RANIA@wayne.example' })).data.map((c) => c.id),
    [full.id],
  );
});

test('POST /api/v1/admin/contacts — bad input is a precise 400 and nothing is written', async (t) => {
  const client = await newClient();
  const unknown = await t.throwsAsync(
    ada.contacts.create(contactBody('00000000-0000-4000-8000-000000000000', 'Ghost')),
    { instanceOf: ValidationError },
  );
  t.deepEqual(
    [unknown.status, unknown.code, unknown.message, unknown.params],
    [
      400,
      'client_not_found',
      'No such client in this firm.',
      [{ path: 'body.client_id', code: 'not_found', message: 'No such client in this firm.' }],
    ],
  );
  const badEmail = await t.throwsAsync(
    ada.contacts.create({ ...contactBody(client.id, 'Bad'), email: 'not-an-email' }),
    {
      instanceOf: ValidationError,
    },
  );
  t.deepEqual(
    badEmail.params.map((p) => p.path),
    ['body.email'],
  );
  const extra = await t.throwsAsync(
    ada.contacts.create({ ...contactBody(client.id, 'Extra'), portal_access: true } as never),
    { instanceOf: ValidationError },
  );
  t.is(extra.message, 'This request does not take a field named “portal_access”; remove it.');
  const twice = await t.throwsAsync(
    ada.contacts.create({ ...contactBody(client.id, 'Twice'), permissions: ['vault', 'vault'] }),
    { instanceOf: ValidationError },
  );
  t.is(twice.message, 'Permissions must not name a section twice.');
  t.is(Number((await s.db.owner('contacts').where({ client_id: client.id }).count('* as n'))[0]!.n), 0);
});

test('PATCH /api/v1/admin/contacts/:id — changes details, clears title and phone, audits the fields changed', async (t) => {
  const client = await newClient();
  const contact = await ada.contacts.create({ ...contactBody(client.id, 'Lucius'), title: 'CTO', phone: '555' });
  const updated = await sam.contacts.update(contact.id, {
    first_name: 'Lucius',
    last_name: 'Fox',
    title: null,
    phone: null,
    text_direction: 'rtl',
    receives_invoice_emails: false,
  });
  t.deepEqual(mask(updated), {
    ...mask(contact),
    last_name: 'Fox',
    title: null,
    phone: null,
    text_direction: 'rtl',
    receives_invoice_emails: false,
  });
  t.deepEqual((await audits(contact.id)).slice(1), [
    {
      action: 'contact.updated',
      actor_type: 'staff',
      data: { fields: ['last_name', 'title', 'phone', 'text_direction', 'receives_invoice_emails'] },
    },
  ]);
  const nothing = await t.throwsAsync(sam.contacts.update(contact.id, {}), { instanceOf: ValidationError });
  t.deepEqual(
    [nothing.status, nothing.code, nothing.params.map((p) => p.message)],
    [400, 'validation_failed', ['Name at least one field to change.']],
  );
  const missing = await t.throwsAsync(
    ada.contacts.update('00000000-0000-4000-8000-000000000000', { first_name: 'X' }),
    { instanceOf: NotFoundError },
  );
  t.deepEqual([missing.status, missing.message], [404, 'No such contact.']);
});

test('contacts: the email is unique in the firm whatever its case (409), yet free at another firm', async (t) => {
  const client = await newClient();
  const taken = await t.throwsAsync(
    ada.contacts.create({ ...contactBody(client.id, 'Nora'), email: 'NORA@Northwind.example' }),
    { instanceOf: ConflictError },
  );
  t.deepEqual(
    [taken.status, taken.code, taken.message],
    [409, 'email_taken', 'Another contact of this firm already uses this email.'],
  );
  const other = await ada.contacts.create(contactBody(client.id, 'Selina'));
  const onUpdate = await t.throwsAsync(ada.contacts.update(other.id, { email: demo.gina.email }), {
    instanceOf: ConflictError,
  });
  t.is(onUpdate.code, 'email_taken');
  t.is((await ada.contacts.retrieve(other.id)).email, 'selina@wayne.example');
  // A contact may change the case of its own email (the domain is stored lower-cased).
  t.is((await ada.contacts.update(other.id, { email: 'Selina@Wayne.example' })).email, 'Selina@wayne.example');

  const initech = (await bea.clients.list({ number: 2001 })).data[0]!;
  const elsewhere = await bea.contacts.create({ ...contactBody(initech.id, 'Nora'), email: demo.nora.email });
  t.is(elsewhere.email, demo.nora.email);
});

test('POST /api/v1/admin/contacts/:id/primary — moves the flag in one step; deactivating does not move it', async (t) => {
  const client = await newClient();
  const a = await ada.contacts.create({ ...contactBody(client.id, 'Primo'), is_primary: true });
  const b = await ada.contacts.create(contactBody(client.id, 'Secundo'));
  const c = await ada.contacts.create(contactBody(client.id, 'Tertio'));
  t.deepEqual(await primaryFlags(client.id), {
    'primo@wayne.example': true,
    'secundo@wayne.example': false,
    'tertio@wayne.example': false,
  });
  const moved = await sam.contacts.setPrimary(b.id);
  t.true(moved.is_primary);
  t.deepEqual(await primaryFlags(client.id), {
    'primo@wayne.example': false,
    'secundo@wayne.example': true,
    'tertio@wayne.example': false,
  });
  t.is((await ada.clients.retrieve(client.id)).primary_contact_id, b.id);
  t.deepEqual((await audits(b.id)).slice(1), [
    {
      action: 'contact.primary_changed',
      actor_type: 'staff',
      data: { client_id: client.id, previous_contact_id: a.id },
    },
  ]);
  // Again: nothing changes, nothing is audited.
  await ada.contacts.setPrimary(b.id);
  t.is((await audits(b.id)).length, 2);

  const deactivated = await sam.contacts.deactivate(b.id);
  t.deepEqual([deactivated.active, deactivated.is_primary], [false, true]);
  t.deepEqual(await primaryFlags(client.id), {
    'primo@wayne.example': false,
    'secundo@wayne.example': true,
    'tertio@wayne.example': false,
  });
  // An inactive contact cannot become primary.
  await sam.contacts.deactivate(c.id);
  const refused = await t.throwsAsync(ada.contacts.setPrimary(c.id), { instanceOf: ConflictError });
  t.deepEqual(
    [refused.code, refused.message],
    ['contact_inactive', 'This contact is deactivated: reactivate it first.'],
  );
  const back = await sam.contacts.reactivate(c.id);
  t.true(back.active);
  t.true((await ada.contacts.setPrimary(c.id)).is_primary);
  t.deepEqual(await primaryFlags(client.id), {
    'primo@wayne.example': false,
    'secundo@wayne.example': false,
    'tertio@wayne.example': true,
  });
  t.deepEqual(
    (await audits(c.id)).map((e) => e.action),
    ['contact.created', 'contact.deactivated', 'contact.reactivated', 'contact.primary_changed'],
  );
});

// Portal access

test.serial(
  'POST /api/v1/admin/contacts/:id/portal-access — a welcome link on the firm’s public URL sets the password once, then the contact logs in',
  async (t) => {
    const client = await newClient();
    const contact = await ada.contacts.create(contactBody(client.id, 'Wendy'));
    const enabled = await ada.contacts.enablePortalAccess(contact.id, { send_welcome: true });
    t.deepEqual([enabled.portal_access, enabled.active], [true, true]);

    const [mail, ...others] = await mailTo(contact.email);
    t.is(others.length, 0);
    t.is(mail!.subject, 'Your client portal at Acme Law');
    const token = linkToken(mail!);
    t.true(mail!.text.includes(`Set your password: ${ACME_PUBLIC_URL}/clients/set-password#token=${token}`));
    t.true(mail!.html.includes(`${ACME_PUBLIC_URL}/clients/set-password#token=${token}`));

    const portal = s.portal('acme');
    const password = 'wendy-likes-long-passwords';
    t.deepEqual(await portal.auth.setPassword({ token, password }), { email: contact.email });
    const reused = await t.throwsAsync(portal.auth.setPassword({ token, password: 'another-long-password' }), {
      instanceOf: ValidationError,
    });
    t.is(reused.status, 400);
    const login = await portal.auth.login({ email: contact.email, password });
    t.is(login.profile.contact.email, contact.email);
    t.deepEqual(login.profile.permissions, ALL_PERMISSIONS);

    t.deepEqual(await contactActions(contact.id), [
      'contact.created',
      'contact.portal_access_enabled',
      'contact.welcome_sent',
    ]);
    // The outbox keeps no body once delivered.
    const outbox = await s.db
      .owner('email_outbox')
      .where({ to_address: contact.email })
      .select('status', 'sealed_body');
    t.deepEqual(outbox, [{ status: 'sent', sealed_body: null }]);
  },
);

test.serial(
  'POST /api/v1/admin/contacts/:id/portal-access — sending the welcome again kills the old link',
  async (t) => {
    const client = await newClient();
    const contact = await ada.contacts.create(contactBody(client.id, 'Resend'));
    await ada.contacts.enablePortalAccess(contact.id, { send_welcome: true });
    // The second comes with a forged Host: the link is still built from the firm's public URL.
    const forged = await rawRequest(s.server.port, {
      method: 'POST',
      path: `/api/v1/admin/contacts/${contact.id}/portal-access`,
      host: 'attacker.example',
      headers: { authorization: `Bearer ${ada.token}`, 'caseflow-tenant': 'acme' },
      body: JSON.stringify({ send_welcome: true }),
    });
    t.is(forged.status, 200, forged.text);
    const mails = await mailTo(contact.email);
    t.is(mails.length, 2);
    const [oldToken, newToken] = mails.map(linkToken);
    t.not(oldToken, newToken);
    t.true(mails[1]!.text.includes(`${ACME_PUBLIC_URL}/clients/set-password#token=${newToken}`));
    t.false(mails[1]!.text.includes('attacker'));
    const portal = s.portal('acme');
    const old = await t.throwsAsync(portal.auth.setPassword({ token: oldToken!, password: 'resend-password-one' }), {
      instanceOf: ValidationError,
    });
    t.is(old.status, 400);
    t.deepEqual(await portal.auth.setPassword({ token: newToken!, password: 'resend-password-two' }), {
      email: contact.email,
    });
    t.deepEqual(await contactActions(contact.id), [
      'contact.created',
      'contact.portal_access_enabled',
      'contact.welcome_sent',
      'contact.welcome_sent',
    ]);
  },
);

test('a firm without a public URL gets links on its own host from the server settings', async (t) => {
  const initech = (await bea.clients.list({ number: 2001 })).data[0]!;
  const contact = await bea.contacts.create({ ...contactBody(initech.id, 'Blue'), email: 'blue@initech.example' });
  await bea.contacts.enablePortalAccess(contact.id, { send_welcome: true });
  const [mail] = await mailTo('blue@initech.example');
  const base = tenantPublicUrl(s.config, { tenant_slug: 'bluebird', public_url: null });
  t.true(mail!.text.includes(`${base}/clients/set-password#token=${linkToken(mail!)}`));
  t.false(mail!.text.includes('127.0.0.1'));
});

test('POST /api/v1/admin/contacts/:id/portal-access — an admin sets the password; a common one is a 400 and nothing is written', async (t) => {
  const client = await newClient();
  const contact = await ada.contacts.create(contactBody(client.id, 'Common'));
  const common = await t.throwsAsync(ada.contacts.enablePortalAccess(contact.id, { password: 'password1' }), {
    instanceOf: ValidationError,
  });
  t.deepEqual(
    [common.status, common.code, common.params],
    [
      400,
      'password_too_common',
      [
        {
          path: 'body.password',
          code: 'password_common',
          message: 'This password is one of the most common passwords; choose another.',
        },
      ],
    ],
  );
  t.false((await ada.contacts.retrieve(contact.id)).portal_access);
  const both = await t.throwsAsync(
    ada.contacts.enablePortalAccess(contact.id, { send_welcome: true, password: 'both-at-once-password' }),
    { instanceOf: ValidationError },
  );
  t.is(both.message, 'Either send a welcome email or set a password now, not both.');
  const short = await t.throwsAsync(ada.contacts.enablePortalAccess(contact.id, { password: 'short' }), {
    instanceOf: ValidationError,
  });
  t.deepEqual(short.params, [
    { path: 'body.password', code: 'password_too_short', message: 'Choose a password of at least 8 characters.' },
  ]);
  t.deepEqual(await contactActions(contact.id), ['contact.created']);

  const set = await ada.contacts.enablePortalAccess(contact.id, { password: 'a-much-better-password' });
  t.true(set.portal_access);
  const login = await s.portal('acme').auth.login({ email: contact.email, password: 'a-much-better-password' });
  t.is(login.profile.contact.first_name, 'Common');
  t.deepEqual(await contactActions(contact.id), [
    'contact.created',
    'contact.portal_access_enabled',
    'contact.password_set',
  ]);
  // Setting it again ends the contact's sessions.
  await ada.contacts.enablePortalAccess(contact.id, { password: 'yet-another-password' });
  const ended = await t.throwsAsync(s.portal('acme', login.session.token!).me(), { instanceOf: AuthenticationError });
  t.is(ended.code, 'session_invalid');
});

test('POST /api/v1/admin/contacts/:id/portal-access — with no option just turns access on; an inactive contact is a 409', async (t) => {
  const client = await newClient();
  const contact = await ada.contacts.create(contactBody(client.id, 'Quiet'));
  t.true((await ada.contacts.enablePortalAccess(contact.id)).portal_access);
  t.deepEqual(await mailTo(contact.email), []);
  const dormant = await ada.contacts.create(contactBody(client.id, 'Dormant'));
  await ada.contacts.deactivate(dormant.id);
  const refused = await t.throwsAsync(ada.contacts.enablePortalAccess(dormant.id, { send_welcome: true }), {
    instanceOf: ConflictError,
  });
  t.deepEqual([refused.status, refused.code], [409, 'contact_inactive']);
  t.false((await ada.contacts.retrieve(dormant.id)).portal_access);
  t.deepEqual(await mailTo(dormant.email), []);
});

test('DELETE /api/v1/admin/contacts/:id/portal-access — ends the contact’s sessions at once', async (t) => {
  const client = await newClient();
  const { contact, portal, password } = await loggedIn(client.id, 'Revoked');
  t.is((await portal.me()).contact.id, contact.id);
  const disabled = await ada.contacts.disablePortalAccess(contact.id);
  t.false(disabled.portal_access);
  const error = await t.throwsAsync(portal.me(), { instanceOf: AuthenticationError });
  t.deepEqual([error.status, error.code], [401, 'session_invalid']);
  await t.throwsAsync(s.portal('acme').auth.login({ email: contact.email, password }), {
    instanceOf: AuthenticationError,
  });
  t.is((await contactActions(contact.id)).at(-1), 'contact.portal_access_disabled');
});

test('POST /api/v1/admin/contacts/:id/deactivate — ends the contact’s sessions at once; reactivating lets it log in again', async (t) => {
  const client = await newClient();
  const { contact, portal, password } = await loggedIn(client.id, 'Paused');
  const deactivated = await sam.contacts.deactivate(contact.id);
  t.deepEqual([deactivated.active, deactivated.portal_access], [false, true]);
  const error = await t.throwsAsync(portal.me(), { instanceOf: AuthenticationError });
  t.is(error.status, 401);
  await t.throwsAsync(s.portal('acme').auth.login({ email: contact.email, password }), {
    instanceOf: AuthenticationError,
  });
  await sam.contacts.reactivate(contact.id);
  const again = await s.portal('acme').auth.login({ email: contact.email, password });
  t.is(again.profile.contact.id, contact.id);
});

test('permissions: an admin narrows them; the contact sees them on /portal/me and gets 403 elsewhere', async (t) => {
  const client = await newClient();
  const { contact, portal } = await loggedIn(client.id, 'Narrow');
  const updated = await ada.contacts.update(contact.id, { permissions: ['vault', 'documents'] });
  t.deepEqual(updated.permissions, ['documents', 'vault']);
  t.deepEqual((await portal.me()).permissions, ['documents', 'vault']);
  const denied = await t.throwsAsync(portal.invoices.list(), { instanceOf: PermissionError });
  t.deepEqual([denied.status, denied.code], [403, 'permission_denied']);
  t.deepEqual((await audits(contact.id)).at(-1), {
    action: 'contact.permissions_changed',
    actor_type: 'staff',
    data: { from: ALL_PERMISSIONS, to: ['documents', 'vault'] },
  });
  await ada.contacts.update(contact.id, { permissions: ['invoices'] });
  t.deepEqual((await portal.invoices.list()).data, []);
  t.deepEqual((await ada.contacts.update(contact.id, { permissions: [] })).permissions, []);
});

test('staff (not admin) may not give portal access, change permissions or set passwords (403 admin_required)', async (t) => {
  const client = await newClient();
  const contact = await sam.contacts.create(contactBody(client.id, 'Guarded'));
  const attempts = [
    sam.contacts.enablePortalAccess(contact.id, { send_welcome: true }),
    sam.contacts.enablePortalAccess(contact.id, { password: 'staff-picked-password' }),
    sam.contacts.enablePortalAccess(contact.id),
    sam.contacts.disablePortalAccess(contact.id),
    sam.contacts.update(contact.id, { first_name: 'Guarded', permissions: ['invoices'] }),
    sam.contacts.create({ ...contactBody(client.id, 'Sneaky'), permissions: ['invoices'] }),
  ];
  for (const attempt of attempts) {
    const error = await t.throwsAsync(attempt, { instanceOf: PermissionError });
    t.deepEqual([error.status, error.code], [403, 'admin_required']);
  }
  const unchanged = await ada.contacts.retrieve(contact.id);
  t.deepEqual([unchanged.portal_access, unchanged.permissions], [false, ALL_PERMISSIONS]);
  t.deepEqual(await mailTo(contact.email), []);
  t.deepEqual((await sam.contacts.list({ email: 'sneaky@wayne.example' })).data, []);
  // Details are fine.
  t.is((await sam.contacts.update(contact.id, { phone: '+1 555 0199' })).phone, '+1 555 0199');
});

test('cross-tenant: Bluebird’s admin neither sees nor changes Acme’s clients and contacts (404)', async (t) => {
  const client = await newClient();
  const contact = await ada.contacts.create(contactBody(client.id, 'Private'));
  const calls = [
    bea.clients.retrieve(client.id),
    bea.clients.update(client.id, { name: 'Taken over' }),
    bea.contacts.retrieve(contact.id),
    bea.contacts.update(contact.id, { first_name: 'Mallory' }),
    bea.contacts.setPrimary(contact.id),
    bea.contacts.deactivate(contact.id),
    bea.contacts.enablePortalAccess(contact.id, { send_welcome: true }),
    bea.contacts.disablePortalAccess(contact.id),
  ];
  for (const call of calls) {
    const error = await t.throwsAsync(call, { instanceOf: NotFoundError });
    t.is(error.status, 404);
  }
  const elsewhere = await t.throwsAsync(bea.contacts.create(contactBody(client.id, 'Planted')), {
    instanceOf: ValidationError,
  });
  t.is(elsewhere.code, 'client_not_found');
  t.deepEqual((await bea.contacts.list({ client_id: client.id })).data, []);
  t.deepEqual((await bea.clients.list({ q: client.name })).data, []);
  // Bluebird's credential is not accepted on Acme.
  const wrongFirm = await t.throwsAsync(s.admin('acme', bea.token).contacts.retrieve(contact.id), {
    instanceOf: AuthenticationError,
  });
  t.is(wrongFirm.status, 401);
  const after = await ada.contacts.retrieve(contact.id);
  t.deepEqual(mask(after), mask(contact));
  t.deepEqual(await mailTo(contact.email), []);
});
