import test from 'ava';
import { AuthenticationError } from '../../../sdk/errors.js';
import {
  expireSession,
  idleSession,
  sessionExpiresIn,
  setContact,
  touchSession,
} from '../../helpers/factories/index.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { rawRequest } from '../../helpers/http.js';
import { hasherCalls } from '../../../server/security/passwords.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

const auditActions = async (action: string) =>
  (await s.db.owner('audit_events').where({ action }).select('actor_type')).length;

test('POST /api/v1/portal/auth/login — a portal contact logs in and gets a bearer session and their profile', async (t) => {
  const portal = s.portal('acme');
  const answer = await portal.auth.login(demo.nora);
  t.regex(answer.session.token!, /^cfp_[A-Za-z0-9_-]{43}$/);
  t.is(answer.session.kind, 'login');
  const expires = Date.parse(answer.session.expires_at) - Date.now();
  t.true(expires > 11.9 * 3600_000 && expires <= 12 * 3600_000);
  // The demo's logo, served from the firm's own host under its hash.
  const logo = await s.db
    .owner('tenant_logos')
    .join('tenants', 'tenants.id', 'tenant_logos.tenant_id')
    .where('tenants.slug', 'acme')
    .first('sha256');
  t.deepEqual(
    {
      contact: { ...answer.profile.contact, id: 'x' },
      client: { ...answer.profile.client, id: 'x' },
      firm: answer.profile.firm,
    },
    {
      contact: { id: 'x', first_name: 'Nora', last_name: 'North', email: 'nora@northwind.example', language: null },
      client: { id: 'x', number: 1001, name: 'Northwind Traders' },
      firm: {
        slug: 'acme',
        name: 'Acme Law',
        plan: 'growth',
        locale: 'en-US',
        currency: 'USD',
        timezone: 'America/New_York',
        primary_color: '#1d4ed8',
        logo_url: `/clients/logo/${logo.sha256}.png`,
        payments_enabled: false,
        partial_payment_minimum: null,
      },
    },
  );
  t.deepEqual(answer.profile.permissions, [
    'invoices',
    'estimates',
    'contracts',
    'proposals',
    'documents',
    'vault',
    'matters',
  ]);
  const me = await portal.me();
  t.is(me.contact.email, 'nora@northwind.example');
  t.is(me.session.kind, 'login');
  // Only the hash is stored.
  const stored = await s.db.owner('sessions').orderBy('created_at', 'desc').first();
  t.is(stored.token_hash.length, 32);
  t.false(JSON.stringify(stored).includes(answer.session.token!));
});

test('POST /api/v1/portal/auth/login — the email is matched case-insensitively', async (t) => {
  const answer = await s.portal('acme').auth.login({ email: 'NORA@Northwind.Example', password: demo.nora.password });
  t.is(answer.profile.contact.first_name, 'Nora');
});

test.serial(
  'POST /api/v1/portal/auth/login — wrong password and unknown email get the same answer, both run the hasher, both are audited',
  async (t) => {
    const before = await auditActions('portal.login_failed');
    const verifies = hasherCalls.verify;
    const wrong = await t.throwsAsync(
      s.portal('acme').auth.login({ email: demo.nora.email, password: 'not-the-password' }),
      {
        instanceOf: AuthenticationError,
      },
    );
    t.is(hasherCalls.verify, verifies + 1);
    const unknown = await t.throwsAsync(
      s.portal('acme').auth.login({ email: 'nobody@nowhere.example', password: 'not-the-password' }),
      {
        instanceOf: AuthenticationError,
      },
    );
    t.is(wrong.status, 401);
    t.deepEqual([wrong.status, wrong.code, wrong.message], [unknown.status, unknown.code, unknown.message]);
    t.deepEqual([wrong.code, wrong.message], ['invalid_credentials', 'Email or password is incorrect.']);
    t.is(hasherCalls.verify, verifies + 2);
    t.is(await auditActions('portal.login_failed'), before + 2);
  },
);

test.serial(
  'POST /api/v1/portal/auth/login — a contact without portal access cannot log in, even with a password',
  async (t) => {
    const { password_hash } = await s.db.owner('contacts').where({ email: demo.nora.email }).first();
    await setContact(s, { email: 'ned@northwind.example' }, { password_hash });
    const error = await t.throwsAsync(
      s.portal('acme').auth.login({ email: 'ned@northwind.example', password: demo.nora.password }),
    );
    t.is(error.message, 'Email or password is incorrect.');
  },
);

