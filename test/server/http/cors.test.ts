import test from 'ava';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { updateSettings } from '../../helpers/factories/index.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
  await updateSettings(s, 'acme', { allowed_origins: ['https://www.acme-law.example'] });
  await updateSettings(s, 'bluebird', { allowed_origins: ['https://bluebird.example'] });
});
test.after.always(async () => s?.close());

const preflight = (path: string, origin: string, tenant = 'acme') =>
  fetch(`${s.baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'caseflow-tenant': tenant,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
    },
  });

test('a preflight from an origin the firm allowed is answered for the portal API', async (t) => {
  const res = await preflight('/api/v1/portal/invoices', 'https://www.acme-law.example');
  t.is(res.status, 204);
  t.is(res.headers.get('access-control-allow-origin'), 'https://www.acme-law.example');
  t.is(
    res.headers.get('access-control-allow-headers'),
    'Authorization,Content-Type,Caseflow-Tenant,Caseflow-CSRF,Idempotency-Key',
  );
  t.is(res.headers.get('access-control-allow-credentials'), null);
  t.regex(res.headers.get('vary') ?? '', /Origin/);
});

test('no CORS for origins the firm did not allow, for another firm’s origin, or outside the portal API', async (t) => {
  for (const [path, origin, tenant] of [
    ['/api/v1/portal/invoices', 'https://evil.example', 'acme'],
    ['/api/v1/portal/invoices', 'https://bluebird.example', 'acme'],
    ['/api/v1/portal/invoices', 'https://www.acme-law.example', 'bluebird'],
    ['/api/v1/admin/me', 'https://www.acme-law.example', 'acme'],
  ] as const) {
    const res = await preflight(path, origin, tenant);
    t.is(res.headers.get('access-control-allow-origin'), null, `${path} ${origin} ${tenant}`);
  }
});

test('an embedded widget’s real request (bearer token) and its error answers carry the allowed origin', async (t) => {
  const { session } = await s.portal('acme').auth.login(demo.nora);
  const ok = await fetch(`${s.baseUrl}/api/v1/portal/me`, {
    headers: {
      origin: 'https://www.acme-law.example',
      'caseflow-tenant': 'acme',
      authorization: `Bearer ${session.token}`,
    },
  });
  t.is(ok.status, 200);
  t.is(ok.headers.get('access-control-allow-origin'), 'https://www.acme-law.example');
  const refused = await fetch(`${s.baseUrl}/api/v1/portal/me`, {
    headers: { origin: 'https://www.acme-law.example', 'caseflow-tenant': 'acme' },
  });
  t.is(refused.status, 401);
  t.is(refused.headers.get('access-control-allow-origin'), 'https://www.acme-law.example');
  t.is(refused.headers.get('access-control-expose-headers'), 'Retry-After,X-Request-Id');
});
