/**
 * Idempotency-Key (DESIGN §5) on the endpoints flagged idempotent: invoice
 * creation and manual payments here (Stripe checkout uses the same mechanism).
 * Through the SDK (its own key, reused on retries) and raw fetch.
 */
import test from 'ava';
import { AdminClient } from '../../../sdk/admin-client.js';
import { ConflictError, ValidationError } from '../../../sdk/errors.js';
import { ageIdempotencyKey } from '../../helpers/factories/index.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let clientId: string;

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  sam = await s.staffLogin(demoStaff.sam);
  clientId = (await ada.clients.create({ name: 'Idempotency Client' })).id;
});
test.after.always(async () => s?.close());

const body = (description = 'Advice') => ({
  client_id: clientId,
  lines: [{ description, quantity: '1', unit_price: 10000 }],
});
const invoicesNamed = async (description: string) =>
  s.db.owner('invoice_lines').where({ description }).pluck('invoice_id');

/** Raw POST as Ada, as any HTTP client would send it. */
function post(path: string, payload: unknown, key?: string, token = ada.token!) {
  return fetch(`${s.baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'caseflow-tenant': 'acme',
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(payload),
  });
}

/**
 * A fetch whose first `failures` answers are lost after the server handled the
 * request (the connection "drops"), recording the key of every attempt.
 */
function lossyFetch(failures: number) {
  const keys: (string | undefined)[] = [];
  const impl = async (url: string | URL | Request, init?: RequestInit) => {
    keys.push((init?.headers as Record<string, string>)['idempotency-key']);
    const response = await fetch(url, init);
    if (failures-- > 0) {
      await response.arrayBuffer();
      throw new TypeError('fetch failed: socket hang up');
    }
    return response;
  };
  return { keys, fetch: impl as typeof fetch };
}

test('SDK — a create whose answer was lost is retried with the same generated key: one invoice, the first answer', async (t) => {
  const lossy = lossyFetch(1);
  const client = new AdminClient({ baseUrl: s.baseUrl, tenant: 'acme', token: ada.token, fetch: lossy.fetch });
  const invoice = await client.invoices.create(body('sdk-retry-create'));
  t.is(lossy.keys.length, 2);
  t.regex(lossy.keys[0]!, /^[0-9a-f-]{36}$/);
  t.is(lossy.keys[1], lossy.keys[0]);
  t.deepEqual(await invoicesNamed('sdk-retry-create'), [invoice.id]);
});

test('SDK — a manual payment whose answer was lost is retried: recorded once', async (t) => {
  const invoice = await ada.invoices.send((await ada.invoices.create(body('sdk-retry-pay'))).id);
  const lossy = lossyFetch(2);
  const client = new AdminClient({ baseUrl: s.baseUrl, tenant: 'acme', token: ada.token, fetch: lossy.fetch });
  const { payment, invoice: after } = await client.invoices.pay(invoice.id, { amount: 2500 });
  t.is(lossy.keys.length, 3);
  t.is(new Set(lossy.keys).size, 1);
  t.like(after, { status: 'partially_paid', amount_paid: 2500 });
  t.deepEqual(await s.db.owner('payments').where({ invoice_id: invoice.id }).pluck('id'), [payment.id]);
});

test('SDK — the caller’s own key: the same call twice returns the first answer; other parameters → 409 idempotency_key_reused', async (t) => {
  const first = await ada.invoices.create(body('own-key'), { idempotencyKey: 'erp-sync-0001' });
  const second = await ada.invoices.create(body('own-key'), { idempotencyKey: 'erp-sync-0001' });
  t.deepEqual(second, first);
  const error = await t.throwsAsync(ada.invoices.create(body('own-key-changed'), { idempotencyKey: 'erp-sync-0001' }), {
    instanceOf: ConflictError,
  });
  t.is(error!.code, 'idempotency_key_reused');
  t.deepEqual(await invoicesNamed('own-key'), [first.id]);
  t.deepEqual(await invoicesNamed('own-key-changed'), []);
  // Without a key of their own, two calls are two invoices (each call gets its own key).
  const a = await ada.invoices.create(body('no-key'));
  const b = await ada.invoices.create(body('no-key'));
  t.not(a.id, b.id);
});

test('raw fetch — a replay answers the same status and body, marked Idempotent-Replayed', async (t) => {
  const first = await post('/admin/invoices', body('raw-replay'), 'raw-key-1');
  const firstBody = await first.json();
  const again = await post('/admin/invoices', body('raw-replay'), 'raw-key-1');
  t.is(first.status, 201);
  t.is(first.headers.get('idempotent-replayed'), null);
  t.is(again.status, 201);
  t.is(again.headers.get('idempotent-replayed'), 'true');
  t.deepEqual(await again.json(), firstBody);
  const reused = await post('/admin/invoices', body('raw-other'), 'raw-key-1');
  t.is(reused.status, 409);
  t.is(((await reused.json()) as { error: { code: string } }).error.code, 'idempotency_key_reused');
  // A payment to another invoice with the same key is other parameters too.
  const pay = await post(`/admin/invoices/${firstBody.id}/payments`, {}, 'raw-key-1');
  t.is(pay.status, 409);
});

test('raw fetch — ten concurrent requests with one key: one invoice, every answer the same', async (t) => {
  const responses = await Promise.all(
    Array.from({ length: 10 }, () => post('/admin/invoices', body('raw-concurrent'), 'raw-concurrent-key')),
  );
  const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ id: string }>));
  t.deepEqual(
    responses.map((r) => r.status),
    Array(10).fill(201),
  );
  t.is(new Set(bodies.map((b) => b.id)).size, 1);
  t.deepEqual(await invoicesNamed('raw-concurrent'), [bodies[0]!.id]);
  t.is(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 9);
});

test('raw fetch — concurrent manual payments with one key record one payment', async (t) => {
  const invoice = await ada.invoices.send((await ada.invoices.create(body('raw-concurrent-pay'))).id);
  const responses = await Promise.all(
    Array.from({ length: 6 }, () => post(`/admin/invoices/${invoice.id}/payments`, { amount: 100 }, 'pay-key-1')),
  );
  t.deepEqual(
    responses.map((r) => r.status),
    Array(6).fill(201),
  );
  t.is((await s.db.owner('payments').where({ invoice_id: invoice.id })).length, 1);
  t.is((await ada.invoices.retrieve(invoice.id)).amount_paid, 100);
});

test('keys are per caller: another staff user with the same key gets their own answer', async (t) => {
  const mine = await ada.invoices.create(body('per-caller'), { idempotencyKey: 'shared-key' });
  const theirs = await sam.invoices.create(body('per-caller'), { idempotencyKey: 'shared-key' });
  t.not(theirs.id, mine.id);
});

test('a failed request stores nothing: its key may be used again', async (t) => {
  const invoice = await ada.invoices.send((await ada.invoices.create(body('failed-first'))).id);
  const error = await t.throwsAsync(ada.invoices.pay(invoice.id, { amount: 999999 }, { idempotencyKey: 'fail-key' }), {
    instanceOf: ValidationError,
  });
  t.is(error!.code, 'amount_exceeds_balance');
  const ok = await ada.invoices.pay(invoice.id, { amount: 100 }, { idempotencyKey: 'fail-key' });
  t.is(ok.payment.amount, 100);
});

test('after 24 hours a key is forgotten: the same request runs again', async (t) => {
  const first = await ada.invoices.create(body('expired-key'), { idempotencyKey: 'old-key' });
  await ageIdempotencyKey(s, 'old-key', '24 hours 1 second');
  const second = await ada.invoices.create(body('expired-key'), { idempotencyKey: 'old-key' });
  t.not(second.id, first.id);
  t.is((await s.db.owner('idempotency_keys').where({ key: 'old-key' })).length, 1);
});

test('a malformed Idempotency-Key is a 400', async (t) => {
  const response = await post('/admin/invoices', body('bad-key'), 'x'.repeat(256));
  t.is(response.status, 400);
  t.is(((await response.json()) as { error: { code: string } }).error.code, 'invalid_idempotency_key');
  t.deepEqual(await invoicesNamed('bad-key'), []);
});

test('GET /api/v1/openapi.json documents the Idempotency-Key header on the idempotent endpoints only', async (t) => {
  const doc = (await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
  };
  const has = (path: string, method: string) =>
    doc.paths[path]![method]!.parameters.some((p) => p.name === 'Idempotency-Key');
  t.true(has('/admin/invoices', 'post'));
  t.true(has('/admin/invoices/{id}/payments', 'post'));
  t.false(has('/admin/invoices', 'get'));
  t.false(has('/admin/invoices/{id}/send', 'post'));
});

test('the worker purges keys past their 24 hours and keeps the others', async (t) => {
  await ada.invoices.create(body('purge-old'), { idempotencyKey: 'purge-old' });
  await ada.invoices.create(body('purge-new'), { idempotencyKey: 'purge-new' });
  await ageIdempotencyKey(s, 'purge-old', '25 hours');
  // The hourly cron task, run now: a job of its task.
  await s.db.owner.raw(`SELECT graphile_worker.add_job('purge_idempotency_keys')`);
  await s.server.jobs.drain();
  const keys = await s.db.owner('idempotency_keys').whereIn('key', ['purge-old', 'purge-new']).pluck('key');
  t.deepEqual(keys, ['purge-new']);
});
