import test from 'ava';
import { aFirm } from '../../helpers/factories/index.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;

test.before(async () => {
  s = await startTestServer({ seed: false });
  await aFirm(s, { slug: 'pagefirm', name: 'Page & Partners' });
});
test.after.always(async () => s?.close());

const page = (path: string) => fetch(`${s.baseUrl}${path}`, { headers: { 'caseflow-tenant': 'pagefirm' } });
const ID = '0b9d6c1e-7f3a-4c55-9e0d-2a1b3c4d5e6f';

test('GET /clients/invoices, /clients/invoices/:id and /clients/payments — the billing pages, gated, linked from the navigation', async (t) => {
  const nav = [
    '<a href="/clients/invoices" data-section="invoices"',
    '<a href="/clients/payments" data-section="invoices"',
    '<a href="/clients/profile"',
  ];
  const cases: [string, string, string, string][] = [
    [
      '/clients/invoices',
      'Invoices · Page &amp; Partners',
      '<caseflow-invoice-list invoice-href="/clients/invoices/{id}">',
      '/clients/invoices',
    ],
    [
      `/clients/invoices/${ID.toUpperCase()}`,
      'Invoice · Page &amp; Partners',
      `<caseflow-invoice invoice-id="${ID}" heading-level="1" back-href="/clients/invoices">`,
      '/clients/invoices',
    ],
    [
      '/clients/payments',
      'Payments · Page &amp; Partners',
      '<caseflow-payment-history invoice-href="/clients/invoices/{id}">',
      '/clients/payments',
    ],
  ];
  for (const [path, title, widget, current] of cases) {
    const response = await page(path);
    t.is(response.status, 200, path);
    t.true((response.headers.get('content-security-policy') ?? '').includes("script-src 'self'"), path);
    const html = await response.text();
    t.true(html.includes(`<title>${title}</title>`), path);
    t.true(html.includes(`<caseflow-gate section="invoices"><template>`), path);
    t.true(html.includes(widget), path);
    for (const link of nav) t.true(html.includes(link), `${path}: ${link}`);
    t.true(html.includes(`<a href="${current}" data-section="invoices" aria-current="page">`), path);
    // The one inline script is the import map (data, allowed by its CSP hash).
    t.deepEqual(
      html.match(/<script(?![^>]*\bsrc=)[^>]*>/g),
      ['<script type="importmap">'],
      `${path}: no inline script`,
    );
  }
});

test('GET /clients/invoices/:id — anything but an invoice id is a 404', async (t) => {
  for (const id of ['not-an-id', `${ID}x`, '%22%3E%3Cscript%3E']) {
    const response = await page(`/clients/invoices/${id}`);
    t.is(response.status, 404, id);
    await response.arrayBuffer();
  }
});

test('GET /api/v1/openapi.json — the PDF endpoint is documented as an application/pdf download', async (t) => {
  const doc = await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json();
  const ok = doc.paths['/portal/invoices/{id}/pdf'].get.responses['200'];
  t.deepEqual(Object.keys(ok.content), ['application/pdf']);
  t.truthy(ok.headers['Content-Disposition']);
});
