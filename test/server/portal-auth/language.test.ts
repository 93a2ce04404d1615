/**
 * The contact's language end to end: the contact sets it (PATCH /portal/me),
 * staff set it (admin contacts), an admin preview may not, and the database
 * lets a portal session change its own row only (contacts_portal_language).
 */
import test from 'ava';
import pg from 'pg';
import { PermissionError, ValidationError } from '../../../sdk/errors.js';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { aClient, aContact, aPortalSession, portalAs } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let acmeId: string;
test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  acmeId = (await s.db.owner('tenants').where({ slug: 'acme' }).first('id')).id;
});
test.after.always(async () => s?.close());

const languageOf = async (contactId: string) =>
  (await s.db.owner('contacts').where({ id: contactId }).first('language')).language as string | null;
const auditOf = (contactId: string, action: string) =>
  s.db
    .owner('audit_events')
    .where({ subject_id: contactId, action })
    .orderBy('occurred_at')
    .select('actor_type', 'actor_id', 'impersonator_id', 'data');

test('a contact chooses their language through portal.updateProfile: the profile answers it, once audited', async (t) => {
  const client = await aClient(s);
  const contact = await aContact(s, { client, password: 'language-test-pass-1' });
  const portal = await portalAs(s, contact, 'language-test-pass-1');
  t.is((await portal.me()).contact.language, null);

  const profile = await portal.updateProfile({ language: 'ar' });
  t.is(profile.contact.language, 'ar');
  t.is(profile.contact.id, contact.id);
  t.is((await portal.me()).contact.language, 'ar');
  t.is((await ada.contacts.retrieve(contact.id)).language, 'ar');
  // The same choice again changes nothing and records nothing.
  await portal.updateProfile({ language: 'ar' });
  t.is((await portal.updateProfile({ language: null })).contact.language, null);
  t.deepEqual(await auditOf(contact.id, 'portal.language_changed'), [
    { actor_type: 'contact', actor_id: contact.id, impersonator_id: null, data: { from: null, to: 'ar' } },
    { actor_type: 'contact', actor_id: contact.id, impersonator_id: null, data: { from: 'ar', to: null } },
  ]);
});

test('a language the portal does not ship is refused with the field named', async (t) => {
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  const error = await t.throwsAsync(portal.updateProfile({ language: 'zh' as never }), { instanceOf: ValidationError });
  t.is(error.status, 400);
  t.deepEqual(
    error.params.map((p) => [p.path, p.code]),
    [['body.language', 'invalid_value']],
  );
});

test('an admin preview cannot change the client’s language: 403 with a sentence, nothing written', async (t) => {
  const client = await aClient(s);
  const contact = await aContact(s, { client, language: 'es' });
  const adaId = (await s.db.owner('staff_users').where({ email: demoStaff.ada.email }).first('id')).id;
  const token = await aPortalSession(s.db, { contact, impersonator: adaId });
  const preview = s.portal('acme', token);
  t.is((await preview.me()).session.kind, 'preview');
  const error = await t.throwsAsync(preview.updateProfile({ language: 'fr' }), { instanceOf: PermissionError });
  t.is(error.status, 403);
  t.is(error.code, 'preview_forbidden');
  t.is(
    error.message,
    "An admin preview cannot change the client's settings: the client chooses their language themselves.",
  );
  t.is(await languageOf(contact.id), 'es');
  t.deepEqual(await auditOf(contact.id, 'portal.language_changed'), []);
});

test('staff set a contact’s language on create and update (null: the firm’s default); the update is audited by field', async (t) => {
  const client = await aClient(s);
  const created = await ada.contacts.create({
    client_id: client.id,
    first_name: 'Sara',
    last_name: 'Haddad',
    email: `sara-${client.number}@language.example`,
    language: 'de',
  });
  t.is(created.language, 'de');
  t.is((await ada.contacts.update(created.id, { language: 'es' })).language, 'es');
  t.is((await ada.contacts.update(created.id, { language: null })).language, null);
  t.is(await languageOf(created.id), null);
  const updates = await auditOf(created.id, 'contact.updated');
  t.deepEqual(
    updates.map((u) => u.data),
    [{ fields: ['language'] }, { fields: ['language'] }],
  );
  // Without language, a create leaves it null.
  const plain = await aContact(s, { client });
  t.is(plain.language, null);
});

/** Statements as the portal role with a contact's session settings, in a transaction rolled back. */
async function asPortalContact<T>(contact: { id: string; client_id: string }, fn: (c: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: s.db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('caseflow.tenant_id', $1, true), set_config('caseflow.client_id', $2, true),
              set_config('caseflow.contact_id', $3, true)`,
      [acmeId, contact.client_id, contact.id],
    );
    await client.query('SET LOCAL ROLE caseflow_portal');
    return await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

test('the wall: a portal session changes its own contact’s language only, not a colleague’s, nor another column', async (t) => {
  const client = await aClient(s);
  const own = await aContact(s, { client });
  const colleague = await aContact(s, { client });
  const set = (id: string) => `UPDATE contacts SET language = 'fr', updated_at = now() WHERE id = '${id}'`;
  t.is(await asPortalContact(own, async (c) => (await c.query(set(colleague.id))).rowCount), 0);
  t.is(await asPortalContact(own, async (c) => (await c.query(set(own.id))).rowCount), 1);
  const denied = await t.throwsAsync(
    asPortalContact(own, (c) => c.query(`UPDATE contacts SET first_name = 'X' WHERE id = '${own.id}'`)),
  );
  t.regex(denied.message, /permission denied for table contacts/);
  // Rolled back: nobody's language changed.
  t.is(await languageOf(own.id), null);
  t.is(await languageOf(colleague.id), null);
});
