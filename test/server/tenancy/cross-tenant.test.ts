import test from 'ava';
import { AuthenticationError, NotFoundError, ValidationError } from '../../../sdk/errors.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';
import { rawRequest } from '../../helpers/http.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

test('firm B’s contact cannot log in on firm A', async (t) => {
  const error = await t.throwsAsync(s.portal('acme').auth.login(demo.ian), { instanceOf: AuthenticationError });
  t.is(error.code, 'invalid_credentials');
  t.is((await s.portal('bluebird').auth.login(demo.ian)).profile.firm.slug, 'bluebird');
});

test('firm A’s token is rejected with firm B’s tenant header', async (t) => {
  const acme = s.portal('acme');
  await acme.auth.login(demo.nora);
  const error = await t.throwsAsync(s.portal('bluebird', acme.token).invoices.list(), {
    instanceOf: AuthenticationError,
  });
  t.is(error.code, 'session_invalid');
  t.is((await acme.invoices.list()).data.length, 6);
});

test('firm A’s token is rejected on firm B’s host', async (t) => {
  const acme = s.portal('acme');
  await acme.auth.login(demo.nora);
  const res = await rawRequest(s.server.port, {
    path: '/api/v1/portal/me',
    host: `bluebird.localhost:${s.server.port}`,
    headers: { authorization: `Bearer ${acme.token}` },
  });
  t.deepEqual([res.status, res.json().error.code], [401, 'session_invalid']);
});

test('a tenant header that contradicts the host is a 400', async (t) => {
  const res = await rawRequest(s.server.port, {
    path: '/api/v1/portal/me',
    host: `acme.localhost:${s.server.port}`,
    headers: { 'caseflow-tenant': 'bluebird' },
  });
  t.is(res.status, 400);
  const body = res.json();
  t.is(body.error.code, 'tenant_mismatch');
  t.is(body.error.message, `The Caseflow-Tenant header "bluebird" contradicts the host "acme.localhost".`);
});

test('the host alone names the firm', async (t) => {
  const res = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/portal/auth/login',
    host: `bluebird.localhost:${s.server.port}`,
    body: JSON.stringify(demo.ian),
  });
  t.is(res.status, 200);
  t.is(res.json().profile.firm.name, 'Bluebird Legal');
});

test('an unknown firm is 404 tenant_not_found; no firm at all is 400 tenant_required', async (t) => {
  const unknown = await t.throwsAsync(s.portal('nosuchfirm').auth.login(demo.nora), { instanceOf: NotFoundError });
  t.deepEqual([unknown.code, unknown.message], ['tenant_not_found', 'No firm is served at this address.']);
  const none = await t.throwsAsync(s.portal(undefined as unknown as string).auth.login(demo.nora), {
    instanceOf: ValidationError,
  });
  t.is(none.code, 'tenant_required');
  const badHeader = await fetch(`${s.baseUrl}/api/v1/portal/me`, { headers: { 'caseflow-tenant': 'Not A Slug!' } });
  t.is((await badHeader.json()).error.code, 'invalid_tenant_header');
});

test.serial('a disabled firm is not served', async (t) => {
  await s.platform().tenants.disable('bluebird');
  await t.throwsAsync(s.portal('bluebird').auth.login(demo.ian), { instanceOf: NotFoundError });
  await s.platform().tenants.enable('bluebird');
});
