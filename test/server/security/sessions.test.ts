import test from 'ava';
import { AuthenticationError } from '../../../sdk/errors.js';
import { tokenHash } from '../../../server/security/tokens.js';
import { aPortalSession, expireSession, idleSession, setContact, setStaff } from '../../helpers/factories/index.js';
import { rawRequest } from '../../helpers/http.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ env: { SESSION_IDLE_SECONDS: '600', SESSION_ABSOLUTE_SECONDS: '7200' } });
});
test.after.always(async () => s?.close());

const session = (token: string) => s.db.owner('sessions').where({ token_hash: tokenHash(token) });

test('portal sessions carry the configured idle and absolute timeouts', async (t) => {
  const { session: created } = await s.portal('acme').auth.login(demo.nora);
  const [row] = await session(created.token!).select(
    s.db.owner.raw('extract(epoch FROM idle_timeout)::int AS idle'),
    s.db.owner.raw('round(extract(epoch FROM expires_at - created_at))::int AS absolute'),
  );
  t.deepEqual(row, { idle: 600, absolute: 7200 });
});

test('idle expiry: a session unused for longer than the idle timeout is refused; used recently it slides', async (t) => {
  const { session: created } = await s.portal('acme').auth.login(demo.nora);
  const portal = s.portal('acme', created.token);
  await idleSession(s, created.token!, '9 minutes');
  t.is((await portal.me()).contact.email, demo.nora.email);
  const [seen] = await session(created.token!).select(
    s.db.owner.raw(`now() - last_seen_at < interval '5 seconds' AS fresh`),
  );
  t.true(seen.fresh);
  await idleSession(s, created.token!, '601 seconds');
  await t.throwsAsync(portal.me(), { instanceOf: AuthenticationError });
});

test('absolute expiry: past expires_at the session is refused however recently it was used', async (t) => {
  const { session: created } = await s.portal('acme').auth.login(demo.gina);
  await expireSession(s, created.token!);
  await t.throwsAsync(s.portal('acme', created.token).me(), { instanceOf: AuthenticationError });
});

test('staff sessions expire the same way (idle and absolute)', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  await idleSession(s, ada.token!, '11 minutes');
  await t.throwsAsync(ada.me(), { instanceOf: AuthenticationError });
  const again = await s.staffLogin(demoStaff.ada);
  await expireSession(s, again.token!);
  await t.throwsAsync(again.me(), { instanceOf: AuthenticationError });
});

test('rotation: a cookie login replaces the browser’s previous session, whose token stops working', async (t) => {
  const host = `acme.localhost:${s.server.port}`;
  const headers = { origin: `http://${host}`, 'caseflow-csrf': '1' };
  const login = (cookie?: string) =>
    rawRequest(s.server.port, {
      method: 'POST',
      path: '/api/v1/portal/auth/login',
      host,
      headers: { ...headers, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ ...demo.nora, transport: 'cookie' }),
    });
  const first = (await login()).headers['set-cookie']![0]!.split(';')[0]!;
  const second = (await login(first)).headers['set-cookie']![0]!.split(';')[0]!;
  t.not(first, second);
  const me = (cookie: string) => rawRequest(s.server.port, { path: '/api/v1/portal/me', host, headers: { cookie } });
  t.is((await me(first)).status, 401);
  t.is((await me(second)).status, 200);
});

test('deactivating a contact ends all of its sessions at once, whatever their kind', async (t) => {
  const bearer = await s.portal('bluebird').auth.login(demo.ian);
  await setContact(s, demo.ian, { active: false });
  await t.throwsAsync(s.portal('bluebird', bearer.session.token).me(), { instanceOf: AuthenticationError });
  const [row] = await session(bearer.session.token!).select('revoked_at');
  t.not(row.revoked_at, null);
  await setContact(s, demo.ian, { active: true });
  await t.throwsAsync(s.portal('bluebird', bearer.session.token).me(), { instanceOf: AuthenticationError });
});

test.serial(
  'each kind is checked for what it needs: a preview needs no portal access but an impersonator who is still an active admin',
  async (t) => {
    const owner = s.db.owner;
    const ned = await owner('contacts').where({ email: 'ned@northwind.example' }).first(); // no portal access
    const ada = await owner('staff_users').where({ email: demoStaff.ada.email }).first();
    const open = async (kind: 'preview' | 'login') =>
      s.portal(
        'acme',
        await aPortalSession(s, { contact: ned, kind, ...(kind === 'preview' ? { impersonator: ada } : {}) }),
      );
    const preview = await open('preview');
    t.is((await preview.me()).session.kind, 'preview');
    await t.throwsAsync((await open('login')).me(), { instanceOf: AuthenticationError });
    await setStaff(s, ada, { role: 'staff' });
    try {
      await t.throwsAsync(preview.me(), { instanceOf: AuthenticationError });
    } finally {
      await setStaff(s, ada, { role: 'admin' });
    }
    t.is((await preview.me()).contact.email, 'ned@northwind.example');
  },
);
