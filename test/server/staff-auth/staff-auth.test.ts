import test from 'ava';
import { AuthenticationError, ConflictError, PermissionError, ValidationError } from '../../../sdk/errors.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { linkToken, startSmtp, type TestSmtp } from '../../helpers/smtp.js';

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

test('staff login answers a bearer session token and the user; /admin/me tells who it is', async (t) => {
  const admin = s.admin('acme');
  const answer = await admin.auth.login({ email: demoStaff.ada.email, password: demoStaff.ada.password });
  t.regex(answer.token, /^cfs_[A-Za-z0-9_-]{43}$/);
  t.like(answer.user, {
    email: 'ada@acme-law.example',
    first_name: 'Ada',
    last_name: 'Admin',
    role: 'admin',
    active: true,
  });
  const me = await admin.me();
  t.deepEqual(me, {
    principal: {
      type: 'staff',
      id: answer.user.id,
      role: 'admin',
      scopes: [],
      name: 'Ada Admin',
      email: 'ada@acme-law.example',
    },
    firm: { slug: 'acme', name: 'Acme Law', plan: 'growth', currency: 'USD' },
  });
});

test('staff login: wrong password and unknown email get the same 401; a portal token is no staff token', async (t) => {
  const wrong = await t.throwsAsync(s.admin('acme').auth.login({ email: demoStaff.ada.email, password: 'nope-nope' }));
  const unknown = await t.throwsAsync(
    s.admin('acme').auth.login({ email: 'who@acme-law.example', password: 'nope-nope' }),
  );
  t.deepEqual(
    [wrong!.message, (wrong as AuthenticationError).code],
    [unknown!.message, (unknown as AuthenticationError).code],
  );
  t.is(wrong!.message, 'Email or password is incorrect.');
  const portal = await s.portal('acme').auth.login(demo.nora);
  const error = await t.throwsAsync(s.admin('acme', portal.session.token).me());
  t.true(error instanceof AuthenticationError);
  t.is((error as AuthenticationError).code, 'invalid_credential');
});

test('a staff token is bound to its firm: used with another firm it is refused', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  await t.throwsAsync(s.admin('bluebird', ada.token).me(), { instanceOf: AuthenticationError });
});

test('staff logout revokes the session server-side at once; API keys have no session to end', async (t) => {
  const sam = await s.staffLogin(demoStaff.sam);
  const token = sam.token!;
  await sam.auth.logout();
  await t.throwsAsync(s.admin('acme', token).me(), { instanceOf: AuthenticationError });
  const ada = await s.staffLogin(demoStaff.ada);
  const key = await ada.apiKeys.create({ name: 'logout probe', role: 'staff' });
  const error = await t.throwsAsync(s.admin('acme', key.secret).auth.logout());
  t.true(error instanceof ValidationError);
  t.is((error as ValidationError).code, 'not_a_session');
});

test('API keys: the secret is shown once and stored hashed; a revoked key stops working at once', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const created = await ada.apiKeys.create({ name: 'billing sync', role: 'staff' });
  t.regex(created.secret, /^cfa_[A-Za-z0-9_-]{43}$/);
  t.is(created.prefix, created.secret.slice(0, 12));
  t.like(created, { name: 'billing sync', role: 'staff', scopes: [], last_used_at: null, revoked_at: null });
  const stored = await s.db.owner('api_keys').where({ id: created.id }).first();
  t.is(stored.key_hash.length, 32);
  t.false(JSON.stringify(stored).includes(created.secret));

  const keyClient = s.admin('acme', created.secret);
  const me = await keyClient.me();
  t.deepEqual(me.principal, {
    type: 'api_key',
    id: created.id,
    role: 'staff',
    scopes: [],
    name: 'billing sync',
    email: null,
  });
  const listed = await ada.apiKeys.list();
  const row = listed.data.find((k) => k.id === created.id)!;
  t.is('secret' in row, false);
  t.not(row.last_used_at, null);

  const revoked = await ada.apiKeys.revoke(created.id);
  t.not(revoked.revoked_at, null);
  const error = await t.throwsAsync(keyClient.me());
  t.is((error as AuthenticationError).code, 'invalid_api_key');
  const audit = await s.db
    .owner('audit_events')
    .whereIn('action', ['api_key.created', 'api_key.revoked'])
    .where({ subject_id: created.id })
    .orderBy('occurred_at')
    .select('action', 'actor_type');
  t.deepEqual(audit, [
    { action: 'api_key.created', actor_type: 'staff' },
    { action: 'api_key.revoked', actor_type: 'staff' },
  ]);
});

