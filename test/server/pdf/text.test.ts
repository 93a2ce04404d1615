/**
 * server/pdf, the Unicode text of every server PDF, without a server: the
 * unpacked fonts, Arabic joining, the bidirectional order and the text API.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import test from 'ava';
import { PDFDocument } from 'pdf-lib';
import { PDFParse } from 'pdf-parse';
import { joinArabic } from '../../../server/pdf/arabic.js';
import { visualRuns } from '../../../server/pdf/bidi.js';
import { woffToTrueType } from '../../../server/pdf/sfnt.js';
import { PdfText } from '../../../server/pdf/text.js';

const hex = (text: string) => [...text].map((c) => c.codePointAt(0)!.toString(16).toUpperCase());

test('Arabic letters take their contextual forms: سارة is seen initial, alef final, reh and teh marbuta isolated', (t) => {
  t.deepEqual(hex(joinArabic('سارة')), ['FEB3', 'FE8E', 'FEAD', 'FE93']);
  // Lam-alef is one ligature, isolated or joined to the letter before.
  t.deepEqual(hex(joinArabic('لا')), ['FEFB']);
  t.deepEqual(hex(joinArabic('سلام')), ['FEB3', 'FEFC', 'FEE1']);
  // A letter between two dual-joining ones is medial; Latin text is left alone.
  t.deepEqual(hex(joinArabic('بيت')), ['FE91', 'FEF4', 'FE96']);
  t.is(joinArabic('Łukasz Żółć'), 'Łukasz Żółć');
});

test('every Arabic letter’s form is that letter again under NFKC (the table has no slip)', (t) => {
  const letters = 'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي ٱپچژکگی';
  for (const word of [letters, [...letters].join(' '), [...letters].map((c) => `ب${c}ب`).join(' ')]) {
    t.is(joinArabic(word).normalize('NFKC'), word.normalize('NFKC'));
  }
});

test('a WOFF unpacked to TrueType keeps every glyph, each padded to an even length', (t) => {
  const require = createRequire(import.meta.url);
  const files = path.join(path.dirname(require.resolve('@fontsource/noto-sans-arabic/package.json')), 'files');
  const woff = readFileSync(path.join(files, 'noto-sans-arabic-arabic-400-normal.woff'));
  const font = fontkit.create(woffToTrueType(woff)) as unknown as {
    numGlyphs: number;
    loca: { offsets: number[] };
    getGlyph(id: number): { path: { commands: unknown[] } };
  };
  const original = fontkit.create(woff) as unknown as typeof font;
  t.is(font.numGlyphs, original.numGlyphs);
  const offsets = font.loca.offsets;
  t.true(offsets.every((offset) => offset % 2 === 0));
  for (const id of [0, 9, 30, 90, 713, font.numGlyphs - 1]) {
    t.is(font.getGlyph(id).path.commands.length, original.getGlyph(id).path.commands.length, `glyph ${id}`);
  }
});

test('bidi: in a right-to-left line "فاتورة INV-0002" the number comes first from the left, the Arabic word after it', (t) => {
  const runs = visualRuns('فاتورة INV-0002', 'rtl');
  t.deepEqual(
    runs.map((r) => [r.text, r.level]),
    [
      ['INV-0002', 2],
      ['فاتورة ', 1],
    ],
  );
  // Brackets are mirrored in a right-to-left run; a left-to-right line is one run.
  t.deepEqual(
    visualRuns('(مرحبا)', 'rtl').map((r) => r.text),
    [')مرحبا('],
  );
  t.deepEqual(visualRuns('Łukasz Żółć', 'ltr'), [{ text: 'Łukasz Żółć', level: 0, start: 0 }]);
});

test('PdfText: what the fonts can draw, widths that add up, paragraphs wrapped between words', (t) => {
  const text = new PdfText({ registerFontkit: () => {} } as unknown as PDFDocument);
  t.true(text.canDraw('Nguyễn Thị Ánh Ελένη Łukasz Żółć Жанна سارة'));
  t.false(text.canDraw('相談'));
  const style = { size: 10 };
  const a = text.width('Łukasz', style);
  const b = text.width(' Żółć', style);
  t.true(a > 20 && a < 50, String(a));
  t.is(Math.round((a + b) * 1000), Math.round(text.width('Łukasz Żółć', style) * 1000));
  t.is(text.width('Bold', { size: 10, bold: true }) > text.width('Bold', style), true);
  const words = 'the quick brown fox jumps over the lazy dog '.repeat(4).trim();
  const lines = text.wrap(words, 120, style);
  t.true(lines.length > 2);
  t.true(lines.every((line) => text.width(line, style) <= 120));
  t.is(lines.join(' '), words);
});

test('PdfText draws Arabic right to left from the start edge, and its text extracts in reading order', async (t) => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const text = new PdfText(doc, 'rtl');
  const page = doc.addPage([300, 100]);
  const width = await text.draw(page, 'الرصيد المستحق: سارة', 280, 50, { size: 12 });
  t.true(width > 60 && width < 280, String(width));
  // Only the files used are embedded: Noto Sans Arabic's and, for the colon, Noto Sans Latin's.
  const bytes = await doc.save({ useObjectStreams: false });
  const parser = new PDFParse({ data: bytes.slice() });
  try {
    // Each font's piece is written in reading order (the colon is Noto Sans', the words Noto Sans Arabic's).
    const [line] = (await parser.getText()).text.normalize('NFC').trim().split('\n');
    t.deepEqual(line!.split(/\s+/), ['الرصيد', 'المستحق', ':', 'سارة']);
  } finally {
    await parser.destroy();
  }
  const fonts =
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/BaseFont \/[\w-]+/g) ?? [];
  t.deepEqual([...new Set(fonts)].sort(), [
    '/BaseFont /NotoSans-Regular-latin',
    '/BaseFont /NotoSansArabic-Regular-arabic',
  ]);
});
