/**
 * Invoice PDFs in any script and in the reader's language, downloaded through
 * the SDK: names in Vietnamese, Greek, Polish, Cyrillic and Arabic come out of
 * the PDF's text exactly (NFC), an Arabic reader's invoice is in Arabic and
 * mirrored, a Spanish reader's in Spanish with Spanish money. Each PDF is also
 * rendered (pdftoppm, 60 dpi) to /tmp/shots15/pdf/ to be looked at.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import test from 'ava';
import { PDFParse } from 'pdf-parse';
import type { Language } from '../../../sdk/i18n.js';
import { renderInvoicePdf } from '../../../server/modules/invoices/pdf.js';
import { aClient, aContact, anInvoice, portalAs } from '../../helpers/factories/index.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const run = promisify(execFile);
const SHOTS = '/tmp/shots15/pdf';
const PASSWORD = 'Correct-Horse-Battery-9';

let s: TestServer;

test.before(async () => {
  s = await startTestServer();
  await mkdir(SHOTS, { recursive: true });
});
test.after.always(async () => s?.close());

async function textOf(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  // A copy: pdf.js takes over (detaches) the buffer it is given.
  const parser = new PDFParse({ data: new Uint8Array(bytes).slice() });
  try {
    return (await parser.getText()).text.normalize('NFC');
  } finally {
    await parser.destroy();
  }
}

/** The text's lines, trimmed, without the empty ones and the page markers. */
const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^-- \d+ of \d+ --$/.test(line));

/** Writes the PDF and its first page as a PNG (pdftoppm -r 60) under /tmp/shots15/pdf/, to be looked at. */
async function keep(name: string, bytes: ArrayBuffer | Uint8Array): Promise<void> {
  const file = path.join(SHOTS, `${name}.pdf`);
  await writeFile(file, new Uint8Array(bytes));
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(SHOTS, name)]);
}

/** Where poppler puts each word of page 1: its left edge, in points. */
async function wordLefts(bytes: ArrayBuffer | Uint8Array): Promise<Map<string, number>> {
  const file = path.join(SHOTS, `bbox-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, new Uint8Array(bytes));
  const { stdout } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']).finally(() => rm(file));
  const lefts = new Map<string, number>();
  for (const [, x, word] of stdout.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    if (!lefts.has(word!)) lefts.set(word!, Number(x));
  }
  return lefts;
}

/** A client of Acme with a contact who logs in to the portal (in `language`, if given), and one sent invoice. */
async function aReader(o: {
  client: string;
  language?: Language;
  currency?: string;
  lines: { description: string; unit_price: number; quantity?: string }[];
}) {
  const client = await aClient(s, { name: o.client });
  const contact = await aContact(s, {
    client,
    password: PASSWORD,
    ...(o.language && { language: o.language }),
  });
  const invoice = await anInvoice(s, {
    client,
    ...(o.currency && { currency: o.currency }),
    lines: o.lines.map((line) => ({ quantity: '1', ...line })),
  });
  const portal = await portalAs(s, contact, PASSWORD);
  return { portal, invoice };
}

const names = ['Nguyễn Thị Ánh', 'Ελένη', 'Łukasz Żółć', 'Жанна', 'سارة'];

test('GET /api/v1/portal/invoices/:id/pdf — names in Vietnamese, Greek, Polish, Cyrillic and Arabic extract exactly as written', async (t) => {
  const { portal, invoice } = await aReader({
    client: 'Łukasz Żółć',
    lines: [
      { description: 'Nguyễn Thị Ánh', unit_price: 10000 },
      { description: 'Ελένη', unit_price: 20000 },
      { description: 'Жанна', unit_price: 30000 },
      { description: 'سارة', unit_price: 40000 },
    ],
  });
  const bytes = await portal.invoices.pdf(invoice.id);
  await keep('scripts', bytes);
  const text = await textOf(bytes);
  for (const name of names) t.true(text.includes(name), `missing ${name} in\n${text}`);
  const lines = linesOf(text);
  // The client's name alone on its line under "Bill to"; each description at the start of its row, before its figures.
  t.is(lines[lines.indexOf('Bill to') + 1], 'Łukasz Żółć');
  t.regex(text, /^Nguyễn Thị Ánh\s+1\s+\$100\.00/m);
  t.regex(text, /^Ελένη\s+1\s+\$200\.00/m);
  t.regex(text, /^Жанна\s+1\s+\$300\.00/m);
  t.regex(text, /\$1,000\.00/);
  // Nothing fell back to "?": every character had a glyph.
  t.false(text.includes('?'), text);
});

test('GET /api/v1/portal/invoices/:id/pdf — a contact whose language is Arabic gets the invoice in Arabic, mirrored: the firm on the right, the title on the left', async (t) => {
  const { portal, invoice } = await aReader({
    client: 'سارة',
    language: 'ar',
    lines: [{ description: 'استشارة قانونية', unit_price: 46250 }],
  });
  const bytes = await portal.invoices.pdf(invoice.id);
  await keep('arabic', bytes);
  const text = await textOf(bytes);
  for (const expected of [
    'فاتورة',
    'رقم الفاتورة',
    'فاتورة إلى',
    'سارة',
    'استشارة قانونية',
    'الوصف',
    'الكمية',
    'سعر الوحدة',
    'المجموع الفرعي',
    'الإجمالي',
    'الرصيد المستحق',
    'غير مدفوعة',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in\n${text}`);
  }
  t.regex(text, new RegExp(`${invoice.number}\\s+رقم الفاتورة`));
  t.false(text.includes('Balance due'));
  t.false(text.includes('Invoice'));
  // Money keeps its own direction: Latin digits in "ar", the amount then the currency, read left to right.
  t.regex(text.replace(/\s/g, ' '), /462\.50 US\$/);

  // Acme's name starts at the right margin; the title "فاتورة" ends at the left one (Letter: 612 pt wide).
  const lefts = await wordLefts(bytes);
  t.true(lefts.get('Acme')! > 306, `Acme at ${lefts.get('Acme')}`);
  t.true(lefts.get(invoice.number!)! < 306, `${invoice.number} at ${lefts.get(invoice.number!)}`);
});

