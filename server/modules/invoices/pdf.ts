/**
 * Invoice PDFs (pdf-lib). The document is drawn from the portal's own view of
 * the invoice (`retrieveForPortal`, an allow-list), so what the portal may not
 * show — drafts, other clients, internal notes — cannot reach the PDF either.
 *
 * In the reader's language: every word through `msg()` (server/i18n/<lang>/pdf.ts),
 * numbers, money and dates by Intl in `formattingLocale(language, firm.locale)`
 * with the locale's own digits (Latin for "ar", Arabic-Indic for "ar-EG"), dates
 * in the firm's time zone. Text in any script the Noto fonts cover (server/pdf);
 * an Arabic invoice is mirrored: the firm on the right, columns right to left,
 * figures aligned to the end edge, which is the left.
 */
import { PDFDocument, rgb, type PDFImage, type PDFPage } from 'pdf-lib';
import type { z } from 'zod';
import type { PortalInvoice } from '../../../sdk/schemas/invoices.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';
import type { BinaryOutput } from '../../http/route.js';
import { formatCalendarDate, formatLocalMoney } from '../../../sdk/format.js';
import type { PaymentMode } from '../../../sdk/schemas/invoices.js';
import { sniffImage } from '../../../sdk/images.js';
import {
  formattingLocale,
  isRightToLeft,
  messagesFor,
  pickLanguage,
  type Language,
  type Msg,
} from '../../i18n/index.js';
import { PdfText, type Direction } from '../../pdf/text.js';
import { retrieveForPortal } from './service.js';

type Invoice = z.input<typeof PortalInvoice>;

/** What the PDF prints about the firm; the contact details and time zone only when given. */
export interface PdfFirm {
  name: string;
  address: string | null;
  locale: string;
  /** The firm's IANA time zone: a timestamp (a payment, the instructions' change) is printed as its date there. */
  timezone?: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
}

/** A logo's bytes, which pdf-lib embeds as PNG or JPEG. */
export interface LogoImage {
  type: 'png' | 'jpeg';
  bytes: Uint8Array;
}

export interface InvoicePdfInput {
  firm: PdfFirm;
  client: { name: string };
  invoice: Invoice;
  logo: LogoImage | null;
  /** The reader's language; without one, the firm's (its locale's language, else English). */
  language?: Language;
}

// ---- the words ---------------------------------------------------------------

function statusLabel(msg: Msg, status: string): string {
  switch (status) {
    case 'unpaid':
      return msg('Unpaid');
    case 'partially_paid':
      return msg('Partially paid');
    case 'paid':
      return msg('Paid');
    case 'overdue':
      return msg('Overdue');
    case 'cancelled':
      return msg('Cancelled');
    default:
      return status;
  }
}

/** How a payment arrived. US English writes "check", every other English "cheque". */
function modeLabel(msg: Msg, mode: PaymentMode, locale: string): string {
  switch (mode) {
    case 'card':
      return msg('Card');
    case 'bank_transfer':
      return msg('Bank transfer');
    case 'check':
      return /^en-US\b/i.test(locale) ? msg('Check') : msg('Cheque');
    case 'cash':
      return msg('Cash');
    default:
      return msg('Other');
  }
}

// ---- numbers, money and dates in the reader's locale --------------------------

function canonical(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

function formatQuantity(quantity: string, locale: string): string {
  const value = Number(quantity);
  if (!Number.isFinite(value)) return quantity;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

function formatRate(rate: string, locale: string): string {
  const value = Number(rate);
  if (!Number.isFinite(value)) return `${rate}%`;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 }).format(value / 100);
}

/** An ISO timestamp as the calendar date it was in the firm's time zone (UTC when unknown), in the locale. */
function formatTimestamp(value: string, locale: string, timeZone = 'UTC'): string {
  const at = new Date(value);
  const partsIn = (zone: string) =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(at);
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = partsIn(timeZone);
  } catch {
    parts = partsIn('UTC'); // an unknown zone: UTC rather than no PDF
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return formatCalendarDate(`${part('year')}-${part('month')}-${part('day')}`, locale);
}

