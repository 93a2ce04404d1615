import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import test from 'ava';
import { PDFDocument, PDFDict, PDFName } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { NotFoundError, PermissionError, PlanUpgradeRequiredError } from '../../../sdk/errors.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { renderInvoicePdf } from '../../../server/modules/invoices/pdf.js';
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

/** A `width`×`height` RGB PNG: a navy field with a teal square at its start, enough of a logo to see when rendered. */
function aLogoPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = x < height ? [0x14, 0x9e, 0x8f] : [0x1f, 0x3a, 0x68];
      rows.set([r, g, b], y * (width * 3 + 1) + 1 + x * 3);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Acme's contact details and payment instructions in these tests, set with the owner connection. */
const acmeSettings = {
  phone: '+1 212 555 0199',
  email: 'billing@acme-law.example',
  website: 'https://www.acme-law.example/',
  payment_bank_details: 'Acme Law LLP\nFirst Harbour Bank\nAccount 12345678, routing 021000021',
  payment_remit_to: 'Acme Law LLP\n12 Harbour Street\nSpringfield, IL 62701',
  payment_notes: 'Quote the invoice number as your reference.',
  // 03:30 UTC is still 19 November in New York, Acme's time zone.
  payment_instructions_updated_at: new Date('2026-11-20T03:30:00Z'),
};

test.before(async () => {
  s = await startTestServer();
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  acmeId = (await s.db.owner('tenants').where({ slug: 'acme' }).first()).id;
  await updateSettings(s, 'acme', { address: '12 Harbour Street\nSpringfield, IL 62701' });
  await s.db.owner('tenants').where({ slug: 'acme' }).update(acmeSettings);
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

/** The extracted text's lines, trimmed, without the empty ones and the page markers. */
const linesOf = async (bytes: ArrayBuffer | Uint8Array) =>
  (await textOf(bytes))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^-- \d+ of \d+ --$/.test(line));

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

test('GET /api/v1/portal/invoices/:id/pdf — a payable invoice prints how to pay, line by line, and when the instructions changed', async (t) => {
  const lines = await linesOf(await nora.invoices.pdf(await invoiceId('INV-0003')));
  const at = lines.indexOf('How to pay');
  t.true(at > 0, lines.join('\n'));
  t.deepEqual(lines.slice(at, at + 14), [
    'How to pay',
    'Bank transfer',
    'Acme Law LLP',
    'First Harbour Bank',
    'Account 12345678, routing 021000021',
    'Remit to',
    'Acme Law LLP',
    '12 Harbour Street',
    'Springfield, IL 62701',
    'Please note',
    'Quote the invoice number as your reference.',
    'Payment instructions updated Nov 19, 2026',
    'Note',
    'Thank you for your business.',
  ]);
});

test('GET /api/v1/portal/invoices/:id/pdf — the firm’s phone, email and website under its address', async (t) => {
  const lines = await linesOf(await nora.invoices.pdf(await invoiceId('INV-0003')));
  const at = lines.indexOf('12 Harbour Street');
  t.deepEqual(lines.slice(at, at + 5), [
    '12 Harbour Street',
    'Springfield, IL 62701',
    '+1 212 555 0199',
    'billing@acme-law.example',
    'https://www.acme-law.example/',
  ]);
});

test('PDF contact details: address, phone, email and website under the firm’s name, each only when given', async (t) => {
  const render = async (firm: Partial<Parameters<typeof renderInvoicePdf>[0]['firm']>) => {
    const lines = await linesOf(
      await renderInvoicePdf({
        firm: { name: 'Contact Law', address: null, locale: 'en-GB', ...firm },
        client: { name: 'Client' },
        invoice: { ...sample, client_note: null },
        logo: null,
      }),
    );
    return lines.slice(lines.indexOf('Contact Law') + 1, lines.indexOf('Bill to'));
  };
  const all = await render({
    address: '1 Quay Street\nBristol BS1 4DJ',
    phone: '+44 117 496 0000',
    email: 'accounts@contact-law.example',
    website: 'https://contact-law.example/',
  });
  for (const line of [
    '1 Quay Street',
    'Bristol BS1 4DJ',
    '+44 117 496 0000',
    'accounts@contact-law.example',
    'https://contact-law.example/',
  ])
    t.true(
      all.some((l) => l.endsWith(line)),
      `missing ${line} in ${all.join(' | ')}`,
    );
  const some = await render({ email: 'accounts@contact-law.example' });
  t.true(some.some((l) => l.endsWith('accounts@contact-law.example')));
  t.false(some.some((l) => l.includes('Quay') || l.includes('+44') || l.includes('https://')));
});

test('GET /api/v1/portal/invoices/:id/pdf — a paid and a cancelled invoice print no payment instructions', async (t) => {
  for (const number of ['INV-0001', 'INV-0004']) {
    const text = await textOf(await nora.invoices.pdf(await invoiceId(number)));
    t.true(text.includes(number), number);
    t.false(text.includes('How to pay'), number);
    t.false(text.includes('Account 12345678'), number);
    t.false(text.includes('Payment instructions updated'), number);
  }
});

test('GET /api/v1/portal/invoices/:id/pdf — each payment received names how it arrived', async (t) => {
  const lines = await linesOf(await nora.invoices.pdf(await invoiceId('INV-0002')));
  const at = lines.indexOf('Payments received');
  t.true(at > 0, lines.join('\n'));
  // The demo's payment: a bank transfer of $500.00, ten days after the issue date.
  t.regex(lines[at + 1]!, /^[A-Z][a-z]{2} \d{1,2}, \d{4}\s+Bank transfer\s+\$500\.00$/);
  t.is(lines[at + 2], 'How to pay');
});

const logoOf = (tenantId: string, bytes: Buffer) => ({
  tenant_id: tenantId,
  media_type: 'image/png',
  content: bytes,
  sha256: createHash('sha256').update(bytes).digest('hex'),
  width: 120,
  height: 40,
});

test.serial(
  'GET /api/v1/portal/invoices/:id/pdf — the logo stored in tenant_logos is embedded; none, or bytes that are no PNG or JPEG, and the PDF comes without',
  async (t) => {
    // Bluebird's own invoice, so the other tests' firm keeps its settings.
    const bluebird = (await s.db.owner('tenants').where({ slug: 'bluebird' }).first()).id as string;
    const ian = s.portal('bluebird');
    await ian.auth.login(demo.ian);
    const [invoice] = (await ian.invoices.list()).data;
    const pdf = async () => new Uint8Array(await ian.invoices.pdf(invoice!.id));
    try {
      await s.db.owner('tenant_logos').where({ tenant_id: bluebird }).delete();
      const without = await pdf();
      t.is(await imageCount(without), 0);
      t.true((await textOf(without)).includes('Bluebird Legal'));

      await s.db.owner('tenant_logos').insert(logoOf(bluebird, aLogoPng(120, 40)));
      t.is(await imageCount(await pdf()), 1);

      // A WebP under a PNG label (the upload checks the bytes; the PDF checks them again).
      const webp = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(24)]);
      await s.db.owner('tenant_logos').where({ tenant_id: bluebird }).update(logoOf(bluebird, webp));
      const skipped = await pdf();
      t.is(await imageCount(skipped), 0);
      t.true((await textOf(skipped)).includes('Bluebird Legal'));
    } finally {
      await s.db.owner('tenant_logos').where({ tenant_id: bluebird }).delete();
    }
  },
);

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