test('GET /api/v1/portal/invoices/:id/pdf — a contact whose language is Spanish gets Spanish labels and money', async (t) => {
  const { portal, invoice } = await aReader({
    client: 'Martínez y Asociados',
    language: 'es',
    currency: 'EUR',
    // Spanish groups thousands from five digits on (CLDR): 1234,56 € but 12.345,67 €.
    lines: [
      { description: 'Asesoría jurídica', unit_price: 123456 },
      { description: 'Revisión del contrato', unit_price: 1111111 },
    ],
  });
  const bytes = await portal.invoices.pdf(invoice.id);
  await keep('spanish', bytes);
  const text = (await textOf(bytes)).replace(/[\u00a0\u202f]/g, ' ');
  for (const expected of [
    'Factura',
    'Número de factura',
    'Fecha de emisión',
    'Facturar a',
    'Martínez y Asociados',
    'Descripción',
    'Precio unitario',
    'Importe',
    'Saldo pendiente',
    'Pendiente de pago',
    '1234,56 €',
    '11.111,11 €',
    '12.345,67 €',
  ]) {
    t.true(text.includes(expected), `missing ${expected} in\n${text}`);
  }
  t.false(text.includes('Balance due'));
});

test('renderInvoicePdf — German money is "1.234,56 €"; without a reader, the firm’s language; en-US writes "Check"', async (t) => {
  const invoice = {
    id: '00000000-0000-4000-8000-000000000001',
    number: 'INV-9',
    status: 'partially_paid' as const,
    currency: 'EUR',
    issue_date: '2026-03-01',
    due_date: null,
    total: 123456,
    amount_paid: 1000,
    amount_due: 122456,
    created_at: '2026-03-01T10:00:00.000Z',
    subtotal: 123456,
    tax: 0,
    client_note: null,
    lines: [
      {
        id: '00000000-0000-4000-8000-000000000002',
        description: 'Beratung',
        quantity: '1',
        unit_price: 123456,
        tax_rate: '0',
        amount: 123456,
        tax: 0,
      },
    ],
    payments: [
      {
        id: '00000000-0000-4000-8000-000000000003',
        amount: 1000,
        currency: 'EUR',
        method: 'manual' as const,
        mode: 'check' as const,
        paid_at: '2026-03-05T10:00:00.000Z',
        previewed_by: null,
      },
    ],
    payment_instructions: null,
  };
  const render = async (locale: string, language?: Language) =>
    (
      await textOf(
        await renderInvoicePdf({
          firm: { name: 'Kanzlei', address: null, locale },
          client: { name: 'Client' },
          invoice,
          logo: null,
          ...(language && { language }),
        }),
      )
    ).replace(/[\u00a0\u202f]/g, ' ');
  const german = await render('de-DE');
  t.true(german.includes('Rechnung') && german.includes('Offener Betrag') && german.includes('Scheck'), german);
  t.true(german.includes('1.234,56 €'), german);
  const english = await render('de-DE', 'en');
  t.true(english.includes('Balance due') && english.includes('Cheque') && english.includes('€1,234.56'), english);
  const american = await render('en-US');
  t.true(american.includes('Check') && !american.includes('Cheque'), american);
});
