/**
 * Unicode text for any PDF the server makes (invoices now; letters and
 * certificates later): measure it, draw a line of it, wrap a paragraph, in any
 * script the fonts cover (fonts.ts) and in either direction.
 *
 * A string becomes pieces: Arabic joined (arabic.ts), the line ordered by the
 * bidirectional algorithm (bidi.ts), each level's run split by the font file
 * that has its glyphs, each piece placed after the one before it and written
 * to the PDF in reading order (which text extraction follows). Positions are
 * given from the document's start edge: in a right-to-left document `x` is where
 * a line starts on the right, and `align: 'end'` puts its end there instead.
 */
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { joinArabic } from './arabic.js';
import { visualRuns, type Direction } from './bidi.js';
import { cachedFontkit, facesOf, type Face, type Weight } from './fonts.js';

export type { Direction } from './bidi.js';

export interface TextStyle {
  size: number;
  bold?: boolean;
}

export interface DrawOptions extends TextStyle {
  color?: Color;
  /** 'start' (default): the line starts at x; 'end': it ends there. Start and end follow the document's direction. */
  align?: 'start' | 'end';
  /**
   * The paragraph direction the bidirectional algorithm orders the line in: the
   * document's by default; 'auto' (its first strong letter, like HTML's dir=auto)
   * for text people typed, such as a name or an address.
   */
  direction?: Direction | 'auto';
}

/** A piece of a line: text one font file draws, ready for pdf-lib (already in the order fontkit will reverse it to). */
interface Piece {
  face: Face;
  text: string;
  /** Where its text starts in the line: pieces are written to the PDF in this (reading) order. */
  start: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** The text's user-perceived characters: a letter with its marks, an emoji sequence (only those need the segmenter). */
const clustersOf = (text: string) =>
  /[\p{M}\u200d\ud800-\udfff]/u.test(text) ? [...graphemes.segment(text)].map((s) => s.segment) : [...text];

const NEUTRAL = /^[\p{sc=Zyyy}\p{sc=Zinh}]+$/u;
const neutral = (cluster: string) => NEUTRAL.test(cluster);

// Which files have a code point: asked of fontkit once per code point and file.
const coverage = new Map<Face, Map<number, boolean>>();
function hasGlyph(face: Face, cp: number): boolean {
  let known = coverage.get(face);
  if (!known) coverage.set(face, (known = new Map()));
  let has = known.get(cp);
  if (has === undefined) known.set(cp, (has = face.font.hasGlyphForCodePoint(cp)));
  return has;
}
const covers = (face: Face, cluster: string) => [...cluster].every((c) => hasGlyph(face, c.codePointAt(0)!));

/** fontkit lays out a string right to left, reversing it, when its first letter of a script is Arabic. */
function fontkitReverses(text: string): boolean {
  for (const char of text) if (!neutral(char)) return /\p{sc=Arab}/u.test(char);
  return false;
}

/** The font file for each cluster: the one before it when a space or a digit is in it too, else the first that has it. */
function splitByFace(run: string, start: number, faces: readonly Face[]): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  for (let cluster of clustersOf(run)) {
    const from = at;
    at += cluster.length;
    if (/^\p{Cf}+$/u.test(cluster)) continue; // bidi marks, joiners: their work is done
    if (/^[\p{Zs}\t\r\n]+$/u.test(cluster)) cluster = cluster.replace(/[^\u0020\u00a0]/gu, ' ');
    cluster = cluster.replace(/\p{Cf}/gu, '');
    const last = pieces.at(-1);
    let face =
      last && neutral(cluster) && covers(last.face, cluster) ? last.face : faces.find((f) => covers(f, cluster));
    if (!face) {
      // No file has it (CJK, emoji…): the letter without its accents when that is drawable, else "?".
      const bare = cluster.normalize('NFKD').replace(/\p{M}/gu, '');
      face = bare ? faces.find((f) => covers(f, bare)) : undefined;
      cluster = face ? bare : '?';
      face ??= faces[0]!;
    }
    if (last?.face === face) last.text += cluster;
    else pieces.push({ face, text: cluster, start: from });
  }
  return pieces;
}

const reversed = (text: string) => clustersOf(text).reverse().join('');

// A document measures the same strings again and again (wrapping tries each line a word longer; labels repeat).
const laidOut = new Map<string, readonly Piece[]>();
const MEMO = 5000;
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MEMO) cache.clear();
    cache.set(key, (value = make()));
  }
  return value;
}

