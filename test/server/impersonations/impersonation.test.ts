import { randomUUID } from 'node:crypto';
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import {
  AuthenticationError,
  ConflictError,
  PermissionError,
  PlanUpgradeRequiredError,
  ValidationError,
  type CaseflowError,
} from '../../../sdk/errors.js';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { tokenHash } from '../../../server/security/tokens.js';
import {
  aClient,
  aContact,
  anApiKey,
  expireLink,
  setPlan,
  setStaff,
  updateFirm,
} from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

// Login as client (DESIGN §2), through the SDK against a real server and database.
// Tests that change shared rows (an admin's role, a firm's plan, announcements)
// are serial; the others each make their own client.

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let adaId: string;
let northwindId: string;

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  sam = await s.staffLogin(demoStaff.sam);
  adaId = (await s.db.owner('staff_users').where({ email: demoStaff.ada.email }).first()).id;
  northwindId = (await s.db.owner('clients').where({ number: 1001 }).first()).id;
});
test.after.always(async () => s?.close());

/** The token of a link on Acme's host (what the hosted page reads from the fragment). */
function tokenOf(url: string): string {
  const pattern = new RegExp(
    `^http://acme\\.localhost:${s.server.port}/clients/impersonate#token=(cfl_[A-Za-z0-9_-]{43})$`,
  );
  const match = pattern.exec(url);
  if (!match) throw new Error(`unexpected link ${url}`);
  return match[1]!;
}

/** A new client of Acme whose primary contact has no portal access (as before onboarding). */
async function newClient(options: { primary?: boolean } = {}) {
  const client = await aClient(s, { admin: ada });
  const contact = await aContact(s, { admin: ada, client, first_name: 'Pia', is_primary: options.primary ?? true });
  return { client, contact };
}

const previewSessions = (contactId: string) =>
  s.db.owner('sessions').where({ contact_id: contactId, kind: 'preview' }).count<{ count: string }[]>('* as count');
const countPreviews = async (contactId: string) => Number((await previewSessions(contactId))[0]!.count);

async function refusal(promise: PromiseLike<unknown>): Promise<CaseflowError> {
  try {
    await promise;
  } catch (error) {
    return error as CaseflowError;
  }
  throw new Error('expected a refusal');
}

test('an admin gets a single-use link on the firm’s host, stored hashed, valid for 2 minutes, audited with the reason', async (t) => {
  const { client, contact } = await newClient();
  const link = await ada.impersonations.create(client.id, { reason: 'check the onboarding' });
  const token = tokenOf(link.url);
  t.deepEqual(link.contact, { id: contact.id, first_name: 'Pia', last_name: contact.last_name });
  t.deepEqual(link.client, { id: client.id, number: client.number, name: client.name });
  const row = await s.db
    .owner('one_time_tokens')
    .where({ token_hash: tokenHash(token) })
    .first();
  t.like(row, {
    purpose: 'impersonation',
    contact_id: contact.id,
    impersonator_id: adaId,
    reason: 'check the onboarding',
  });
  t.is(row.used_at, null);
  t.is(new Date(link.expires_at).getTime(), row.expires_at.getTime());
  t.is(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 1000), 120);
  t.is(await s.db.owner('one_time_tokens').where({ token_hash: token }).first(), undefined);
  const [audit] = await s.db
    .owner('audit_events')
    .where({ action: 'impersonation.link_created', subject_id: contact.id })
    .select('actor_type', 'actor_id', 'subject_type', 'data');
  t.like(audit, { actor_type: 'staff', actor_id: adaId, subject_type: 'contact' });
  t.like(audit.data, { client_id: client.id, reason: 'check the onboarding', impersonator_id: adaId });
});

