import test from 'ava';
import { startTestServer, demo, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(async () => s?.close());

const counts = async () => ({
  sessions: Number((await s.db.owner('sessions').count('* as n').first())!.n),
  audit: Number((await s.db.owner('audit_events').count('* as n').first())!.n),
});

async function login(body: string, contentType = 'application/json') {
  const res = await fetch(`${s.baseUrl}/api/v1/portal/auth/login`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'caseflow-tenant': 'acme', 'x-request-id': 'test-req-1' },
    body,
  });
  return { status: res.status, body: await res.json() };
}

test('malformed JSON → 400 invalid_json envelope with the request id, nothing written', async (t) => {
  const before = await counts();
  const res = await login('{"email": ');
  t.deepEqual(res, {
    status: 400,
    body: {
      error: {
        type: 'invalid_request',
        code: 'invalid_json',
        message: 'The request body is not valid JSON.',
        request_id: 'test-req-1',
      },
    },
  });
  t.deepEqual(await counts(), before);
});

test('unknown fields → 400 validation_failed naming them, nothing written', async (t) => {
  const before = await counts();
  const res = await login(JSON.stringify({ ...demo.nora, admin: true }));
  t.deepEqual(res, {
    status: 400,
    body: {
      error: {
        type: 'invalid_request',
        code: 'validation_failed',
        message: 'This request does not take a field named “admin”; remove it.',
        params: [
          {
            path: 'body.admin',
            code: 'unknown_field',
            message: 'This request does not take a field named “admin”; remove it.',
          },
        ],
        request_id: 'test-req-1',
      },
    },
  });
  t.deepEqual(await counts(), before);
});

test('wrong types → 400 with one param per field, nothing written', async (t) => {
  const before = await counts();
  const res = await login(JSON.stringify({ email: 42, password: ['x'] }));
  t.is(res.status, 400);
  t.deepEqual(
    res.body.error.params.map((p: { path: string }) => p.path),
    ['body.email', 'body.password'],
  );
  t.deepEqual(await counts(), before);
});

test('a body that is not JSON → 415', async (t) => {
  const res = await login('email=a&password=b', 'application/x-www-form-urlencoded');
  t.is(res.status, 415);
  t.is(res.body.error.code, 'unsupported_media_type');
});

test('unknown query parameters → 400', async (t) => {
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  const res = await fetch(`${s.baseUrl}/api/v1/portal/invoices?sort=amount`, {
    headers: { 'caseflow-tenant': 'acme', authorization: `Bearer ${portal.token}` },
  });
  t.is(res.status, 400);
  t.is((await res.json()).error.message, 'This request does not take a field named “sort”; remove it.');
});

test('an unknown route → 404 envelope', async (t) => {
  const res = await fetch(`${s.baseUrl}/api/v1/nothing-here`);
  t.is(res.status, 404);
  t.is((await res.json()).error.code, 'route_not_found');
});

test('a known route with the wrong method → 405 envelope naming the allowed ones', async (t) => {
  const res = await fetch(`${s.baseUrl}/api/v1/portal/invoices`, {
    method: 'DELETE',
    headers: { 'caseflow-tenant': 'acme' },
  });
  t.is(res.status, 405);
  t.is(res.headers.get('allow'), 'HEAD, GET');
  t.deepEqual((await res.json()).error, {
    type: 'invalid_request',
    code: 'method_not_allowed',
    message: 'DELETE is not allowed here; use HEAD, GET.',
    request_id: res.headers.get('x-request-id'),
  });
});
