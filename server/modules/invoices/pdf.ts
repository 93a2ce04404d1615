/**
 * Invoice PDFs (pdf-lib). The document is drawn from the portal's own view of
 * the invoice (`retrieveForPortal`, an allow-list), so what the portal may not
 * show — drafts, other clients, internal notes — cannot reach the PDF either.
 *
 * Fonts: the PDF standard fonts (Helvetica), which need no embedding but only
 * cover the WinAnsi (Windows-1252) character set. Characters outside it are
 * written without their accents where that leaves a Latin letter (ő → o) and
 * as "?" otherwise (Cyrillic, Greek, CJK, Arabic…), never an error. Numbers and
 * dates use Latin digits whatever the locale's numbering system.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import type { z } from 'zod';
import type { PortalInvoice } from '../../../sdk/schemas/invoices.js';
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';
import type { BinaryOutput } from '../../http/route.js';
import { formatCalendarDate, formatLocalMoney } from '../../../sdk/format.js';
import type { PaymentMode } from '../../../sdk/schemas/invoices.js';
import { sniffImage } from '../../../sdk/images.js';
import { retrieveForPortal } from './service.js';

// Every word the PDF prints, in one place for review and translation.
const messages = {
  title: 'Invoice',
  number: 'Invoice number',
  status: 'Status',
  issued: 'Issue date',
  due: 'Due date',
  billTo: 'Bill to',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  tax: 'Tax',
  amount: 'Amount',
  subtotal: 'Subtotal',
  total: 'Total',
  paid: 'Paid',
  balance: 'Balance due',
  note: 'Note',
  payments: 'Payments received',
  howToPay: 'How to pay',
  bankDetails: 'Bank transfer',
  remitTo: 'Remit to',
  paymentNotes: 'Please note',
  instructionsUpdated: (date: string) => `Payment instructions updated ${date}`,
  /** US English writes "check"; every other English writes "cheque". */
  modes: (tag: string): Record<PaymentMode, string> => ({
    card: 'Card',
    bank_transfer: 'Bank transfer',
    check: /-US\b/i.test(tag) ? 'Check' : 'Cheque',
    cash: 'Cash',
    other: 'Other',
  }),
  statuses: {
    unpaid: 'Unpaid',
    partially_paid: 'Partially paid',
    paid: 'Paid',
    overdue: 'Overdue',
    cancelled: 'Cancelled',
  } as Record<string, string>,
};

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
}

// ---- text that the standard fonts can draw ---------------------------------

/** Maps any text to what the font can encode (see the header), so drawing never throws. */
export function encodable(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  const ok = (s: string) => [...s].every((c) => supported.has(c.codePointAt(0)!));
  return (text) => {
    let out = '';
    // Invisible format marks (bidi, zero-width) go; every kind of space becomes a plain one.
    for (const char of text.replace(/\p{Cf}/gu, '').replace(/[\p{Zs}\t]/gu, ' ')) {
      if (supported.has(char.codePointAt(0)!)) out += char;
      else {
        const bare = char.normalize('NFKD').replace(/\p{M}/gu, '');
        out += bare && ok(bare) ? bare : '?';
      }
    }
    return out;
  };
}

// ---- numbers, money and dates in the firm's locale --------------------------