test('an admin-role API key may ask for a link: the audit names the key, the preview the admin who made it', async (t) => {
  const { client, contact } = await newClient();
  const key = await ada.apiKeys.create({ name: `preview key ${randomUUID().slice(0, 6)}`, role: 'admin' });
  const link = await s.admin('acme', key.secret).impersonations.create(client.id);
  const [audit] = await s.db
    .owner('audit_events')
    .where({ action: 'impersonation.link_created', subject_id: contact.id })
    .select('actor_type', 'actor_id', 'data');
  t.like(audit, { actor_type: 'api_key', actor_id: key.id });
  t.like(audit.data, { reason: null, impersonator_id: adaId });
  const { profile } = await s.portal('acme').auth.redeemImpersonation({ token: tokenOf(link.url) });
  t.deepEqual(profile.session.impersonator, { id: adaId, name: 'Ada Admin' });
});

test('an admin key that no current admin created is refused: 409 no_admin_behind_key', async (t) => {
  const { client } = await newClient();
  const { token: secret } = await anApiKey(s, { firm: 'acme', role: 'admin', name: 'made by a script' });
  const error = await refusal(s.admin('acme', secret).impersonations.create(client.id));
  t.true(error instanceof ConflictError);
  t.is(error.code, 'no_admin_behind_key');
});

test('staff are refused (403 admin_required), as are staff-role API keys, even one with every scope', async (t) => {
  const { client } = await newClient();
  const staffKey = (await ada.apiKeys.create({ name: 'staff key', role: 'staff' })).secret;
  const mintKey = (await ada.apiKeys.create({ name: 'mint key', role: 'staff', scopes: ['portal_sessions:mint'] }))
    .secret;
  for (const caller of [sam, s.admin('acme', staffKey), s.admin('acme', mintKey)]) {
    const error = await refusal(caller.impersonations.create(client.id, { reason: 'let me in' }));
    t.true(error instanceof PermissionError);
    t.is(error.code, 'admin_required');
    t.is(error.message, 'Only firm admins may do this.');
  }
  t.is(await s.db.owner('one_time_tokens').where({ purpose: 'impersonation', reason: 'let me in' }).first(), undefined);
});

test('a client without a primary contact: 409 no_primary_contact, telling the admin to mark one first', async (t) => {
  const { client } = await newClient({ primary: false });
  const error = await refusal(ada.impersonations.create(client.id));
  t.true(error instanceof ConflictError);
  t.is(error.code, 'no_primary_contact');
  t.is(
    error.message,
    `Client ${client.number} ${client.name} has no primary contact. Mark one of its contacts as primary first ` +
      '(`caseflow contacts set-primary <email>`), then ask for the link again.',
  );
});

test('an inactive primary contact: 409 primary_contact_inactive', async (t) => {
  const { client, contact } = await newClient();
  await ada.contacts.deactivate(contact.id);
  const error = await refusal(ada.impersonations.create(client.id));
  t.true(error instanceof ConflictError);
  t.is(error.code, 'primary_contact_inactive');
  t.is(
    error.message,
    `Pia ${contact.last_name}, the primary contact of Client ${client.number} ${client.name}, is deactivated. ` +
      'Reactivate them, or mark an active contact as primary, then ask for the link again.',
  );
});

test('unknown client → 404; another firm’s client → 404; unknown fields → 400', async (t) => {
  t.is((await refusal(ada.impersonations.create(randomUUID()))).code, 'resource_missing');
  const initech = await s.db.owner('clients').where({ number: 2001 }).first();
  t.is((await refusal(ada.impersonations.create(initech.id))).code, 'resource_missing');
  const bad = await refusal(ada.impersonations.create(northwindId, { reason: 'x', extra: 1 } as never));
  t.true(bad instanceof ValidationError);
  t.is((await refusal(ada.impersonations.create(northwindId, { reason: '' }))).code, 'validation_failed');
});