// ---- layout ------------------------------------------------------------------

const MARGIN = 50;
const INK = rgb(0.12, 0.16, 0.22);
const MUTED = rgb(0.4, 0.44, 0.5);
const RULE = rgb(0.82, 0.84, 0.86);

/** US and Canadian firms print on Letter, everyone else on A4. */
function pageSize(tag: string): [number, number] {
  return /-(US|CA)\b/i.test(canonical(tag)) ? [612, 792] : [595.28, 841.89];
}

interface WriteOptions {
  size?: number;
  bold?: boolean;
  color?: typeof INK;
  align?: 'end';
  /** 'auto' for what people typed (names, addresses, descriptions); 'ltr' for figures. */
  direction?: Direction | 'auto';
}

/**
 * A cursor that writes top to bottom, opening a new page when the current one
 * is full. Positions are offsets from the start margin (the left one, or the
 * right one in a right-to-left document), so the same layout mirrors itself.
 */
class Writer {
  page: PDFPage;
  y: number;
  readonly width: number;
  readonly pageHeight: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly size: [number, number],
    readonly text: PdfText,
  ) {
    this.page = doc.addPage(size);
    this.y = size[1] - MARGIN;
    this.width = size[0] - 2 * MARGIN;
    this.pageHeight = size[1];
  }

  /** The page's x of an offset from the start margin. */
  x(offset: number): number {
    return this.text.direction === 'rtl' ? this.size[0] - MARGIN - offset : MARGIN + offset;
  }

  /** Makes room for `height` points, on a new page if need be. */
  need(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - MARGIN;
  }

  async write(text: string, offset: number, opts: WriteOptions = {}): Promise<void> {
    await this.text.draw(this.page, text, this.x(offset), this.y, {
      size: opts.size ?? 10,
      bold: opts.bold ?? false,
      color: opts.color ?? INK,
      ...(opts.align && { align: opts.align }),
      ...(opts.direction && { direction: opts.direction }),
    });
  }

  /** Splits text into lines no wider than `width` (on spaces; long words are cut). */
  wrap(text: string, width: number, size = 10, bold = false): string[] {
    return this.text.wrap(text, width, { size, bold }, 'auto');
  }

  rule(): void {
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: MARGIN + this.width, y: this.y },
      thickness: 0.75,
      color: RULE,
    });
  }
}

async function embedLogo(doc: PDFDocument, logo: LogoImage | null): Promise<PDFImage | null> {
  if (!logo) return null;
  try {
    return logo.type === 'png' ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
  } catch {
    return null; // a corrupt image is no reason to refuse the invoice
  }
}

/**
 * The document's dates come from the invoice, never the clock: created on its
 * issue date, modified when it last changed (created, or its latest payment), so
 * the same record state always renders the same bytes (and the same ETag).
 */
function documentDates(invoice: Invoice): { created: Date; modified: Date } {
  const created = new Date(`${invoice.issue_date}T00:00:00Z`);
  const changes = [
    invoice.created_at,
    ...invoice.payments.map((p) => p.paid_at),
    ...(invoice.payment_instructions?.updated_at ? [invoice.payment_instructions.updated_at] : []),
  ].map((t) => new Date(t).getTime());
  return { created, modified: new Date(Math.max(created.getTime(), ...changes)) };
}