function locale(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

/** Minor units in the firm's locale ("$1,234.56"), Latin digits: sdk/format.ts does it for every reader. */
function formatMoney(amount: number, currency: string, tag: string, display: 'symbol' | 'code' = 'symbol'): string {
  return formatLocalMoney(amount, currency, locale(tag), { display, latinDigits: true });
}

function formatQuantity(quantity: string, tag: string): string {
  const value = Number(quantity);
  if (!Number.isFinite(value)) return quantity;
  return new Intl.NumberFormat(locale(tag), { maximumFractionDigits: 4, numberingSystem: 'latn' }).format(value);
}

function formatRate(rate: string, tag: string): string {
  return `${formatQuantity(rate, tag)}%`;
}

/** 'YYYY-MM-DD' in the locale, without any timezone shift. */
function formatDate(value: string, tag: string): string {
  return formatCalendarDate(value, locale(tag), { latinDigits: true });
}

/** An ISO timestamp as the calendar date it was in the firm's time zone (UTC when unknown), in the locale. */
function formatTimestamp(value: string, tag: string, timeZone = 'UTC'): string {
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
  return formatDate(`${part('year')}-${part('month')}-${part('day')}`, tag);
}

// ---- layout ------------------------------------------------------------------

const MARGIN = 50;
const INK = rgb(0.12, 0.16, 0.22);
const MUTED = rgb(0.4, 0.44, 0.5);
const RULE = rgb(0.82, 0.84, 0.86);

/** US and Canadian firms print on Letter, everyone else on A4. */
function pageSize(tag: string): [number, number] {
  return /-(US|CA)\b/i.test(locale(tag)) ? [612, 792] : [595.28, 841.89];
}

/** A cursor that writes top to bottom, opening a new page when the current one is full. */
class Writer {
  page: PDFPage;
  y: number;
  readonly width: number;
  readonly pageHeight: number;
  readonly clean: (text: string) => string;

  constructor(
    private readonly doc: PDFDocument,
    private readonly size: [number, number],
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(size);
    this.y = size[1] - MARGIN;
    this.width = size[0] - 2 * MARGIN;
    this.pageHeight = size[1];
    this.clean = encodable(font);
  }

  /** Makes room for `height` points, on a new page if need be. */
  need(height: number): void {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - MARGIN;
  }

  text(text: string, x: number, opts: { size?: number; bold?: boolean; color?: typeof INK; align?: 'end' } = {}) {
    const font = opts.bold ? this.bold : this.font;
    const size = opts.size ?? 10;
    const clean = this.clean(text);
    const at = opts.align === 'end' ? x - font.widthOfTextAtSize(clean, size) : x;
    this.page.drawText(clean, { x: at, y: this.y, size, font, color: opts.color ?? INK });
  }

  /** Splits text into lines no wider than `width` (on spaces; long words are cut). */
  wrap(text: string, width: number, size = 10, bold = false): string[] {
    const font = bold ? this.bold : this.font;
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n?|\n/).map(this.clean)) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (rest && !fits(rest)) {
          let cut = rest.length - 1;
          while (cut > 1 && !fits(rest.slice(0, cut))) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
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
export async function renderInvoicePdf({ firm, client, invoice, logo }: InvoicePdfInput): Promise<Uint8Array> {
  // pdf-lib would stamp the creation and modification time from the clock: the invoice's own dates instead.
  const doc = await PDFDocument.create({ updateMetadata: false });
  const dates = documentDates(invoice);
  doc.setCreationDate(dates.created);
  doc.setModificationDate(dates.modified);
  doc.setProducer('pdf-lib (https://github.com/Hopding/pdf-lib)');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const tag = firm.locale;
  // A symbol the font cannot draw (د.ك., ₹ …) gives way to the ISO code (KWD, INR).
  const clean = encodable(font);
  const money = (amount: number) => {
    const text = formatMoney(amount, invoice.currency, tag);
    return clean(text) === text.replace(/\p{Cf}/gu, '').replace(/\p{Zs}/gu, ' ')
      ? text
      : formatMoney(amount, invoice.currency, tag, 'code');
  };
  const number = invoice.number;
  doc.setTitle(clean(`${messages.title} ${number} · ${firm.name}`));
  doc.setAuthor(clean(firm.name));
  doc.setCreator('CaseFlow Portal');

  const w = new Writer(doc, pageSize(tag), font, bold);
  const right = MARGIN + w.width;

  // Header: logo, firm name and address on the start side; the invoice's facts on the end side.
  const image = await embedLogo(doc, logo);
  const top = w.y;
  if (image) {
    const scale = Math.min(140 / image.width, 48 / image.height, 1);
    const height = image.height * scale;
    w.page.drawImage(image, { x: MARGIN, y: w.y - height, width: image.width * scale, height });
    w.y -= height + 12;
  }
  w.y -= 14;
  for (const line of w.wrap(firm.name, w.width / 2, 14, true)) {
    w.text(line, MARGIN, { size: 14, bold: true });
    w.y -= 17;
  }
  // The address, then how to reach the firm (each when given).
  const contact = [firm.address, firm.phone, firm.email, firm.website].filter((text): text is string => !!text);
  for (const line of contact.flatMap((text) => w.wrap(text, w.width / 2, 9))) {
    w.text(line, MARGIN, { size: 9, color: MUTED });
    w.y -= 12;
  }
  const leftBottom = w.y;

  w.y = top - 20;
  w.text(messages.title, right, { size: 20, bold: true, align: 'end' });
  w.y -= 22;
  const facts: [string, string][] = [
    [messages.number, number],
    [messages.status, messages.statuses[invoice.status] ?? invoice.status],
    [messages.issued, formatDate(invoice.issue_date, tag)],
    ...(invoice.due_date ? [[messages.due, formatDate(invoice.due_date, tag)] as [string, string]] : []),
  ];
  for (const [label, value] of facts) {
    w.text(value, right, { bold: true, align: 'end' });
    w.text(label, right - 120, { color: MUTED, align: 'end' });
    w.y -= 14;
  }
  w.y = Math.min(w.y, leftBottom) - 16;

  w.text(messages.billTo, MARGIN, { size: 9, color: MUTED });
  w.y -= 14;
  for (const line of w.wrap(client.name, w.width / 2, 11, true)) {
    w.text(line, MARGIN, { size: 11, bold: true });
    w.y -= 14;
  }
  w.y -= 16;

  // Lines: description (wrapped) | qty | unit price | tax | amount, figures on the end edge.
  const columns = { qty: right - 290, unit: right - 200, tax: right - 100, amount: right };
  const descriptionWidth = columns.qty - 50 - MARGIN;
  const header = () => {
    w.need(30);
    w.text(messages.description, MARGIN, { size: 9, bold: true, color: MUTED });
    w.text(messages.quantity, columns.qty, { size: 9, bold: true, color: MUTED, align: 'end' });
    w.text(messages.unitPrice, columns.unit, { size: 9, bold: true, color: MUTED, align: 'end' });
    w.text(messages.tax, columns.tax, { size: 9, bold: true, color: MUTED, align: 'end' });
    w.text(messages.amount, columns.amount, { size: 9, bold: true, color: MUTED, align: 'end' });
    w.y -= 6;
    w.rule();
    w.y -= 14;
  };
  header();
  for (const line of invoice.lines) {
    const description = w.wrap(line.description, descriptionWidth);
    const taxed = Number(line.tax_rate) !== 0;
    const height = Math.max(description.length, taxed ? 2 : 1) * 12 + 8;
    if (w.y - height < MARGIN) {
      w.need(height + 40);
      header();
    }
    const first = w.y;
    w.text(formatQuantity(line.quantity, tag), columns.qty, { align: 'end' });
    w.text(money(line.unit_price), columns.unit, { align: 'end' });
    w.text(money(line.tax), columns.tax, { align: 'end' });
    w.text(money(line.amount), columns.amount, { align: 'end' });
    if (taxed) {
      w.y -= 11;
      w.text(formatRate(line.tax_rate, tag), columns.tax, { size: 8, color: MUTED, align: 'end' });
      w.y = first;
    }
    for (const text of description) {
      w.text(text, MARGIN);
      w.y -= 12;
    }
    w.y = Math.min(w.y, first - (taxed ? 24 : 12)) - 2;
    w.rule();
    w.y -= 14;
  }

  // Totals.
  const totals: [string, number, boolean][] = [
    [messages.subtotal, invoice.subtotal, false],
    [messages.tax, invoice.tax, false],
    [messages.total, invoice.total, true],
    [messages.paid, invoice.amount_paid, false],
    [messages.balance, invoice.amount_due, true],
  ];
  w.need(totals.length * 16 + 10);
  w.y -= 4;
  for (const [label, amount, strong] of totals) {
    w.text(label, columns.tax, { bold: strong, color: strong ? INK : MUTED, align: 'end' });
    w.text(money(amount), columns.amount, { bold: strong, align: 'end' });
    w.y -= 16;
  }

  // What has been paid so far: when, how (card, bank transfer, cheque…) and how much.
  if (invoice.payments.length > 0) {
    const modes = messages.modes(locale(tag));
    w.y -= 12;
    w.need(30);
    w.text(messages.payments, MARGIN, { size: 9, bold: true, color: MUTED });
    w.y -= 14;
    for (const payment of invoice.payments) {
      w.need(14);
      w.text(formatTimestamp(payment.paid_at, tag, firm.timezone), MARGIN);
      w.text(modes[payment.mode] ?? modes.other, MARGIN + 110);
      w.text(money(payment.amount), columns.amount, { align: 'end' });
      w.y -= 14;
    }
  }

  // How to pay without Stripe, only while the invoice is payable (the portal view leaves it null otherwise).
  const instructions = invoice.payment_instructions;
  if (instructions) {
    const sections = [
      [messages.bankDetails, instructions.bank_details],
      [messages.remitTo, instructions.remit_to],
      [messages.paymentNotes, instructions.notes],
    ].filter((section): section is [string, string] => !!section[1]?.trim());
    const wrapped = sections.map(([label, text]) => [label, w.wrap(text, w.width - 12)] as const);
    const height = 44 + wrapped.reduce((sum, [, lines]) => sum + 14 + lines.length * 12 + 6, 0);
    w.y -= 16;
    // Kept on one page when it fits on one: a bank account split across pages invites mistakes.
    w.need(Math.min(height, w.pageHeight - 2 * MARGIN));
    w.rule();
    w.y -= 18;
    w.text(messages.howToPay, MARGIN, { size: 12, bold: true });
    w.y -= 18;
    for (const [label, lines] of wrapped) {
      w.need(26);
      w.text(label, MARGIN, { size: 9, bold: true, color: MUTED });
      w.y -= 13;
      for (const line of lines) {
        w.need(12);
        w.text(line, MARGIN + 12);
        w.y -= 12;
      }
      w.y -= 6;
    }
    if (instructions.updated_at) {
      w.need(12);
      w.text(messages.instructionsUpdated(formatTimestamp(instructions.updated_at, tag, firm.timezone)), MARGIN, {
        size: 9,
        color: MUTED,
      });
      w.y -= 12;
    }
  }

  // The note the firm wrote for the client (never the internal one: the portal view has none).
  if (invoice.client_note) {
    w.y -= 12;
    w.need(30);
    w.text(messages.note, MARGIN, { size: 9, bold: true, color: MUTED });
    w.y -= 14;
    for (const line of w.wrap(invoice.client_note, w.width)) {
      w.need(12);
      w.text(line, MARGIN);
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
}

export async function portalPdfFacts(db: RequestDb, scope: PortalScope, id: string): Promise<PortalPdfFacts> {
  const invoice = await retrieveForPortal(db, scope, id);
  // Row-level security leaves the firm's own row and logo (at most 256 KB, stored by us); the client's name rides along.
  const [firm] = await db.query<FirmRow>(
    `SELECT tenants.name, tenants.address, tenants.phone, tenants.email, tenants.website, tenants.locale,
            tenants.timezone, tenant_logos.content AS logo_content,
            (SELECT clients.name FROM clients WHERE clients.id = $1) AS client_name
       FROM tenants LEFT JOIN tenant_logos ON tenant_logos.tenant_id = tenants.id`,
    [scope.client_id],
  );
  const bytes = firm?.logo_content ? new Uint8Array(firm.logo_content) : null;
  // The bytes decide, not the stored media type: pdf-lib embeds PNG and JPEG only.
  const type = bytes ? sniffImage(bytes) : null;
  return {
    firm: {
      name: firm?.name ?? scope.tenant_name,
      address: firm?.address ?? null,
      locale: firm?.locale ?? scope.locale,
      timezone: firm?.timezone ?? scope.timezone,
      phone: firm?.phone ?? null,
      email: firm?.email ?? null,
      website: firm?.website ?? null,
    },
    client: { name: firm?.client_name ?? '' },
    invoice,
    logo: bytes && type ? { type, bytes } : null,
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
  const { firm, client, invoice, logo } = await transaction((db) => portalPdfFacts(db, scope, id));
  const data = await renderInvoicePdf({ firm, client, invoice, logo });
  return { data, filename: pdfFilename(invoice.number) };
}
