import test from 'ava';
import { NotFoundError } from '../../sdk/errors.js';
import { PortalClient } from '../../sdk/portal-client.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
}

/** A fetch that records what the SDK sends and answers from a script. */
function fakeFetch(answers: Response[]) {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(url),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init?.headers as Record<string, string>) ?? {})),
    });
    const next = answers.shift();
    if (!next) throw new Error('no scripted answer left');
    return next;
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

test('payments.list sends the exact request and walks the pages with starting_after', async (t) => {
  const item = (id: string) => ({ id, invoice_id: 'i', invoice_number: 'INV-1', amount: 1, currency: 'USD' });
  const { sent, fetch } = fakeFetch([
    json(200, { data: [item('a')], has_more: true, next_cursor: 'a' }),
    json(200, { data: [item('b')], has_more: false, next_cursor: null }),
  ]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', tenant: 'acme', token: 'cfp_abc', fetch });
  const all = await portal.payments.list({ limit: 1 }).toArray();
  t.deepEqual(
    all.map((p) => p.id),
    ['a', 'b'],
  );
  t.deepEqual(
    sent.map((s) => [s.method, s.url]),
    [
      ['GET', 'https://api.example/api/v1/portal/payments?limit=1'],
      ['GET', 'https://api.example/api/v1/portal/payments?limit=1&starting_after=a'],
    ],
  );
});

test('invoices.pdf asks for the PDF at the escaped path and resolves to its bytes', async (t) => {
  const pdf = new TextEncoder().encode('%PDF-1.7 fake');
  const { sent, fetch } = fakeFetch([
    new Response(pdf, { status: 200, headers: { 'content-type': 'application/pdf' } }),
  ]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', tenant: 'acme', token: 'cfp_abc', fetch });
  const bytes = await portal.invoices.pdf('a/b');
  t.true(bytes instanceof ArrayBuffer);
  t.is(new TextDecoder().decode(bytes), '%PDF-1.7 fake');
  t.deepEqual(sent, [
    {
      url: 'https://api.example/api/v1/portal/invoices/a%2Fb/pdf',
      method: 'GET',
      headers: {
        accept: 'application/pdf, application/json',
        authorization: 'Bearer cfp_abc',
        'caseflow-tenant': 'acme',
      },
    },
  ]);
});

test('invoices.pdf turns a JSON error answer into the typed error', async (t) => {
  const { fetch } = fakeFetch([
    json(404, { error: { type: 'not_found', code: 'resource_missing', message: 'No such invoice.', request_id: 'r' } }),
  ]);
  const portal = new PortalClient({ baseUrl: 'https://api.example', token: 'cfp_abc', fetch, maxRetries: 0 });
  const error = await t.throwsAsync(portal.invoices.pdf('x'), { instanceOf: NotFoundError });
  t.deepEqual([error.status, error.code, error.message], [404, 'resource_missing', 'No such invoice.']);
});
