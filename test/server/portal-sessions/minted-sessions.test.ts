import test from 'ava';
import { AuthenticationError, ConflictError, PermissionError } from '../../../sdk/errors.js';
import { setContact } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ env: { MINTED_SESSION_SECONDS: '900' } });
});
test.after.always(async () => s?.close());

const contactId = async (email: string) => (await s.db.owner('contacts').where({ email }).first()).id as string;

test('an admin key mints a short-lived portal session that works in the portal and is audited beside the contact', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const key = await ada.apiKeys.create({ name: 'sso', role: 'admin' });
  const nora = await contactId(demo.nora.email);
  const minted = await s.admin('acme', key.secret).portalSessions.create({ contact_id: nora });
  t.regex(minted.token, /^cfp_[A-Za-z0-9_-]{43}$/);
  t.is(minted.kind, 'minted');
  t.is(minted.contact_id, nora);
  const lifetime = Date.parse(minted.expires_at) - Date.now();
  t.true(lifetime > 890_000 && lifetime <= 900_000);
  const portal = s.portal('acme', minted.token);
  const me = await portal.me();
  t.is(me.session.kind, 'minted');
  t.is(me.contact.email, demo.nora.email);
  await portal.auth.logout();
  const [logout] = await s.db
    .owner('audit_events')
    .where({ action: 'portal.logout', actor_id: nora })
    .select('actor_type', 'minted_by_type', 'minted_by_id');
  t.deepEqual(logout, { actor_type: 'contact', minted_by_type: 'api_key', minted_by_id: key.id });
  const [mint] = await s.db
    .owner('audit_events')
    .where({ action: 'portal_session.minted', actor_id: key.id })
    .select('actor_type', 'actor_id', 'subject_id');
  t.deepEqual(mint, { actor_type: 'api_key', actor_id: key.id, subject_id: nora });
});

test('a staff user and a staff key are refused (403); a staff key with the mint scope may', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const sam = await s.staffLogin(demoStaff.sam);
  const nora = await contactId(demo.nora.email);
  const staffKey = await ada.apiKeys.create({ name: 'plain staff', role: 'staff' });
  const scoped = await ada.apiKeys.create({ name: 'sso only', role: 'staff', scopes: ['portal_sessions:mint'] });
  for (const client of [sam, s.admin('acme', staffKey.secret)]) {
    const error = await t.throwsAsync(client.portalSessions.create({ contact_id: nora }));
    t.true(error instanceof PermissionError);
    t.is((error as PermissionError).code, 'admin_required');
  }
  const minted = await s.admin('acme', scoped.secret).portalSessions.create({ contact_id: nora });
  t.is((await s.portal('acme', minted.token).me()).contact.email, demo.nora.email);
});

test('only for an active contact with portal access, of this firm', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const ned = await contactId('ned@northwind.example'); // no portal access
  const ian = await contactId(demo.ian.email); // another firm
  for (const id of [ned, ian]) {
    const error = await t.throwsAsync(ada.portalSessions.create({ contact_id: id }));
    t.true(error instanceof ConflictError);
    t.is((error as ConflictError).code, 'contact_not_eligible');
  }
  const gina = await contactId(demo.gina.email);
  const minted = await ada.portalSessions.create({ contact_id: gina });
  await setContact(s, gina, { portal_access: false });
  await t.throwsAsync(s.portal('acme', minted.token).me(), { instanceOf: AuthenticationError });
  await setContact(s, gina, { portal_access: true });
  // Revoked on access removal, not merely hidden: turning access back on does not revive it.
  await t.throwsAsync(s.portal('acme', minted.token).me(), { instanceOf: AuthenticationError });
});