/** Draws the invoice; returns the PDF's bytes, the same for the same invoice (no clock, no random id). */
export async function renderInvoicePdf({
  firm,
  client,
  invoice,
  logo,
  language,
}: InvoicePdfInput): Promise<Uint8Array> {
  const reader = language ?? pickLanguage(firm.locale);
  const msg = messagesFor(reader);
  const locale = canonical(formattingLocale(reader, firm.locale));
  // pdf-lib would stamp the creation and modification time from the clock: the invoice's own dates instead.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const dates = documentDates(invoice);
  doc.setCreationDate(dates.created);
  doc.setModificationDate(dates.modified);
  doc.setProducer('pdf-lib (https://github.com/Hopding/pdf-lib)');
  const text = new PdfText(doc, isRightToLeft(reader) ? 'rtl' : 'ltr');
  // A symbol the fonts cannot draw gives way to the ISO code. Amounts keep their own direction (left to right).
  const money = (amount: number) => {
    const symbol = formatLocalMoney(amount, invoice.currency, locale);
    return text.canDraw(symbol) ? symbol : formatLocalMoney(amount, invoice.currency, locale, { display: 'code' });
  };
  const figure = { direction: 'ltr' as const };
  const number = invoice.number;
  doc.setTitle(msg('Invoice {number} · {firm}', { number, firm: firm.name }));
  doc.setAuthor(firm.name);
  doc.setCreator('CaseFlow Portal');
  doc.setLanguage(locale);

  const w = new Writer(doc, pageSize(firm.locale), text);
  const end = w.width;

  // Header: logo, firm name and address on the start side; the invoice's facts on the end side.
  const image = await embedLogo(doc, logo);
  const top = w.y;
  if (image) {
    const scale = Math.min(140 / image.width, 48 / image.height, 1);
    const [width, height] = [image.width * scale, image.height * scale];
    const x = text.direction === 'rtl' ? w.x(0) - width : w.x(0);
    w.page.drawImage(image, { x, y: w.y - height, width, height });
    w.y -= height + 12;
  }
  w.y -= 14;
  for (const line of w.wrap(firm.name, w.width / 2, 14, true)) {
    await w.write(line, 0, { size: 14, bold: true, direction: 'auto' });
    w.y -= 17;
  }
  // The address, then how to reach the firm (each when given).
  const contact = [firm.address, firm.phone, firm.email, firm.website].filter((line): line is string => !!line);
  for (const line of contact.flatMap((item) => w.wrap(item, w.width / 2, 9))) {
    await w.write(line, 0, { size: 9, color: MUTED, direction: 'auto' });
    w.y -= 12;
  }
  const startBottom = w.y;

  w.y = top - 20;
  await w.write(msg('Invoice'), end, { size: 20, bold: true, align: 'end' });
  w.y -= 22;
  const facts: [string, string, boolean][] = [
    [msg('Invoice number'), number, true],
    [msg('Status'), statusLabel(msg, invoice.status), false],
    [msg('Issue date'), formatCalendarDate(invoice.issue_date, locale), false],
    ...(invoice.due_date
      ? [[msg('Due date'), formatCalendarDate(invoice.due_date, locale), false] as [string, string, boolean]]
      : []),
  ];
  for (const [label, value, isCode] of facts) {
    await w.write(value, end, { bold: true, align: 'end', ...(isCode && figure) });
    await w.write(label, end - 120, { color: MUTED, align: 'end' });
    w.y -= 14;
  }
  w.y = Math.min(w.y, startBottom) - 16;

  await w.write(msg('Bill to'), 0, { size: 9, color: MUTED });
  w.y -= 14;
  for (const line of w.wrap(client.name, w.width / 2, 11, true)) {
    await w.write(line, 0, { size: 11, bold: true, direction: 'auto' });
    w.y -= 14;
  }
  w.y -= 16;

  // Lines: description (wrapped) | qty | unit price | tax | amount, figures on the end edge.
  const columns = { qty: end - 290, unit: end - 200, tax: end - 100, amount: end };
  const descriptionWidth = columns.qty - 50;
  const header = async () => {
    w.need(30);
    const style = { size: 9, bold: true, color: MUTED };
    await w.write(msg('Description'), 0, style);
    await w.write(msg('Qty'), columns.qty, { ...style, align: 'end' });
    await w.write(msg('Unit price'), columns.unit, { ...style, align: 'end' });
    await w.write(msg('Tax'), columns.tax, { ...style, align: 'end' });
    await w.write(msg('Amount'), columns.amount, { ...style, align: 'end' });
    w.y -= 6;
    w.rule();
    w.y -= 14;
  };
  await header();
  for (const line of invoice.lines) {
    const description = w.wrap(line.description, descriptionWidth);
    const taxed = Number(line.tax_rate) !== 0;
    const height = Math.max(description.length, taxed ? 2 : 1) * 12 + 8;
    if (w.y - height < MARGIN) {
      w.need(height + 40);
      await header();
    }
    // The description first, then the figures on its first line: text extraction reads the row in that order.
    const first = w.y;
    for (const row of description) {
      await w.write(row, 0, { direction: 'auto' });
      w.y -= 12;
    }
    const below = w.y;
    w.y = first;
    await w.write(formatQuantity(line.quantity, locale), columns.qty, { align: 'end', ...figure });
    await w.write(money(line.unit_price), columns.unit, { align: 'end', ...figure });
    await w.write(money(line.tax), columns.tax, { align: 'end', ...figure });
    await w.write(money(line.amount), columns.amount, { align: 'end', ...figure });
    if (taxed) {
      w.y -= 11;
      await w.write(formatRate(line.tax_rate, locale), columns.tax, { size: 8, color: MUTED, align: 'end', ...figure });
    }
    w.y = Math.min(below, first - (taxed ? 24 : 12)) - 2;
    w.rule();
    w.y -= 14;
  }

  // Totals.
  const totals: [string, number, boolean][] = [
    [msg('Subtotal'), invoice.subtotal, false],
    [msg('Tax'), invoice.tax, false],
    [msg('Total'), invoice.total, true],
    [msg('Amount paid'), invoice.amount_paid, false],
    [msg('Balance due'), invoice.amount_due, true],
  ];
  w.need(totals.length * 16 + 10);
  w.y -= 4;
  for (const [label, amount, strong] of totals) {
    await w.write(label, columns.tax, { bold: strong, color: strong ? INK : MUTED, align: 'end' });
    await w.write(money(amount), columns.amount, { bold: strong, align: 'end', ...figure });
    w.y -= 16;
  }

  // What has been paid so far: when, how (card, bank transfer, cheque…) and how much.
  if (invoice.payments.length > 0) {
    w.y -= 12;
    w.need(30);
    await w.write(msg('Payments received'), 0, { size: 9, bold: true, color: MUTED });
    w.y -= 14;
    for (const payment of invoice.payments) {
      w.need(14);
      await w.write(formatTimestamp(payment.paid_at, locale, firm.timezone), 0);
      await w.write(modeLabel(msg, payment.mode, locale), 110);
      await w.write(money(payment.amount), columns.amount, { align: 'end', ...figure });
      w.y -= 14;
    }
  }

  // How to pay without Stripe, only while the invoice is payable (the portal view leaves it null otherwise).
  const instructions = invoice.payment_instructions;
  if (instructions) {
    const sections = [
      [msg('Bank transfer'), instructions.bank_details],
      [msg('Remit to'), instructions.remit_to],
      [msg('Please note'), instructions.notes],
    ].filter((section): section is [string, string] => !!section[1]?.trim());
    const wrapped = sections.map(([label, body]) => [label, w.wrap(body, w.width - 12)] as const);
    const height = 44 + wrapped.reduce((sum, [, lines]) => sum + 14 + lines.length * 12 + 6, 0);
    w.y -= 16;
    // Kept on one page when it fits on one: a bank account split across pages invites mistakes.
    w.need(Math.min(height, w.pageHeight - 2 * MARGIN));
    w.rule();
    w.y -= 18;
    await w.write(msg('How to pay'), 0, { size: 12, bold: true });
    w.y -= 18;
    for (const [label, lines] of wrapped) {
      w.need(26);
      await w.write(label, 0, { size: 9, bold: true, color: MUTED });
      w.y -= 13;
      for (const line of lines) {
        w.need(12);
        await w.write(line, 12, { direction: 'auto' });
        w.y -= 12;
      }
      w.y -= 6;
    }
    if (instructions.updated_at) {
      w.need(12);
      const date = formatTimestamp(instructions.updated_at, locale, firm.timezone);
      await w.write(msg('Payment instructions updated {date}', { date }), 0, { size: 9, color: MUTED });
      w.y -= 12;
    }
  }

  // The note the firm wrote for the client (never the internal one: the portal view has none).
  if (invoice.client_note) {
    w.y -= 12;
    w.need(30);
    await w.write(msg('Note'), 0, { size: 9, bold: true, color: MUTED });
    w.y -= 14;
    for (const line of w.wrap(invoice.client_note, w.width)) {
      w.need(12);
      await w.write(line, 0, { direction: 'auto' });
      w.y -= 12;
    }
  }

  return doc.save();
}

