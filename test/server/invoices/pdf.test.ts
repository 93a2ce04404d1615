import http from 'node:http';
import type { AddressInfo } from 'node:net';
import test from 'ava';
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { NotFoundError, PermissionError, PlanUpgradeRequiredError } from '../../../sdk/errors.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { renderInvoicePdf } from '../../../server/modules/invoices/pdf.js';
import { clearLogoCache, loadLogo } from '../../../server/modules/invoices/pdf-logo.js';
import { aContact, anInternalNote, portalAs, setPlan, updateSettings } from '../../helpers/factories/index.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let nora: PortalClient;
let acmeId: string;

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test.before(async () => {
  s = await startTestServer();
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  acmeId = (await s.db.owner('tenants').where({ slug: 'acme' }).first()).id;
  await updateSettings(s, 'acme', { address: '12 Harbour Street\nSpringfield, IL 62701' });
});
test.after.always(async () => s?.close());

async function textOf(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function imageCount(bytes: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(bytes);
  const xobjects = doc.getPage(0).node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  return xobjects ? xobjects.keys().length : 0;
}

const invoiceId = async (number: string) =>
  (await s.db.owner('invoices').where({ tenant_id: acmeId, number }).first()).id as string;

test('GET /api/v1/portal/invoices/:id/pdf — the invoice as a PDF: firm, address, client, lines, totals and the client note, never the internal note', async (t) => {
  const id = await invoiceId('INV-0003');
  await anInternalNote(s, { invoice: id, note: 'INTERNAL: client disputes hours, do not chase before March' });
  const bytes = await nora.invoices.pdf(id);
  t.is(Buffer.from(bytes).subarray(0, 5).toString('latin1'), '%PDF-');
  const text = await textOf(bytes);
  for (const expected of [
    'Acme Law',
    '12 Harbour Street',
    'Springfield, IL 62701',
    'Northwind Traders',
    'INV-0003',
    'Legal services (hours)',
    '$250.00',
    '$750.00',
    'Balance due',
    'Thank you for your business.',
    'Overdue',
  ]) {
    t.true(text.includes(expected), `missing ${expected}`);
  }
  t.false(text.includes('INTERNAL'));
  t.false(text.includes('disputes'));
});

// Serial, like every raw fetch here: PDF parsing in the concurrent tests blocks this process's event
// loop, and a kept-alive socket may then be reused just as the server closes it.
test.serial(
  'GET /api/v1/portal/invoices/:id/pdf — application/pdf, downloaded as <number>.pdf, not cached',
  async (t) => {
    const id = await invoiceId('INV-0002');
    const { session } = await s.portal('acme').auth.login(demo.nora);
    const response = await fetch(`${s.baseUrl}/api/v1/portal/invoices/${id}/pdf`, {
      headers: { authorization: `Bearer ${session.token}`, 'caseflow-tenant': 'acme' },
    });
    t.is(response.status, 200);
    t.is(response.headers.get('content-type'), 'application/pdf');
    t.is(response.headers.get('content-disposition'), 'attachment; filename="INV-0002.pdf"');
    t.is(response.headers.get('cache-control'), 'private, no-store');
    const text = await textOf(new Uint8Array(await response.arrayBuffer()));
    // 6.5 h × $250.00, half paid.
    for (const expected of ['6.5', '$1,625.00', '$500.00', '$1,125.00']) t.true(text.includes(expected), expected);
  },
);

test('GET /api/v1/portal/invoices/:id/pdf — the demo’s seeded internal note (INV-0005) is not in its PDF either', async (t) => {
  const id = await invoiceId('INV-0005');
  const note = await s.db.owner('invoice_internal_notes').where({ tenant_id: acmeId, invoice_id: id }).first();
  t.is(note.note, 'Client asked for a payment plan; follow up before sending a reminder.');
  const text = await textOf(await nora.invoices.pdf(id));
  t.true(text.includes('INV-0005') && text.includes('Courier') && text.includes('8.875%') && text.includes('$116.93'));
  t.false(text.includes('payment plan'));
});

test('GET /api/v1/portal/invoices/:id/pdf — another client’s invoice and a draft are 404', async (t) => {
  const ginas = await invoiceId('INV-0007');
  const error = await t.throwsAsync(nora.invoices.pdf(ginas), { instanceOf: NotFoundError });
  t.deepEqual([error.status, error.code], [404, 'resource_missing']);
  const draft = await s.db.owner('invoices').where({ tenant_id: acmeId, status: 'draft' }).first();
  await t.throwsAsync(nora.invoices.pdf(draft.id), { instanceOf: NotFoundError });
});

test('GET /api/v1/portal/invoices/:id/pdf — 403 without the invoices permission', async (t) => {
  const noraRow = await s.db.owner('contacts').where({ email: demo.nora.email }).first();
  const contact = await aContact(s, {
    client: noraRow.client_id,
    permissions: ['vault'],
    password: demo.nora.password,
  });
  const vera = await portalAs(s, contact, demo.nora.password);
  const error = await t.throwsAsync(vera.invoices.pdf(await invoiceId('INV-0001')), { instanceOf: PermissionError });
  t.deepEqual([error.status, error.code], [403, 'permission_denied']);
});

test.serial('GET /api/v1/portal/invoices/:id/pdf — 402 on the solo plan', async (t) => {
  const bluebird = await s.db.owner('tenants').where({ slug: 'bluebird' }).first();
  const invoice = await s.db.owner('invoices').where({ tenant_id: bluebird.id }).whereNot({ status: 'draft' }).first();
  await setPlan(s, 'bluebird', 'solo');
  try {
    const ian = s.portal('bluebird');
    await ian.auth.login(demo.ian);
    const error = await t.throwsAsync(ian.invoices.pdf(invoice.id), { instanceOf: PlanUpgradeRequiredError });
    t.deepEqual([error.status, error.code], [402, 'plan_upgrade_required']);
  } finally {
    await setPlan(s, 'bluebird', 'growth');
  }
});

const sample = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 'INV-77',
  status: 'unpaid' as const,
  currency: 'EUR',
  issue_date: '2026-03-01',
  due_date: '2026-03-31',
  total: 11900,
  amount_paid: 0,
  amount_due: 11900,
  created_at: '2026-03-01T10:00:00.000Z',
  subtotal: 10000,
  tax: 1900,
  lines: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      description: 'Консультация 相談 — Ærø café, Łódź',
      quantity: '1',
      unit_price: 10000,
      tax_rate: '19',
      amount: 10000,
      tax: 1900,
    },
  ],
  payments: [],
  payment_instructions: null,
};

