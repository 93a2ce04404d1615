/**
 * The invoice PDF as a download (kind 'download'): the same invoice state renders
 * the same bytes, so its strong ETag is stable, and Range / If-Range / HEAD work.
 */
import { createHash } from 'node:crypto';
import test from 'ava';
import { PDFDocument } from 'pdf-lib';
import { renderInvoicePdf } from '../../../server/modules/invoices/pdf.js';
import { demo, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let token: string;
let pdfPath: string;

test.before(async () => {
  s = await startTestServer();
  const login = await s.portal('acme').auth.login(demo.nora);
  token = login.session.token!;
  const acme = await s.db.owner('tenants').where({ slug: 'acme' }).first();
  const invoice = await s.db.owner('invoices').where({ tenant_id: acme.id, number: 'INV-0003' }).first();
  pdfPath = `/api/v1/portal/invoices/${invoice.id}/pdf`;
});
test.after.always(async () => s?.close());

// Serial: each fetch is its own request; the order of the answers does not matter, but one at a time keeps them plain.
async function get(headers: Record<string, string> = {}, method = 'GET') {
  const res = await fetch(`${s.baseUrl}${pdfPath}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'caseflow-tenant': 'acme', ...headers },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

const sample = {
  id: '00000000-0000-4000-8000-000000000001',
  number: 'INV-0042',
  status: 'unpaid' as const,
  currency: 'USD',
  issue_date: '2026-03-01',
  due_date: '2026-03-31',
  total: 11900,
  amount_paid: 0,
  amount_due: 11900,
  created_at: '2026-03-01T10:00:00.000Z',
  subtotal: 10000,
  tax: 1900,
  client_note: null,
  lines: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      description: 'Advice',
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

test('the same invoice renders the same bytes a second later: no clock time or random id in the PDF', async (t) => {
  const input = { firm: { name: 'Acme Law', address: null, locale: 'en-US' }, client: { name: 'Nora' }, logo: null };
  const first = await renderInvoicePdf({ ...input, invoice: sample });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const second = await renderInvoicePdf({ ...input, invoice: sample });
  t.is(sha256(second), sha256(first));
  const doc = await PDFDocument.load(first, { updateMetadata: false });
  t.is(doc.getCreationDate()?.toISOString(), '2026-03-01T00:00:00.000Z', 'created on the issue date');
  t.is(doc.getModificationDate()?.toISOString(), '2026-03-01T10:00:00.000Z', 'modified when the invoice was created');
  const paid = await renderInvoicePdf({
    ...input,
    invoice: {
      ...sample,
      payments: [
        {
          id: '00000000-0000-4000-8000-000000000003',
          amount: 100,
          currency: 'USD',
          method: 'manual',
          mode: 'bank_transfer',
          paid_at: '2026-03-05T08:30:00.000Z',
          previewed_by: null,
        },
      ],
    },
  });
  t.not(sha256(paid), sha256(first));
  const paidDoc = await PDFDocument.load(paid, { updateMetadata: false });
  t.is(paidDoc.getModificationDate()?.toISOString(), '2026-03-05T08:30:00.000Z', 'modified by its latest payment');
});

test.serial(
  'the portal PDF twice gives the same strong ETag, the SHA-256 of its bytes, with the download headers',
  async (t) => {
    const a = await get();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const b = await get();
    t.is(a.res.status, 200);
    t.is(a.res.headers.get('etag'), `"${sha256(a.bytes)}"`);
    t.is(b.res.headers.get('etag'), a.res.headers.get('etag'));
    t.deepEqual(b.bytes, a.bytes);
    t.is(a.res.headers.get('content-type'), 'application/pdf');
    t.is(a.res.headers.get('content-length'), String(a.bytes.length));
    t.is(a.res.headers.get('accept-ranges'), 'bytes');
    t.is(a.res.headers.get('cache-control'), 'private, no-store');
    t.is(a.res.headers.get('x-content-type-options'), 'nosniff');
    t.is(a.res.headers.get('content-disposition'), 'attachment; filename="INV-0003.pdf"');
  },
);

test.serial('Range: bytes=100-199 answers 206 with exactly that slice and its Content-Range', async (t) => {
  const whole = await get();
  const part = await get({ range: 'bytes=100-199' });
  t.is(part.res.status, 206);
  t.is(part.res.headers.get('content-range'), `bytes 100-199/${whole.bytes.length}`);
  t.is(part.res.headers.get('content-length'), '100');
  t.deepEqual(part.bytes, whole.bytes.subarray(100, 200));
  const tail = await get({ range: 'bytes=-10' });
  t.is(tail.res.status, 206);
  t.deepEqual(tail.bytes, whole.bytes.subarray(whole.bytes.length - 10));
  const open = await get({ range: `bytes=${whole.bytes.length - 5}-` });
  t.is(
    open.res.headers.get('content-range'),
    `bytes ${whole.bytes.length - 5}-${whole.bytes.length - 1}/${whole.bytes.length}`,
  );
  t.deepEqual(open.bytes, whole.bytes.subarray(whole.bytes.length - 5));
});

test.serial(
  'If-Range with the current ETag gives the range; with another ETag or a weak one, 200 and the whole PDF',
  async (t) => {
    const whole = await get();
    const etag = whole.res.headers.get('etag')!;
    const matching = await get({ range: 'bytes=0-9', 'if-range': etag });
    t.is(matching.res.status, 206);
    t.deepEqual(matching.bytes, whole.bytes.subarray(0, 10));
    const stale = await get({ range: 'bytes=0-9', 'if-range': '"an-older-version"' });
    t.is(stale.res.status, 200);
    t.is(stale.res.headers.get('content-range'), null);
    t.deepEqual(stale.bytes, whole.bytes);
    const weak = await get({ range: 'bytes=0-9', 'if-range': `W/${etag}` });
    t.is(weak.res.status, 200);
    t.deepEqual(weak.bytes, whole.bytes);
  },
);

test.serial(
  'a range past the end is a 416 with Content-Range: bytes */size; several ranges get the whole PDF',
  async (t) => {
    const whole = await get();
    const size = whole.bytes.length;
    const past = await get({ range: `bytes=${size}-${size + 10}` });
    t.is(past.res.status, 416);
    t.is(past.res.headers.get('content-range'), `bytes */${size}`);
    const body = JSON.parse(past.bytes.toString('utf8'));
    t.is(body.error.code, 'range_not_satisfiable');
    t.is(body.error.message, `The requested range is outside the document, which is ${size} bytes long.`);
    const several = await get({ range: 'bytes=0-1,5-6' });
    t.is(several.res.status, 200);
    t.deepEqual(several.bytes, whole.bytes);
  },
);

test.serial('HEAD answers the headers of the PDF, its length and ETag, without the body', async (t) => {
  const whole = await get();
  const head = await get({}, 'HEAD');
  t.is(head.res.status, 200);
  t.is(head.bytes.length, 0);
  t.is(head.res.headers.get('content-length'), String(whole.bytes.length));
  t.is(head.res.headers.get('etag'), whole.res.headers.get('etag'));
  t.is(head.res.headers.get('content-type'), 'application/pdf');
  const ranged = await get({ range: 'bytes=0-9' }, 'HEAD');
  t.is(ranged.res.status, 206);
  t.is(ranged.res.headers.get('content-length'), '10');
});

test.serial('an unknown invoice is still the 404 envelope, not a document', async (t) => {
  const res = await fetch(`${s.baseUrl}/api/v1/portal/invoices/00000000-0000-4000-8000-00000000dead/pdf`, {
    headers: { authorization: `Bearer ${token}`, 'caseflow-tenant': 'acme' },
  });
  t.is(res.status, 404);
  t.is((await res.json()).error.type, 'not_found');
});