/** A file name from the invoice number that every file system and browser accepts. */
export function pdfFilename(number: string): string {
  return `${number.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '') || 'invoice'}.pdf`;
}

/** What a portal invoice PDF shows, read in the request's transaction: the logo's bytes included, nothing fetched. */
export interface PortalPdfFacts {
  firm: PdfFirm;
  client: { name: string };
  invoice: Awaited<ReturnType<typeof retrieveForPortal>>;
  logo: LogoImage | null;
  /** The logged-in contact's language, else the firm's. */
  language: Language;
}

interface FirmRow {
  name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  locale: string;
  timezone: string;
  logo_content: Buffer | null;
  client_name: string | null;
  contact_language: string | null;
}

export async function portalPdfFacts(db: RequestDb, scope: PortalScope, id: string): Promise<PortalPdfFacts> {
  const invoice = await retrieveForPortal(db, scope, id);
  // Row-level security leaves the firm's own row and logo (at most 256 KB, stored by us); the client's name
  // and the reader's language ride along.
  const [firm] = await db.query<FirmRow>(
    `SELECT tenants.name, tenants.address, tenants.phone, tenants.email, tenants.website, tenants.locale,
            tenants.timezone, tenant_logos.content AS logo_content,
            (SELECT clients.name FROM clients WHERE clients.id = $1) AS client_name,
            (SELECT contacts.language FROM contacts WHERE contacts.id = $2) AS contact_language
       FROM tenants LEFT JOIN tenant_logos ON tenant_logos.tenant_id = tenants.id`,
    [scope.client_id, scope.contact_id],
  );
  const bytes = firm?.logo_content ? new Uint8Array(firm.logo_content) : null;
  // The bytes decide, not the stored media type: pdf-lib embeds PNG and JPEG only.
  const type = bytes ? sniffImage(bytes) : null;
  const locale = firm?.locale ?? scope.locale;
  return {
    firm: {
      name: firm?.name ?? scope.tenant_name,
      address: firm?.address ?? null,
      locale,
      timezone: firm?.timezone ?? scope.timezone,
      phone: firm?.phone ?? null,
      email: firm?.email ?? null,
      website: firm?.website ?? null,
    },
    client: { name: firm?.client_name ?? '' },
    invoice,
    logo: bytes && type ? { type, bytes } : null,
    language: pickLanguage(firm?.contact_language, locale),
  };
}

/**
 * The portal's invoice PDF: its facts (the logo's bytes among them) in a short
 * transaction, then the document rendered with no transaction open.
 */
export async function invoicePdfForPortal(
  transaction: <T>(fn: (db: RequestDb) => Promise<T>) => Promise<T>,
  scope: PortalScope,
  id: string,
): Promise<BinaryOutput> {
  const facts = await transaction((db) => portalPdfFacts(db, scope, id));
  const data = await renderInvoicePdf(facts);
  return { data, filename: pdfFilename(facts.invoice.number) };
}