test('only admins manage API keys, staff and the audit trail: staff users and staff keys get 403', async (t) => {
  const sam = await s.staffLogin(demoStaff.sam);
  for (const call of [
    () => sam.apiKeys.list(),
    () => sam.apiKeys.create({ name: 'x', role: 'admin' }),
    () => sam.auditEvents.list(),
    () => sam.staff.invite({ email: 'x@acme-law.example', first_name: 'X', last_name: 'Y', role: 'admin' }),
  ]) {
    const error = await t.throwsAsync(call());
    t.true(error instanceof PermissionError);
    t.is((error as PermissionError).code, 'admin_required');
  }
});

test('staff invite: the email carries a single-use link on the firm host; the new user sets a password and logs in', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const invited = await ada.staff.invite({
    email: 'Lee@Acme-Law.example',
    first_name: 'Lee',
    last_name: 'Legal',
    role: 'staff',
  });
  t.like(invited, { email: 'lee@acme-law.example', role: 'staff', active: true });
  await s.server.jobs.drain();
  const mail = await smtp.waitFor('lee@acme-law.example');
  t.is(mail.subject, "You're invited to Acme Law on CaseFlow");
  t.regex(mail.text, new RegExp(`http://acme\\.localhost:${s.server.port}/staff/set-password#token=cfl_`));
  const token = linkToken(mail);
  t.deepEqual(await s.admin('acme').auth.setPassword({ token, password: 'lee-legal-password' }), {
    email: 'lee@acme-law.example',
  });
  await t.throwsAsync(s.admin('acme').auth.setPassword({ token, password: 'lee-legal-password-2' }));
  const lee = await s.staffLogin({ firm: 'acme', email: 'lee@acme-law.example', password: 'lee-legal-password' });
  t.is((await lee.me()).principal.role, 'staff');
  // A contact link is not a staff link, and the other way round.
  await t.throwsAsync(s.portal('acme').auth.setPassword({ token, password: 'lee-legal-password' }));
  const dup = await t.throwsAsync(
    ada.staff.invite({ email: 'lee@acme-law.example', first_name: 'L', last_name: 'L', role: 'staff' }),
  );
  t.true(dup instanceof ConflictError);
});

test('deactivating or demoting a staff user: sessions end at once on deactivation; admins cannot lock themselves out', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const [me] = [(await ada.me()).principal];
  const self = await t.throwsAsync(ada.staff.update(me.id, { active: false }));
  t.is((self as ConflictError).code, 'cannot_change_self');
  const invited = await ada.staff.invite({
    email: 'tmp@acme-law.example',
    first_name: 'Tim',
    last_name: 'Temp',
    role: 'admin',
  });
  await s.db.owner.raw(
    `UPDATE staff_users SET password_hash = (SELECT password_hash FROM staff_users WHERE email = 'ada@acme-law.example') WHERE id = ?`,
    [invited.id],
  );
  const tim = await s.staffLogin({ firm: 'acme', email: 'tmp@acme-law.example', password: demoStaff.ada.password });
  t.is((await tim.me()).principal.role, 'admin');
  const demoted = await ada.staff.update(invited.id, { role: 'staff' });
  t.is(demoted.role, 'staff');
  t.is((await tim.me()).principal.role, 'staff');
  await ada.staff.update(invited.id, { active: false });
  await t.throwsAsync(tim.me(), { instanceOf: AuthenticationError });
  const actions = await s.db
    .owner('audit_events')
    .where({ subject_id: invited.id })
    .orderBy('occurred_at')
    .pluck('action');
  t.deepEqual(actions, ['staff.invited', 'staff.role_changed', 'staff.deactivated']);
});