test('the link works once and opens a preview session for the primary contact, without portal access', async (t) => {
  const { client, contact } = await newClient();
  t.false((await ada.contacts.retrieve(contact.id)).portal_access);
  const token = tokenOf((await ada.impersonations.create(client.id, { reason: 'first look' })).url);
  const portal = s.portal('acme');
  const answer = await portal.auth.redeemImpersonation({ token });
  t.is(answer.session.kind, 'preview');
  t.regex(answer.session.token!, /^cfp_/);
  t.is(answer.profile.contact.id, contact.id);
  t.deepEqual(answer.profile.session.impersonator, { id: adaId, name: 'Ada Admin' });
  const me = await portal.me(); // the SDK keeps the preview token
  t.like(me.session, { kind: 'preview', impersonator: { id: adaId, name: 'Ada Admin' } });
  t.is(me.client.id, client.id);

  const row = await s.db
    .owner('sessions')
    .where({ token_hash: tokenHash(answer.session.token!) })
    .first();
  t.like(row, { kind: 'preview', audience: 'portal', contact_id: contact.id, impersonator_id: adaId });
  t.is(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 1000), 3600);
  const [started] = await s.db
    .owner('audit_events')
    .where({ action: 'impersonation.started', subject_id: contact.id })
    .select('actor_type', 'actor_id', 'data');
  t.like(started, { actor_type: 'staff', actor_id: adaId });
  t.like(started.data, { reason: 'first look', session_id: row.id });

  const again = await refusal(s.portal('acme').auth.redeemImpersonation({ token }));
  t.true(again instanceof ValidationError);
  t.is(again.code, 'link_invalid');
  t.is(again.message, 'This link has expired or was already used. Ask for a new one.');
  t.is(await countPreviews(contact.id), 1);
});

