/**
 * The fonts every server PDF draws with: Noto Sans (Latin, Greek, Cyrillic,
 * Vietnamese) and Noto Sans Arabic, regular and bold, from the npm packages
 * @fontsource/noto-sans and @fontsource/noto-sans-arabic. Those ship one small
 * WOFF per Unicode range ("latin", "greek", "arabic"…), and pdf-lib has no font
 * fallback, so a string is drawn as runs, each in the first file that has its
 * glyphs (text.ts), and a document embeds only the files it used.
 *
 * Each file is read, unpacked (sfnt.ts) and parsed by fontkit once per process,
 * when a string first needs it; pdf-lib is handed the parsed font instead of
 * parsing it again per document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { Font, TypeFeatures } from '@pdf-lib/fontkit';
import { presentationForms } from './arabic.js';
import { woffToTrueType } from './sfnt.js';

export type Weight = 'regular' | 'bold';

/** One WOFF file of a family: the glyphs of one Unicode range in one weight. */
export interface Face {
  /** The PDF's name for it, stable so the same document renders the same bytes: NotoSans-Bold-greek. */
  name: string;
  bytes: Uint8Array;
  font: Font;
  /** OpenType features for fontkit's layout. */
  features: TypeFeatures;
}

// The order decides which file draws a character several have (a space, a digit): Latin first.
const NOTO_SANS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];
const NOTO_SANS_ARABIC = ['arabic'];

const require = createRequire(import.meta.url);
const filesOf = (pkg: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'files');

/**
 * Maps each Arabic presentation form's glyph back to its letters, so the text
 * extracts as "سارة" (see arabic.ts). Where two forms share a glyph (ی and ي
 * initial), the Arabic letter, listed first, keeps it.
 */
function extractAsLetters(font: Font): void {
  const mapped = new Set<number>();
  for (const cp of presentationForms) {
    if (!font.hasGlyphForCodePoint(cp)) continue;
    const glyph = font.glyphForCodePoint(cp) as { id: number; codePoints: number[] };
    if (mapped.has(glyph.id)) continue;
    mapped.add(glyph.id);
    const letters = [...String.fromCodePoint(cp).normalize('NFKC')].map((c) => c.codePointAt(0)!);
    // A ligature (لا) is mapped backwards: readers (pdf.js, poppler) reverse a right-to-left line letter by letter.
    glyph.codePoints = letters.reverse();
  }
}

const parsed = new Map<Uint8Array, Font>();

/** A file of a family, read and parsed the first time a string asks for it. */
class LazyFace implements Face {
  readonly name: string;
  readonly features: TypeFeatures;
  private loaded?: { bytes: Uint8Array; font: Font };

  constructor(
    family: string,
    private readonly pkg: string,
    private readonly range: string,
    private readonly weight: Weight,
  ) {
    this.name = `${family}-${weight === 'bold' ? 'Bold' : 'Regular'}-${range}`;
    // No ccmp: it splits a letter into a base and marks (ị into i and a dot, an isolated ة into a skeleton and
    // dots) that only GPOS, which pdf-lib ignores, would put in place, and that extract as nothing.
    this.features = { ccmp: false };
  }

  private get arabic(): boolean {
    return this.pkg.endsWith('arabic');
  }

  get bytes(): Uint8Array {
    return this.load().bytes;
  }

  get font(): Font {
    return this.load().font;
  }

  private load(): { bytes: Uint8Array; font: Font } {
    if (this.loaded) return this.loaded;
    const numeric = this.weight === 'bold' ? 700 : 400;
    const file = `${this.pkg.split('/')[1]}-${this.range}-${numeric}-normal.woff`;
    const bytes = woffToTrueType(readFileSync(path.join(filesOf(this.pkg), file)));
    const font = fontkit.create(bytes);
    if (this.arabic) extractAsLetters(font);
    memoizeLayout(font, this.features);
    parsed.set(bytes, font);
    return (this.loaded = { bytes, font });
  }
}

/**
 * fontkit shapes a string anew on every call, and a document lays out the same
 * strings many times (measured, wrapped, then drawn by pdf-lib): the glyph runs
 * of the file's own features are kept, a few thousand per file.
 */
function memoizeLayout(font: Font, features: TypeFeatures): void {
  const layout = font.layout.bind(font);
  const runs = new Map<string, ReturnType<Font['layout']>>();
  font.layout = ((text: string, ...rest: unknown[]) => {
    if (typeof text !== 'string' || rest.length !== 1 || rest[0] !== features) {
      return (layout as (...args: unknown[]) => ReturnType<Font['layout']>)(text, ...rest);
    }
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= 5000) runs.clear();
      runs.set(text, (run = layout(text, features)));
    }
    return run;
  }) as Font['layout'];
}

const faces = new Map<Weight, readonly Face[]>();

/** The files of a weight, in fallback order (each loaded when first needed). */
export function facesOf(weight: Weight): readonly Face[] {
  let list = faces.get(weight);
  if (!list) {
    list = [
      ...NOTO_SANS.map((range) => new LazyFace('NotoSans', '@fontsource/noto-sans', range, weight)),
      ...NOTO_SANS_ARABIC.map((range) => new LazyFace('NotoSansArabic', '@fontsource/noto-sans-arabic', range, weight)),
    ];
    faces.set(weight, list);
  }
  return list;
}

/** What pdf-lib's registerFontkit takes: fontkit, except that our files come back already parsed. */
export const cachedFontkit = {
  create(bytes: Uint8Array): Font {
    return parsed.get(bytes) ?? fontkit.create(bytes);
  },
};
