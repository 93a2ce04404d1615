/**
 * Every authenticated JSON answer (portal, admin, platform) says Cache-Control:
 * no-store, errors included; documents say private, no-store.
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import { demo, demoStaff, PLATFORM_KEY, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let adminToken: string;
let portalToken: string;
let invoiceId: string;
test.before(async () => {
  s = await startTestServer();
  adminToken = (await s.staffLogin(demoStaff.ada)).token!;
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  portalToken = portal.token!;
  invoiceId = (await portal.invoices.list({ limit: 1 })).data[0]!.id;
});
test.after.always(async () => s?.close());

async function cacheControl(path: string, token?: string, init: RequestInit = {}) {
  const res = await fetch(`${s.baseUrl}/api/v1${path}`, {
    ...init,
    headers: {
      'caseflow-tenant': 'acme',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
  });
  await res.arrayBuffer();
  return [res.status, res.headers.get('cache-control')];
}

test('portal, admin and platform answers, successes and errors alike, are no-store', async (t) => {
  const cases: [string, string | undefined, RequestInit, number][] = [
    ['/portal/me', portalToken, {}, 200],
    ['/portal/invoices', portalToken, {}, 200],
    [`/portal/invoices/${randomUUID()}`, portalToken, {}, 404],
    ['/portal/me', undefined, {}, 401],
    ['/portal/invoices?sort=amount', portalToken, {}, 400],
    ['/admin/clients', adminToken, {}, 200],
    [`/admin/clients/${randomUUID()}`, adminToken, {}, 404],
    ['/admin/clients', adminToken, { method: 'POST', body: '{}' }, 400],
    ['/admin/clients', 'cfk_not_a_key_0123456789', {}, 401],
    ['/platform/tenants', PLATFORM_KEY, {}, 200],
    ['/platform/tenants/nope', PLATFORM_KEY, {}, 404],
    ['/platform/tenants', 'not-the-platform-key-0123456789abcdef', {}, 401],
  ];
  for (const [path, token, init, status] of cases) {
    t.deepEqual(await cacheControl(path, token, init), [status, 'no-store'], `${init.method ?? 'GET'} ${path}`);
  }
});

test('a document keeps private, no-store', async (t) => {
  t.deepEqual(await cacheControl(`/portal/invoices/${invoiceId}/pdf`, portalToken), [200, 'private, no-store']);
});
