import test from 'ava';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ env: { LOGIN_FAILURES_PER_ACCOUNT_IP: '3', LOGIN_FAILURES_PER_IP: '100' } });
});
test.after.always(async () => s?.close());

async function changePassword(token: string, current: string, next = 'a-brand-new-passphrase-2026') {
  const res = await fetch(`${s.baseUrl}/api/v1/portal/auth/change-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'caseflow-tenant': 'acme', authorization: `Bearer ${token}` },
    body: JSON.stringify({ current_password: current, new_password: next }),
  });
  const body = res.status === 204 ? null : await res.json();
  return {
    status: res.status,
    code: body?.error?.code as string | undefined,
    retryAfter: res.headers.get('retry-after'),
  };
}

test.serial(
  'wrong current passwords are throttled like logins: the 4th attempt is 429 with Retry-After, even when right, and each failure is audited',
  async (t) => {
    const portal = s.portal('acme');
    await portal.auth.login(demo.nora);
    const contactId = (await s.db.owner('contacts').where({ email: demo.nora.email }).first()).id;
    for (let i = 0; i < 3; i++) {
      const wrong = await changePassword(portal.token!, `wrong-guess-${i}`);
      t.deepEqual([wrong.status, wrong.code], [400, 'invalid_current_password']);
    }
    const blocked = await changePassword(portal.token!, demo.nora.password);
    t.is(blocked.status, 429);
    t.is(blocked.code, 'too_many_attempts');
    const retryAfter = Number(blocked.retryAfter);
    t.true(retryAfter > 890 && retryAfter <= 900, `Retry-After ${blocked.retryAfter}`);

    const audit = await s.db.owner('audit_events').where({ action: 'portal.password_change_failed' });
    t.is(audit.length, 3);
    t.like(audit[0], { actor_type: 'contact', actor_id: contactId, subject_type: 'contact', subject_id: contactId });
    t.is((await s.db.owner('audit_events').where({ action: 'portal.password_changed' })).length, 0);
    // The password did not change: the old one still logs in.
    await t.notThrowsAsync(s.portal('acme').auth.login(demo.nora));
  },
);

test.serial('a successful change clears the contact’s failures', async (t) => {
  const portal = s.portal('acme');
  await portal.auth.login(demo.gina);
  for (let i = 0; i < 2; i++) t.is((await changePassword(portal.token!, 'wrong')).status, 400);
  const next = 'globex-changed-passphrase-2026';
  t.is((await changePassword(portal.token!, demo.gina.password, next)).status, 204);
  for (let i = 0; i < 2; i++) t.is((await changePassword(portal.token!, 'wrong')).status, 400);
  t.is((await changePassword(portal.token!, next, demo.gina.password)).status, 204);
});
