/**
 * TRUST_PROXY=N: the client IP is the N-th X-Forwarded-For entry from the right,
 * the one the trusted proxy appended; what the client wrote to the left of it
 * changes nothing (rate limits, audit IPs). Without a proxy the header is ignored,
 * and so is X-Forwarded-Host: the firm comes from Host.
 */
import test from 'ava';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { rawRequest } from '../../helpers/http.js';

let behindProxy: TestServer;
let direct: TestServer;
test.before(async () => {
  [behindProxy, direct] = await Promise.all([
    startTestServer({ env: { TRUST_PROXY: '1' } }),
    startTestServer({ env: { TRUST_PROXY: '0' } }),
  ]);
});
test.after.always(async () => Promise.all([behindProxy?.close(), direct?.close()]));

async function failedLogin(s: TestServer, forwardedFor: string) {
  const res = await fetch(`${s.baseUrl}/api/v1/portal/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'caseflow-tenant': 'acme', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: demo.nora.email, password: 'wrong-password' }),
  });
  return res.status;
}

const auditIps = async (s: TestServer) =>
  (await s.db.owner('audit_events').where({ action: 'portal.login_failed' }).select(s.db.owner.raw('host(ip) as ip')))
    .map((r) => r.ip as string)
    .sort();
const ipCounters = async (s: TestServer) =>
  (await s.db.owner('rate_limits').where('key', 'like', 'login_ip:%').select('key', 'points')).sort((a, b) =>
    a.key < b.key ? -1 : 1,
  );

test('with TRUST_PROXY=1 a forged X-Forwarded-For entry is ignored: the proxy-appended address is the audit IP and the rate-limit key', async (t) => {
  t.is(await failedLogin(behindProxy, '198.51.100.66, 203.0.113.10'), 401);
  t.is(await failedLogin(behindProxy, '198.51.100.77, 203.0.113.10'), 401);
  t.is(await failedLogin(behindProxy, '203.0.113.10'), 401);
  t.deepEqual(await auditIps(behindProxy), ['203.0.113.10', '203.0.113.10', '203.0.113.10']);
  t.deepEqual(await ipCounters(behindProxy), [{ key: 'login_ip:203.0.113.10', points: 3 }]);
});

test('without a trusted proxy X-Forwarded-For is ignored: the IP is the connection’s', async (t) => {
  t.is(await failedLogin(direct, '198.51.100.66'), 401);
  t.deepEqual(await auditIps(direct), ['127.0.0.1']);
  const counters = await ipCounters(direct);
  t.is(counters.length, 1);
  t.regex(counters[0]!.key, /^login_ip:(::ffff:)?127\.0\.0\.1$/);
});

test('the firm comes from Host, not from X-Forwarded-Host, unless the proxy is trusted', async (t) => {
  const ignored = await rawRequest(direct.server.port, {
    path: '/api/v1/portal/me',
    host: `127.0.0.1:${direct.server.port}`,
    headers: { 'x-forwarded-host': 'acme.localhost' },
  });
  t.is(ignored.status, 400);
  t.is(ignored.json().error.code, 'tenant_required');
  const trusted = await rawRequest(behindProxy.server.port, {
    path: '/api/v1/portal/me',
    host: `127.0.0.1:${behindProxy.server.port}`,
    headers: { 'x-forwarded-host': 'acme.localhost' },
  });
  t.is(trusted.status, 401); // the firm resolved; no session
  t.is(trusted.json().error.code, 'authentication_required');
});