test('PDF text outside WinAnsi: accents dropped where a Latin letter remains, "?" otherwise, never an error', async (t) => {
  const bytes = await renderInvoicePdf({
    firm: { name: 'Πρώτη Νομική', address: 'Kärntner Straße 1\n1010 Wien', locale: 'de-AT' },
    client: { name: 'Šárka Nováková' },
    invoice: { ...sample, client_note: 'Danke schön — 谢谢' },
    logo: null,
  });
  const text = await textOf(bytes);
  for (const expected of [
    '????? ??????',
    'Ærø café',
    '?ódz',
    '1010 Wien',
    'Kärntner Straße 1',
    'Šárka Nováková',
    'Danke schön — ??',
    'Balance due',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in ${text}`);
  }
  // The firm's locale formats the money (de-AT: € before, comma decimals); the Greek name is unreadable but there.
  t.true(/€ ?119,00/.test(text.replace(/\u00a0/g, ' ')), text);
});

test('PDF money in each currency’s exponent, with the ISO code where the font has no symbol', async (t) => {
  const kwd = await renderInvoicePdf({
    firm: { name: 'Gulf Law', address: null, locale: 'en-US' },
    client: { name: 'Client' },
    invoice: {
      ...sample,
      currency: 'KWD',
      lines: [{ ...sample.lines[0]!, unit_price: 1250, amount: 1250, tax: 0, tax_rate: '0' }],
      subtotal: 1250,
      tax: 0,
      total: 1250,
      amount_due: 1250,
      client_note: null,
    },
    logo: null,
  });
  t.true((await textOf(kwd)).includes('KWD 1.250'));
  const jpy = await renderInvoicePdf({
    firm: { name: 'Tokyo Law', address: null, locale: 'en-US' },
    client: { name: 'Client' },
    invoice: { ...sample, currency: 'JPY', total: 50000, amount_due: 50000, client_note: null },
    logo: null,
  });
  t.true((await textOf(jpy)).includes('¥50,000'));
});

test('the logo: a PNG over http or in a data: URL is embedded; slow, huge or non-image answers are skipped', async (t) => {
  clearLogoCache();
  const server = http.createServer((req, res) => {
    if (req.url === '/logo.png') return res.end(PNG);
    if (req.url === '/huge.png') return res.end(Buffer.concat([PNG, Buffer.alloc(600 * 1024)]));
    if (req.url === '/page.html') return res.end('<html></html>');
    if (req.url === '/slow.png') return setTimeout(() => res.end(PNG), 3000);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const logo = await loadLogo(`${base}/logo.png`);
    t.is(logo?.type, 'png');
    t.is((await loadLogo(`data:image/png;base64,${PNG.toString('base64')}`))?.type, 'png');
    t.is(await loadLogo(`${base}/huge.png`), null);
    t.is(await loadLogo(`${base}/page.html`), null);
    t.is(await loadLogo(`${base}/missing.png`), null);
    t.is(await loadLogo(`${base}/slow.png`, { timeoutMs: 200 }), null);
    t.is(await loadLogo('ftp://example.com/logo.png'), null);
    const bytes = await renderInvoicePdf({
      firm: { name: 'Logo Law', address: null, locale: 'en-GB' },
      client: { name: 'Client' },
      invoice: { ...sample, client_note: null },
      logo,
    });
    t.is(await imageCount(bytes), 1);
    const broken = await renderInvoicePdf({
      firm: { name: 'Logo Law', address: null, locale: 'en-GB' },
      client: { name: 'Client' },
      invoice: { ...sample, client_note: null },
      logo: { type: 'png', bytes: PNG.subarray(0, 20) },
    });
    t.is(await imageCount(broken), 0);
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('a long invoice flows onto more pages, every line drawn', async (t) => {
  const lines = Array.from({ length: 80 }, (_, i) => ({
    ...sample.lines[0]!,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    description: `Line ${i + 1}: drafting and review of the supplementary agreement, with a long description that wraps`,
    tax_rate: '0',
    tax: 0,
  }));
  const bytes = await renderInvoicePdf({
    firm: { name: 'Long Law', address: null, locale: 'en-GB' },
    client: { name: 'Client' },
    invoice: { ...sample, lines, client_note: 'End of the note.' },
    logo: null,
  });
  t.true((await PDFDocument.load(bytes)).getPageCount() > 1);
  const text = await textOf(bytes);
  t.true(text.includes('Line 1:') && text.includes('Line 80:') && text.includes('End of the note.'));
});
