import test from 'ava';
import { eventCatalogue, eventTypes } from '../../../sdk/schemas/events.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { endpoints } from '../../../sdk/schemas/endpoints.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ seed: false });
});
test.after.always(async () => s?.close());

test('GET /healthz and /readyz', async (t) => {
  const health = await fetch(`${s.baseUrl}/healthz`);
  t.deepEqual([health.status, await health.json()], [200, { status: 'ok' }]);
  const ready = await fetch(`${s.baseUrl}/readyz`);
  const body = await ready.json();
  t.is(ready.status, 200);
  t.is(body.status, 'ready');
  t.is(body.schema, body.expected);
  t.deepEqual(body.queue, { status: 'running', due: 0, dead: 0 });
});

test('X-Request-Id is echoed when sane and generated otherwise', async (t) => {
  const given = await fetch(`${s.baseUrl}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
  t.is(given.headers.get('x-request-id'), 'abc-123');
  const made = await fetch(`${s.baseUrl}/healthz`, { headers: { 'x-request-id': 'bad value with spaces' } });
  t.regex(made.headers.get('x-request-id')!, /^[0-9a-f-]{36}$/);
});

test('security headers: strict CSP with frame-ancestors none, nosniff', async (t) => {
  const res = await fetch(`${s.baseUrl}/healthz`);
  const csp = res.headers.get('content-security-policy')!;
  t.true(csp.includes("script-src 'self'"));
  t.true(csp.includes("frame-ancestors 'none'"));
  t.false(csp.includes('unsafe-inline'));
  t.is(res.headers.get('x-content-type-options'), 'nosniff');
});

test('GET /api/v1/openapi.json documents every endpoint of the contract', async (t) => {
  const doc = await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json();
  t.is(doc.openapi, '3.1.0');
  const operations = Object.values(doc.paths as Record<string, Record<string, { operationId: string }>>).flatMap((p) =>
    Object.values(p).map((o) => o.operationId),
  );
  t.deepEqual(
    operations.sort(),
    Object.values(endpoints)
      .map((e) => e.operationId)
      .sort(),
  );
  t.deepEqual(doc.paths['/portal/invoices/{id}'].get.parameters[0], {
    name: 'id',
    in: 'path',
    required: true,
    description: 'Identifier (UUID)',
    schema: doc.paths['/portal/invoices/{id}'].get.parameters[0].schema,
  });
  t.is(
    doc.paths['/portal/invoices'].get.responses['200'].content['application/json'].schema.$ref,
    '#/components/schemas/PortalInvoiceList',
  );
  t.truthy(doc.components.schemas.PortalInvoiceSummary.properties.amount_due);
});

test('the OpenAPI document lists the domain event catalogue as webhooks, each with its payload schema', async (t) => {
  const doc = await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json();
  t.deepEqual(Object.keys(doc.webhooks).sort(), [...eventTypes].sort());
  const paid = doc.webhooks['payment.recorded'].post;
  t.is(paid.description, eventCatalogue['payment.recorded'].description);
  const envelope = paid.requestBody.content['application/json'].schema;
  t.deepEqual(envelope.required, ['id', 'type', 'firm_id', 'occurred_at', 'data']);
  t.deepEqual(envelope.properties.type, { const: 'payment.recorded' });
  t.deepEqual(envelope.properties.data.required, ['invoice_id', 'payment_id', 'method', 'amount', 'currency']);
  t.false(envelope.properties.data.additionalProperties);
});
