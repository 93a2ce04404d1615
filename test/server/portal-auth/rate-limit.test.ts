import test from 'ava';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({
    env: { TRUST_PROXY: '1', LOGIN_FAILURES_PER_ACCOUNT_IP: '3', LOGIN_FAILURES_PER_IP: '5' },
  });
});
test.after.always(async () => s?.close());

/** A login from a given client IP (the server trusts X-Forwarded-For here). */
async function login(ip: string, email: string, password: string) {
  const res = await fetch(`${s.baseUrl}/api/v1/portal/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'caseflow-tenant': 'acme', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.json();
  return {
    status: res.status,
    code: body.error?.code as string | undefined,
    retryAfter: res.headers.get('retry-after'),
  };
}

test('failed logins per account and IP: the 4th attempt is 429 with Retry-After, even with the right password', async (t) => {
  for (let i = 0; i < 3; i++) t.is((await login('203.0.113.1', demo.nora.email, 'wrong-password')).status, 401);
  const blocked = await login('203.0.113.1', demo.nora.email, demo.nora.password);
  t.is(blocked.status, 429);
  t.is(blocked.code, 'too_many_attempts');
  const retryAfter = Number(blocked.retryAfter);
  t.true(retryAfter > 890 && retryAfter <= 900, `Retry-After ${blocked.retryAfter}`);
});

test('no lockout: the same account still logs in from another IP', async (t) => {
  for (let i = 0; i < 3; i++) await login('203.0.113.2', demo.gina.email, 'wrong-password');
  t.is((await login('203.0.113.2', demo.gina.email, demo.gina.password)).status, 429);
  t.is((await login('198.51.100.7', demo.gina.email, demo.gina.password)).status, 200);
});

test('an unknown email is counted and refused exactly like a known one', async (t) => {
  for (let i = 0; i < 3; i++) t.is((await login('203.0.113.3', 'nobody@nowhere.example', 'x')).status, 401);
  t.is((await login('203.0.113.3', 'nobody@nowhere.example', 'x')).status, 429);
});

test('failed logins per IP, whatever the account', async (t) => {
  const emails = ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example', 'e@x.example'];
  for (const email of emails) t.is((await login('203.0.113.4', email, 'x')).status, 401);
  t.is((await login('203.0.113.4', demo.nora.email, demo.nora.password)).status, 429);
  const row = await s.db.owner('rate_limits').where({ key: 'login_ip:203.0.113.4' }).first();
  t.is(row.points, 5);
});

test('a successful login clears the account’s failures from that IP', async (t) => {
  const ip = '203.0.113.5';
  for (let i = 0; i < 2; i++) await login(ip, demo.nora.email, 'wrong-password');
  t.is((await login(ip, demo.nora.email, demo.nora.password)).status, 200);
  for (let i = 0; i < 2; i++) t.is((await login(ip, demo.nora.email, 'wrong-password')).status, 401);
  t.is((await login(ip, demo.nora.email, demo.nora.password)).status, 200);
});

test('the counters keep no email address, only a digest', async (t) => {
  await login('203.0.113.6', demo.nora.email, 'wrong-password');
  const keys = (await s.db.owner('rate_limits').select('key')).map((r) => r.key as string);
  t.true(keys.length > 0);
  t.false(keys.some((k) => k.includes('@')));
});