test('PDF text in any script the Noto fonts cover, exactly; CJK, which they do not, as "?", never an error', async (t) => {
  const bytes = await renderInvoicePdf({
    firm: { name: 'Πρώτη Νομική', address: 'Kärntner Straße 1\n1010 Wien', locale: 'de-AT' },
    client: { name: 'Šárka Nováková' },
    invoice: { ...sample, client_note: 'Danke schön — 谢谢' },
    logo: null,
  });
  const text = await textOf(bytes);
  for (const expected of [
    'Πρώτη Νομική',
    'Консультация ?? — Ærø café,',
    'Łódź',
    '1010 Wien',
    'Kärntner Straße 1',
    'Šárka Nováková',
    'Danke schön — ??',
    // No reader given: the firm's language (German), its locale's money (de-AT: € before, comma decimals).
    'Offener Betrag',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in ${text}`);
  }
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

test('the logo: a 1×1 and a 600×200 PNG are embedded; a broken one is skipped and the PDF still renders', async (t) => {
  const render = (bytes: Uint8Array) =>
    renderInvoicePdf({
      firm: { name: 'Logo Law', address: null, locale: 'en-GB' },
      client: { name: 'Client' },
      invoice: { ...sample, client_note: null },
      logo: { type: 'png', bytes },
    });
  t.is(await imageCount(await render(PNG)), 1);
  t.is(await imageCount(await render(aLogoPng(600, 200))), 1);
  t.is(await imageCount(await render(PNG.subarray(0, 20))), 0);
});

const payment = (id: number, mode: 'card' | 'bank_transfer' | 'cash' | 'check' | 'other', paid_at: string) => ({
  id: `00000000-0000-4000-8000-00000000010${id}`,
  amount: 1000,
  currency: 'EUR',
  method: mode === 'card' ? ('stripe' as const) : ('manual' as const),
  mode,
  paid_at,
  previewed_by: null,
});

test('PDF payments: each named by its mode, dated in the firm’s time zone; a cheque is a "Check" in US English', async (t) => {
  const payments = [
    payment(1, 'card', '2026-03-02T23:30:00.000Z'),
    payment(2, 'bank_transfer', '2026-03-03T10:00:00.000Z'),
    payment(3, 'check', '2026-03-04T10:00:00.000Z'),
    payment(4, 'cash', '2026-03-05T10:00:00.000Z'),
    payment(5, 'other', '2026-03-06T10:00:00.000Z'),
  ];
  const render = async (locale: string, timezone: string) => {
    const lines = await linesOf(
      await renderInvoicePdf({
        firm: { name: 'Mode Law', address: null, locale, timezone },
        client: { name: 'Client' },
        invoice: {
          ...sample,
          amount_paid: 5000,
          amount_due: 6900,
          status: 'partially_paid',
          payments,
          client_note: null,
        },
        logo: null,
      }),
    );
    const at = lines.indexOf('Payments received');
    return lines.slice(at + 1, at + 6).map((line) => line.replace(/\s+/g, ' '));
  };
  // 23:30 UTC on 2 March is 3 March in Vienna.
  t.deepEqual(await render('en-GB', 'Europe/Vienna'), [
    '3 Mar 2026 Card €10.00',
    '3 Mar 2026 Bank transfer €10.00',
    '4 Mar 2026 Cheque €10.00',
    '5 Mar 2026 Cash €10.00',
    '6 Mar 2026 Other €10.00',
  ]);
  t.deepEqual(await render('en-US', 'America/Chicago'), [
    'Mar 2, 2026 Card €10.00',
    'Mar 3, 2026 Bank transfer €10.00',
    'Mar 4, 2026 Check €10.00',
    'Mar 5, 2026 Cash €10.00',
    'Mar 6, 2026 Other €10.00',
  ]);
});

const instructions = {
  bank_details:
    'Account name: Harbour & Lighthouse Maritime Law Partners LLP, Account number 0012 3456 7890, Sort code 20-00-00, IBAN GB33 BUKB 2020 1555 5555 55, SWIFT/BIC BUKBGB22 — please allow three working days for international transfers\nBarclays Bank, 1 Churchill Place, London',
  remit_to: null,
  notes: 'Quote INV-77 as your reference.',
  updated_at: '2026-02-27T23:15:00.000Z',
};

test('PDF how to pay: long instructions wrap to the page with every word kept; absent sections are left out', async (t) => {
  const lines = await linesOf(
    await renderInvoicePdf({
      firm: { name: 'Wrap Law', address: null, locale: 'en-GB', timezone: 'Europe/London' },
      client: { name: 'Client' },
      invoice: { ...sample, client_note: null, payment_instructions: instructions },
      logo: null,
    }),
  );
  const at = lines.indexOf('How to pay');
  const notes = lines.indexOf('Please note');
  t.is(lines[at + 1], 'Bank transfer');
  const bank = lines.slice(at + 2, notes);
  t.true(bank.length >= 3, bank.join('\n'));
  t.is(bank.at(-1), 'Barclays Bank, 1 Churchill Place, London');
  t.is(bank.slice(0, -1).join(' '), instructions.bank_details.split('\n')[0]!);
  t.false(lines.includes('Remit to'));
  t.deepEqual(lines.slice(notes, notes + 3), [
    'Please note',
    'Quote INV-77 as your reference.',
    'Payment instructions updated 27 Feb 2026',
  ]);
});

test('PDF how to pay: nothing printed when the invoice carries no instructions', async (t) => {
  const text = await textOf(
    await renderInvoicePdf({
      firm: { name: 'Plain Law', address: null, locale: 'en-GB' },
      client: { name: 'Client' },
      invoice: { ...sample, client_note: null, payment_instructions: null },
      logo: null,
    }),
  );
  t.false(text.includes('How to pay'));
  t.false(text.includes('Payment instructions updated'));
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

// Writes test-output/pdf/how-to-pay-1.png (pdftoppm, 60 dpi) to be looked at: logo, contact details, payments, how to pay.
test('a rendered PDF with a logo, payments and how to pay is written to test-output/pdf', async (t) => {
  const bytes = await renderInvoicePdf({
    firm: {
      name: 'Harbour & Lighthouse Law',
      address: '1 Quay Street\nBristol BS1 4DJ',
      locale: 'en-GB',
      timezone: 'Europe/London',
      phone: '+44 117 496 0000',
      email: 'accounts@harbour-law.example',
      website: 'https://harbour-law.example/',
    },
    client: { name: 'Northwind Traders' },
    invoice: {
      ...sample,
      status: 'partially_paid',
      amount_paid: 2000,
      amount_due: 9900,
      payments: [
        payment(1, 'bank_transfer', '2026-03-10T10:00:00.000Z'),
        payment(2, 'check', '2026-03-12T10:00:00.000Z'),
      ],
      client_note: 'Thank you for your business.',
      payment_instructions: { ...instructions, remit_to: 'Harbour & Lighthouse Law\n1 Quay Street\nBristol BS1 4DJ' },
    },
    logo: { type: 'png', bytes: aLogoPng(180, 48) },
  });
  const dir = path.resolve(import.meta.dirname, '../../../test-output/pdf');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'how-to-pay.pdf'), bytes);
  try {
    await promisify(execFile)('pdftoppm', [
      '-png',
      '-r',
      '60',
      path.join(dir, 'how-to-pay.pdf'),
      path.join(dir, 'how-to-pay'),
    ]);
  } catch (error) {
    t.log(`pdftoppm did not run: ${String(error)}`);
  }
  t.is(await imageCount(bytes), 1);
});