test.serial('POST /api/v1/portal/auth/logout — the token stops working at once', async (t) => {
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  const token = portal.token!;
  await portal.auth.logout();
  t.is(portal.token, undefined);
  const error = await t.throwsAsync(s.portal('acme', token).me(), { instanceOf: AuthenticationError });
  t.is(error.code, 'session_invalid');
  const audited = await s.db
    .owner('audit_events')
    .where({ action: 'portal.logout' })
    .select('actor_type', 'subject_type');
  t.deepEqual(audited, [{ actor_type: 'contact', subject_type: 'session' }]);
});

test('every login creates a new token', async (t) => {
  const a = await s.portal('acme').auth.login(demo.gina);
  const b = await s.portal('acme').auth.login(demo.gina);
  t.not(a.session.token, b.session.token);
});

test('GET /api/v1/portal/me — without a credential is 401, with a malformed header too', async (t) => {
  const error = await t.throwsAsync(s.portal('acme').me(), { instanceOf: AuthenticationError });
  t.is(error.code, 'authentication_required');
  const res = await fetch(`${s.baseUrl}/api/v1/portal/me`, {
    headers: { 'caseflow-tenant': 'acme', authorization: 'Basic abc' },
  });
  t.is(res.status, 401);
  t.is((await res.json()).error.code, 'invalid_authorization');
});

test('an idle or expired session is refused, checked in the database clock', async (t) => {
  const portal = s.portal('acme');
  await portal.auth.login(demo.gina);
  t.is((await portal.me()).contact.first_name, 'Gina');
  await idleSession(s, portal.token!, '31 minutes');
  await t.throwsAsync(portal.me(), { instanceOf: AuthenticationError });
  // Recently used but past its absolute lifetime: also over.
  await touchSession(s, portal.token!);
  await expireSession(s, portal.token!);
  await t.throwsAsync(portal.me(), { instanceOf: AuthenticationError });
  await sessionExpiresIn(s, portal.token!, '1 hour');
  t.is((await portal.me()).contact.first_name, 'Gina');
});

test('cookie transport: HttpOnly SameSite=Lax cookie; writes need the page’s own Origin and the CSRF header', async (t) => {
  const host = `acme.localhost:${s.server.port}`;
  const origin = `http://${host}`;
  const login = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/login',
    host,
    headers: { origin, 'caseflow-csrf': '1' },
    body: JSON.stringify({ ...demo.nora, transport: 'cookie' }),
  });
  t.is(login.status, 200);
  t.is(login.json().session.token, undefined);
  const cookie = login.headers['set-cookie']![0]!;
  t.regex(cookie, /^caseflow_portal=cfp_[A-Za-z0-9_-]{43}; path=\/; expires=.+; samesite=lax; httponly$/);
  const value = cookie.split(';')[0]!;

  const me = await rawRequest(s.server.port, { path: '/api/v1/portal/me', host, headers: { cookie: value } });
  t.is(me.status, 200);

  const forged = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/logout',
    host,
    headers: { cookie: value, origin: 'https://evil.example', 'caseflow-csrf': '1' },
    body: '{}',
  });
  t.deepEqual([forged.status, forged.json().error.code], [403, 'csrf_failed']);
  const noOrigin = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/logout',
    host,
    headers: { cookie: value, 'caseflow-csrf': '1' },
    body: '{}',
  });
  t.is(noOrigin.status, 403);
  // The right Origin alone is not enough: a same-site form post carries no custom header.
  const noHeader = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/logout',
    host,
    headers: { cookie: value, origin },
    body: '{}',
  });
  t.deepEqual([noHeader.status, noHeader.json().error.code], [403, 'csrf_failed']);

  const logout = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/logout',
    host,
    headers: { cookie: value, origin, 'caseflow-csrf': '1' },
    body: '{}',
  });
  t.is(logout.status, 204);
  t.regex(logout.headers['set-cookie']![0]!, /^caseflow_portal=; path=\/; expires=Thu, 01 Jan 1970/);
  const after = await rawRequest(s.server.port, { path: '/api/v1/portal/me', host, headers: { cookie: value } });
  t.is(after.status, 401);
});

test('a cookie login from another origin is refused (login CSRF)', async (t) => {
  const res = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/login',
    host: `acme.localhost:${s.server.port}`,
    headers: { origin: 'https://evil.example' },
    body: JSON.stringify({ ...demo.nora, transport: 'cookie' }),
  });
  t.is(res.status, 403);
  t.is(res.headers['set-cookie'], undefined);
});