test('audit trail: admins filter by action, actor and subject, newest first, with keyset pagination', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  for (let i = 0; i < 3; i++)
    await t.throwsAsync(s.portal('acme').auth.login({ email: demo.gina.email, password: `bad-${i}` }));
  const failed = await ada.auditEvents.list({ action: 'portal.login_failed', limit: 2 });
  t.is(failed.data.length, 2);
  t.true(failed.has_more);
  const rest = await ada.auditEvents.list({
    action: 'portal.login_failed',
    limit: 2,
    starting_after: failed.next_cursor!,
  });
  const all = [...failed.data, ...rest.data];
  t.is(new Set(all.map((e) => e.id)).size, all.length);
  t.true(all.every((e) => e.action === 'portal.login_failed' && e.actor.type === 'anonymous' && e.ip === '127.0.0.1'));
  const times = all.map((e) => e.occurred_at);
  t.deepEqual(times, [...times].sort().reverse());
  const me = (await ada.me()).principal;
  const mine = await ada.auditEvents.list({ actor_id: me.id, action: 'staff.login_succeeded' });
  t.true(mine.data.length >= 1);
  t.true(mine.data.every((e) => e.actor.id === me.id && e.actor.type === 'staff'));
  const future = await ada.auditEvents.list({ since: new Date(Date.now() + 3600_000).toISOString() });
  t.deepEqual(future, { data: [], has_more: false, next_cursor: null });
  const bad = await t.throwsAsync(ada.auditEvents.list({ action: 'DROP TABLE' }));
  t.true(bad instanceof ValidationError);
  // Another firm's admin sees none of Acme's events.
  const bea = await s.staffLogin(demoStaff.bea);
  t.deepEqual((await bea.auditEvents.list({ action: 'staff.invited' })).data, []);
});

test('resend invite: a new link replaces the old one; a staff user who lost their password gets back in; not for the deactivated', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const email = 'lost@acme-law.example';
  const nextLink = async () => {
    await s.server.jobs.drain();
    const mail = smtp.messages.filter((m) => m.to.includes(email)).pop();
    return linkToken(mail!);
  };
  const lost = await ada.staff.invite({ email, first_name: 'Lou', last_name: 'Lost', role: 'staff' });
  await s.admin('acme').auth.setPassword({ token: await nextLink(), password: 'first-password-1' });

  t.like(await ada.staff.resendInvite(lost.id), { id: lost.id, email });
  const old = await nextLink();
  await ada.staff.resendInvite(lost.id);
  const fresh = await nextLink();
  t.not(old, fresh);
  const refused = await t.throwsAsync(s.admin('acme').auth.setPassword({ token: old, password: 'second-password-2' }));
  t.is((refused as ValidationError).code, 'link_invalid');
  // Until the new link is used, the old password still works.
  const before = await s.staffLogin({ firm: 'acme', email, password: 'first-password-1' });
  await s.admin('acme').auth.setPassword({ token: fresh, password: 'second-password-2' });
  await t.throwsAsync(before.me(), { instanceOf: AuthenticationError });
  const back = await s.staffLogin({ firm: 'acme', email, password: 'second-password-2' });
  t.is((await back.me()).principal.email, email);

  await ada.staff.update(lost.id, { active: false });
  const inactive = await t.throwsAsync(ada.staff.resendInvite(lost.id));
  t.is((inactive as ConflictError).code, 'staff_user_inactive');
  const actions = await s.db
    .owner('audit_events')
    .where({ subject_id: lost.id })
    .orderBy('occurred_at')
    .pluck('action');
  t.deepEqual(actions, [
    'staff.invited',
    'staff.password_set',
    'staff.invite_resent',
    'staff.invite_resent',
    'staff.password_set',
    'staff.deactivated',
  ]);
});
