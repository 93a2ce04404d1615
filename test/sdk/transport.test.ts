import test from 'ava';
import {
  ApiError,
  AuthenticationError,
  CaseflowError,
  ConnectionError,
  NotFoundError,
  PlanUpgradeRequiredError,
  RateLimitError,
  ValidationError,
} from '../../sdk/errors.js';
import { AdminClient } from '../../sdk/admin-client.js';
import { PortalClient } from '../../sdk/portal-client.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that records what the SDK sends and answers from a script. */
function fakeFetch(answers: (Response | Error)[]) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init?.headers as Record<string, string>) ?? {})),
      body: init?.body as string | undefined,
    });
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    if (next instanceof Error) throw next;
    return next;
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const list = { data: [], has_more: false, next_cursor: null };

test('invoices.list sends the exact request: path, query, tenant and bearer headers', async (t) => {
  const { sent, fetch } = fakeFetch([json(200, list)]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', tenant: 'acme', token: 'cfp_abc', fetch });
  await portal.invoices.list({ limit: 10, status: 'overdue' });
  t.deepEqual(sent, [
    {
      url: 'https://api.example/api/v1/portal/invoices?limit=10&status=overdue',
      method: 'GET',
      headers: { accept: 'application/json', authorization: 'Bearer cfp_abc', 'caseflow-tenant': 'acme' },
      body: undefined,
    },
  ]);
});

test('auth.login posts JSON with the CSRF header and keeps the returned token for the next calls', async (t) => {
  const session = { kind: 'login', expires_at: '2026-01-01T00:00:00.000Z', token: 'cfp_new' };
  const { sent, fetch } = fakeFetch([json(200, { session, profile: {} }), json(200, list)]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', tenant: 'acme', fetch });
  await portal.auth.login({ email: 'a@b.example', password: 'pw' });
  t.deepEqual(sent[0], {
    url: 'https://api.example/api/v1/portal/auth/login',
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'caseflow-tenant': 'acme',
      'caseflow-csrf': '1',
    },
    body: '{"email":"a@b.example","password":"pw"}',
  });
  await portal.invoices.list();
  t.is(sent[1]!.headers.authorization, 'Bearer cfp_new');
  t.is(portal.token, 'cfp_new');
});

test('path parameters are escaped', async (t) => {
  const { sent, fetch } = fakeFetch([
    json(404, {
      error: { type: 'not_found', code: 'resource_missing', message: 'No such invoice.', request_id: 'r1' },
    }),
  ]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', fetch });
  await t.throwsAsync(portal.invoices.retrieve('../admin?x=1'), { instanceOf: NotFoundError });
  t.is(sent[0]!.url, 'https://api.example/api/v1/portal/invoices/..%2Fadmin%3Fx%3D1');
});

test('the error class is chosen from error.type, with status, code, params and request id', async (t) => {
  const cases: [number, string, new (...a: never[]) => Error][] = [
    [400, 'invalid_request', ValidationError],
    [401, 'authentication_error', AuthenticationError],
    [402, 'plan_upgrade_required', PlanUpgradeRequiredError],
    [429, 'rate_limited', RateLimitError],
  ];
  for (const [status, type, cls] of cases) {
    const { fetch } = fakeFetch([
      json(status, {
        error: { type, code: 'c', message: 'm', params: [{ path: 'body.x', message: 'bad' }], request_id: 'rid' },
      }),
    ]);
    const error = await t.throwsAsync(new PortalClient({ baseUrl: 'https://api.example', fetch, maxRetries: 0 }).me(), {
      instanceOf: cls,
    });
    t.like(error, { status, type, code: 'c', message: 'm', requestId: 'rid' });
  }
});

test('a non-JSON error answer still maps by status', async (t) => {
  const { fetch } = fakeFetch([new Response('<html>bad gateway</html>', { status: 500 })]);
  const error = await t.throwsAsync(new PortalClient({ baseUrl: 'https://api.example', fetch }).me(), {
    instanceOf: ApiError,
  });
  t.is(error.status, 500);
});

test('GETs are retried on 503 and 429, honouring Retry-After', async (t) => {
  const { sent, fetch } = fakeFetch([
    json(503, {}),
    json(
      429,
      { error: { type: 'rate_limited', code: 'rate_limited', message: 'slow down', request_id: 'r' } },
      { 'retry-after': '0' },
    ),
    json(200, list),
  ]);
  const page = await new PortalClient({ baseUrl: 'https://api.example', fetch }).invoices.list();
  t.deepEqual(page, list);
  t.is(sent.length, 3);
});

test('a POST without an idempotency key is never retried', async (t) => {
  const { sent, fetch } = fakeFetch([json(503, {})]);
  await t.throwsAsync(
    new PortalClient({ baseUrl: 'https://api.example', fetch }).auth.login({ email: 'a@b.example', password: 'x' }),
    {
      instanceOf: ApiError,
    },
  );
  t.is(sent.length, 1);
});

test('an idempotent POST sends a generated Idempotency-Key and retries with the same one', async (t) => {
  const invoice = { id: 'inv' };
  const { sent, fetch } = fakeFetch([json(503, {}), new TypeError('fetch failed'), json(201, { invoice })]);
  const admin = new AdminClient({ baseUrl: 'https://api.example', tenant: 'acme', token: 'cfa_key', fetch });
  await admin.invoices.pay('inv-1', { amount: 500 });
  t.is(sent.length, 3);
  const key = sent[0]!.headers['idempotency-key'];
  t.regex(key!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  for (const request of sent) {
    t.deepEqual(request, {
      url: 'https://api.example/api/v1/admin/invoices/inv-1/payments',
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Bearer cfa_key',
        'caseflow-tenant': 'acme',
        'idempotency-key': key!,
        'caseflow-csrf': '1',
      },
      body: '{"amount":500}',
    });
  }
});

test('the caller’s own Idempotency-Key is sent as given; each call without one gets a new key', async (t) => {
  const { sent, fetch } = fakeFetch([json(201, {}), json(201, {}), json(201, {})]);
  const admin = new AdminClient({ baseUrl: 'https://api.example', tenant: 'acme', token: 'cfa_key', fetch });
  const body = { client_id: 'c', lines: [{ description: 'x', quantity: '1', unit_price: 1 }] };
  await admin.invoices.create(body, { idempotencyKey: 'erp-42' });
  await admin.invoices.create(body);
  await admin.invoices.create(body);
  t.is(sent[0]!.headers['idempotency-key'], 'erp-42');
  t.not(sent[1]!.headers['idempotency-key'], sent[2]!.headers['idempotency-key']);
});

test('a network failure becomes a ConnectionError after the retries', async (t) => {
  const { sent, fetch } = fakeFetch([new TypeError('fetch failed'), new TypeError('fetch failed')]);
  const error = await t.throwsAsync(new PortalClient({ baseUrl: 'https://api.example', fetch, maxRetries: 1 }).me(), {
    instanceOf: ConnectionError,
  });
  t.is(error.message, 'could not reach https://api.example');
  t.is(sent.length, 2);
});

test('a ConnectionError is a CaseflowError of status 0, so one catch handles every failure', async (t) => {
  const cause = new TypeError('fetch failed');
  const { fetch } = fakeFetch([cause]);
  const error = await t.throwsAsync(new PortalClient({ baseUrl: 'https://api.example', fetch, maxRetries: 0 }).me(), {
    instanceOf: CaseflowError,
  });
  t.true(error instanceof ConnectionError);
  t.like(error, {
    name: 'ConnectionError',
    status: 0,
    type: 'connection_error',
    code: 'connection_error',
    requestId: undefined,
    message: 'could not reach https://api.example',
  });
  t.is(error.cause, cause);
});

test('for await walks every page with starting_after', async (t) => {
  const { sent, fetch } = fakeFetch([
    json(200, { data: [{ id: 'a' }, { id: 'b' }], has_more: true, next_cursor: 'b' }),
    json(200, { data: [{ id: 'c' }], has_more: false, next_cursor: null }),
  ]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', fetch });
  const ids = (await portal.invoices.list({ limit: 2 }).toArray()).map((i) => i.id);
  t.deepEqual(ids, ['a', 'b', 'c']);
  t.deepEqual(
    sent.map((s) => s.url),
    [
      'https://api.example/api/v1/portal/invoices?limit=2',
      'https://api.example/api/v1/portal/invoices?limit=2&starting_after=b',
    ],
  );
});

test('a list call sends its first request at once, before anyone awaits it', async (t) => {
  const { sent, fetch } = fakeFetch([json(200, list)]);
  const pending = new PortalClient({ baseUrl: 'https://api.example', fetch }).invoices.list();
  await Promise.resolve();
  t.is(sent.length, 1);
  t.deepEqual(await pending, list);
  t.is(sent.length, 1, 'awaiting does not ask again');
});

test('a 429 carries Retry-After as retryAfter seconds', async (t) => {
  const { fetch } = fakeFetch([
    json(
      429,
      { error: { type: 'rate_limited', code: 'too_many_attempts', message: 'wait', request_id: 'r' } },
      { 'retry-after': '120' },
    ),
  ]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', fetch });
  const error = await t.throwsAsync(portal.auth.login({ email: 'a@b.example', password: 'x' }), {
    instanceOf: RateLimitError,
  });
  t.is(error.retryAfter, 120);
});