test('redemption answers the token in the body and sets no cookie (a cookie session in the browser stays as it is)', async (t) => {
  const { client } = await newClient();
  const token = tokenOf((await ada.impersonations.create(client.id)).url);
  const res = await fetch(`${s.baseUrl}/api/v1/portal/auth/impersonation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'caseflow-tenant': 'acme' },
    body: JSON.stringify({ token }),
  });
  t.is(res.status, 200);
  t.is(res.headers.get('set-cookie'), null);
  t.regex(((await res.json()) as { session: { token: string } }).session.token, /^cfp_/);
});

test('an expired link fails and opens nothing', async (t) => {
  const { client, contact } = await newClient();
  const token = tokenOf((await ada.impersonations.create(client.id)).url);
  await expireLink(s, token);
  t.is((await refusal(s.portal('acme').auth.redeemImpersonation({ token }))).code, 'link_invalid');
  t.is(await countPreviews(contact.id), 0);
});

test('a link redeemed on another firm’s host fails, opens nothing and stays unspent', async (t) => {
  const { client, contact } = await newClient();
  const token = tokenOf((await ada.impersonations.create(client.id)).url);
  t.is((await refusal(s.portal('bluebird').auth.redeemImpersonation({ token }))).code, 'link_invalid');
  t.is(await countPreviews(contact.id), 0);
  const row = await s.db
    .owner('one_time_tokens')
    .where({ token_hash: tokenHash(token) })
    .first();
  t.is(row.used_at, null);
  await s.portal('acme').auth.redeemImpersonation({ token });
  t.is(await countPreviews(contact.id), 1);
});

test('two links of one client make two separate previews; a welcome email does not kill an open link', async (t) => {
  const { client, contact } = await newClient();
  const first = tokenOf((await ada.impersonations.create(client.id)).url);
  const second = tokenOf((await ada.impersonations.create(client.id)).url);
  await ada.contacts.enablePortalAccess(contact.id, { send_welcome: true });
  const a = await s.portal('acme').auth.redeemImpersonation({ token: first });
  const b = await s.portal('acme').auth.redeemImpersonation({ token: second });
  t.not(a.session.token, b.session.token);
  t.is(await countPreviews(contact.id), 2);
});

test('the admin’s own staff session still works after redemption; the preview token opens no admin endpoint', async (t) => {
  const { client } = await newClient();
  const { session } = await s.portal('acme').auth.redeemImpersonation({
    token: tokenOf((await ada.impersonations.create(client.id)).url),
  });
  t.is((await ada.me()).principal.id, adaId);
  const statuses: Record<string, number> = {};
  for (const [name, e] of Object.entries(endpoints)) {
    if (e.audience !== 'admin' || !e.authenticated) continue;
    const path = e.path.replace(/:\w+/g, randomUUID());
    const res = await fetch(`${s.baseUrl}/api/v1${path}`, {
      method: e.method,
      headers: { authorization: `Bearer ${session.token}`, 'caseflow-tenant': 'acme' },
    });
    await res.arrayBuffer();
    statuses[name] = res.status;
  }
  t.true(Object.keys(statuses).length > 10);
  t.deepEqual(
    Object.entries(statuses).filter(([, status]) => status !== 401),
    [],
  );
});

test.serial('the link is built on the firm’s configured public URL, never the request’s host', async (t) => {
  const { client } = await newClient();
  await updateFirm(s, 'acme', { public_url: 'https://portal.acme-law.example' });
  try {
    const { url } = await ada.impersonations.create(client.id);
    t.regex(url, /^https:\/\/portal\.acme-law\.example\/clients\/impersonate#token=cfl_[A-Za-z0-9_-]{43}$/);
  } finally {
    await updateFirm(s, 'acme', { public_url: null });
  }
});

test.serial('the preview stops when the admin is demoted or deactivated, or the contact deactivated', async (t) => {
  const { client, contact } = await newClient();
  const open = async () =>
    s.portal(
      'acme',
      (
        await s
          .portal('acme')
          .auth.redeemImpersonation({ token: tokenOf((await ada.impersonations.create(client.id)).url) })
      ).session.token,
    );
  const demoted = await open();
  await setStaff(s, adaId, { role: 'staff' });
  try {
    t.true((await refusal(demoted.me())) instanceof AuthenticationError);
  } finally {
    await setStaff(s, adaId, { role: 'admin' });
  }

  const deactivated = await open();
  await setStaff(s, adaId, { active: false });
  try {
    t.true((await refusal(deactivated.me())) instanceof AuthenticationError);
  } finally {
    await setStaff(s, adaId, { active: true });
    ada = await s.staffLogin(demoStaff.ada); // deactivation ended Ada's staff sessions
  }

  const contactGone = await open();
  t.is((await contactGone.me()).contact.id, contact.id);
  await ada.contacts.deactivate(contact.id);
  t.true((await refusal(contactGone.me())) instanceof AuthenticationError);
  await ada.contacts.reactivate(contact.id);
  t.true((await refusal(contactGone.me())) instanceof AuthenticationError);
});

test.serial('a link whose admin was demoted before it was opened fails and opens nothing', async (t) => {
  const { client, contact } = await newClient();
  const token = tokenOf((await ada.impersonations.create(client.id)).url);
  await setStaff(s, adaId, { role: 'staff' });
  try {
    t.is((await refusal(s.portal('acme').auth.redeemImpersonation({ token }))).code, 'link_invalid');
  } finally {
    await setStaff(s, adaId, { role: 'admin' });
  }
  t.is(await countPreviews(contact.id), 0);
});

test('revoking the admin API key that asked for a link ends its preview', async (t) => {
  const { client } = await newClient();
  const key = await ada.apiKeys.create({ name: 'revoked preview key', role: 'admin' });
  const link = await s.admin('acme', key.secret).impersonations.create(client.id);
  const preview = s.portal('acme');
  await preview.auth.redeemImpersonation({ token: tokenOf(link.url) });
  t.is((await preview.me()).session.kind, 'preview');
  await ada.apiKeys.revoke(key.id);
  t.true((await refusal(preview.me())) instanceof AuthenticationError);
});

test('a password change in the preview is refused: 403 preview_forbidden', async (t) => {
  const { client } = await newClient();
  const preview = s.portal('acme');
  await preview.auth.redeemImpersonation({ token: tokenOf((await ada.impersonations.create(client.id)).url) });
  const error = await refusal(
    preview.auth.changePassword({ current_password: 'whatever', new_password: 'a-new-password-9' }),
  );
  t.true(error instanceof PermissionError);
  t.is(error.code, 'preview_forbidden');
});

test.serial('redemption marks every published announcement read for that contact, and for no one else', async (t) => {
  const first = await ada.announcements.create({ title: 'Office move', body: 'We move on Monday.', publish: true });
  const second = await ada.announcements.create({ title: 'Holidays', body: 'Closed on the 24th.', publish: true });
  const draft = await ada.announcements.create({ title: 'Draft', body: 'Not yet.' });
  const nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  const before = await nora.announcements.list().toArray();
  t.deepEqual(
    before.filter((a) => [first.id, second.id].includes(a.id)).map((a) => a.read_at),
    [null, null],
  );
  const noraId = (await nora.me()).contact.id;

  await s.portal('acme').auth.redeemImpersonation({
    token: tokenOf((await ada.impersonations.create(northwindId)).url),
  });
  const published = (await ada.announcements.list({ limit: 100 }).toArray()).filter((a) => a.published_at);
  const reads = await s.db.owner('announcement_reads').where({ contact_id: noraId }).pluck('announcement_id');
  t.deepEqual(reads.sort(), published.map((a) => a.id).sort());
  t.false(reads.includes(draft.id));
  const after = await nora.announcements.list().toArray();
  t.true(after.every((a) => a.read_at !== null));

  const gina = s.portal('acme');
  await gina.auth.login(demo.gina);
  t.true((await gina.announcements.list().toArray()).every((a) => a.read_at === null));
  const ned = await s.db.owner('contacts').where({ email: 'ned@northwind.example' }).first();
  t.deepEqual(await s.db.owner('announcement_reads').where({ contact_id: ned.id }).pluck('announcement_id'), []);
});

test.serial('a write in the preview is audited with the contact as actor and the admin as impersonator', async (t) => {
  const preview = s.portal('acme');
  const { profile } = await preview.auth.redeemImpersonation({
    token: tokenOf((await ada.impersonations.create(northwindId)).url),
  });
  const sessionId = (
    await s.db
      .owner('sessions')
      .where({ kind: 'preview', contact_id: profile.contact.id })
      .orderBy('created_at', 'desc')
      .first()
  ).id;
  await preview.auth.logout();
  // Read back as admins read the trail: through the audit API.
  const rows = await ada.auditEvents.list({ action: 'portal.logout', subject_id: sessionId }).toArray();
  t.deepEqual(
    rows.map((e) => [e.actor, e.impersonator_id, e.subject]),
    [[{ type: 'contact', id: profile.contact.id }, adaId, { type: 'session', id: sessionId }]],
  );
  const [started] = (await ada.auditEvents.list({ action: 'impersonation.started', subject_id: profile.contact.id }))
    .data;
  t.like(started, { actor: { type: 'staff', id: adaId }, subject: { type: 'contact', id: profile.contact.id } });
});

test.serial('solo plan: the preview opens and /me works, the portal’s features answer 402', async (t) => {
  await setPlan(s, 'bluebird', 'solo');
  try {
    const bea = await s.staffLogin(demoStaff.bea);
    const initech = await s.db.owner('clients').where({ number: 2001 }).first();
    const link = await bea.impersonations.create(initech.id);
    const preview = s.portal('bluebird');
    const answer = await preview.auth.redeemImpersonation({ token: new URL(link.url).hash.slice('#token='.length) });
    t.is(answer.profile.firm.plan, 'solo');
    t.is((await preview.me()).session.kind, 'preview');
    for (const call of [preview.invoices.list(), preview.announcements.list()]) {
      const error = await refusal(call);
      t.true(error instanceof PlanUpgradeRequiredError);
      t.is(error.status, 402);
    }
  } finally {
    await setPlan(s, 'bluebird', 'growth');
  }
});