/** A line's pieces, placed left to right. */
function piecesOf(line: string, weight: Weight, base: Direction | 'auto'): readonly Piece[] {
  return memo(laidOut, `${weight}|${base}|${line}`, () => layOut(line, weight, base));
}

function layOut(line: string, weight: Weight, base: Direction | 'auto'): Piece[] {
  const faces = facesOf(weight);
  const out: Piece[] = [];
  for (const run of visualRuns(joinArabic(line.normalize('NFC')), base)) {
    const rtl = run.level % 2 === 1;
    const pieces = splitByFace(run.text, run.start, faces);
    if (rtl) pieces.reverse();
    for (const piece of pieces) {
      // Right to left the piece's characters go in reverse; fontkit already reverses an Arabic one.
      if (rtl !== fontkitReverses(piece.text)) piece.text = reversed(piece.text);
      out.push(piece);
    }
  }
  return out;
}

/** The width of a piece at a size, as pdf-lib will draw it (the glyphs fontkit lays out, their advances). */
function widthOf(piece: Piece, size: number): number {
  const { glyphs } = piece.face.font.layout(piece.text, piece.face.features);
  let units = 0;
  for (const glyph of glyphs) units += glyph.advanceWidth;
  return (units / piece.face.font.unitsPerEm) * size;
}

/** The text of one document: its direction, and the font files embedded so far (each once, subset to what it drew). */
export class PdfText {
  private readonly embedded = new Map<Face, Promise<PDFFont>>();

  constructor(
    private readonly doc: PDFDocument,
    readonly direction: Direction = 'ltr',
  ) {
    doc.registerFontkit(cachedFontkit);
  }

  /** Whether the fonts have every character of the text (marks and spaces aside), so nothing becomes "?". */
  canDraw(text: string, bold = false): boolean {
    const faces = facesOf(bold ? 'bold' : 'regular');
    return clustersOf(joinArabic(text.normalize('NFC')).replace(/[\p{Cf}\p{Zs}]/gu, '')).every((cluster) =>
      faces.some((face) => covers(face, cluster)),
    );
  }

  /** How wide a line is drawn. */
  width(text: string, style: TextStyle, direction?: Direction | 'auto'): number {
    const pieces = piecesOf(text, style.bold ? 'bold' : 'regular', direction ?? this.direction);
    return pieces.reduce((sum, piece) => sum + widthOf(piece, style.size), 0);
  }

  /** Draws one line (no line breaks) at y, starting (or ending, with align 'end') at x. Returns its width. */
  async draw(page: PDFPage, text: string, x: number, y: number, options: DrawOptions): Promise<number> {
    const pieces = piecesOf(text, options.bold ? 'bold' : 'regular', options.direction ?? this.direction);
    const widths = pieces.map((piece) => widthOf(piece, options.size));
    const total = widths.reduce((sum, w) => sum + w, 0);
    const fromRight = (this.direction === 'rtl') !== (options.align === 'end');
    let left = fromRight ? x - total : x;
    const placed = pieces.map((piece, i) => {
      const at = left;
      left += widths[i]!;
      return { piece, at };
    });
    // Written in reading order, not left to right: text extraction reads them in the order they were written.
    placed.sort((a, b) => a.piece.start - b.piece.start);
    for (const { piece, at } of placed) {
      const font = await this.font(piece.face);
      page.drawText(piece.text, { x: at, y, size: options.size, font, ...(options.color && { color: options.color }) });
    }
    return total;
  }

  /** Splits text into lines no wider than `width`: at line breaks, then between words; a word too long is cut. */
  wrap(text: string, width: number, style: TextStyle, direction?: Direction | 'auto'): string[] {
    const fits = (line: string) => this.width(line, style, direction) <= width;
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n?|\n/)) {
      let line = '';
      for (const word of paragraph.replace(/[\p{Zs}\t]/gu, ' ').split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (fits(candidate)) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = clustersOf(word);
        while (rest.length > 1 && !fits(rest.join(''))) {
          let cut = rest.length - 1;
          while (cut > 1 && !fits(rest.slice(0, cut).join(''))) cut--;
          lines.push(rest.slice(0, cut).join(''));
          rest = rest.slice(cut);
        }
        line = rest.join('');
      }
      lines.push(line);
    }
    return lines;
  }

  /** The PDF font of a file, embedded on first use (subset: only the glyphs drawn are written). */
  private font(face: Face): Promise<PDFFont> {
    let font = this.embedded.get(face);
    if (!font) {
      font = this.doc.embedFont(face.bytes, { subset: true, customName: face.name, features: face.features });
      this.embedded.set(face, font);
    }
    return font;
  }
}
