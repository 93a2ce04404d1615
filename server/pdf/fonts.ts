/**
 * The fonts every server PDF draws with: Noto Sans (Latin, Greek, Cyrillic,
 * Vietnamese) and Noto Sans Arabic, regular and bold, from the npm packages
 * @fontsource/noto-sans and @fontsource/noto-sans-arabic. Those ship one small
 * WOFF per Unicode range ("latin", "greek", "arabic"…), and pdf-lib has no font
 * fallback, so a string is drawn as runs, each in the first file that has its
 * glyphs (text.ts), and a document embeds only the files it used.
 *
 * Each file is read, unpacked (sfnt.ts) and parsed by fontkit once per process;
 * pdf-lib is handed the parsed font instead of parsing it again per document.
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

function load(family: string, pkg: string, range: string, weight: Weight): Face {
  const numeric = weight === 'bold' ? 700 : 400;
  const woff = readFileSync(path.join(filesOf(pkg), `${pkg.split('/')[1]}-${range}-${numeric}-normal.woff`));
  const bytes = woffToTrueType(woff);
  const font = fontkit.create(bytes);
  const arabic = pkg.endsWith('arabic');
  if (arabic) extractAsLetters(font);
  // Arabic arrives joined (arabic.ts); ccmp would split an isolated ة back into a skeleton and dots.
  const features: TypeFeatures = arabic ? { ccmp: false } : {};
  return { name: `${family}-${weight === 'bold' ? 'Bold' : 'Regular'}-${range}`, bytes, font, features };
}

const faces = new Map<Weight, readonly Face[]>();

/** The files of a weight, in fallback order, loaded on first use. */
export function facesOf(weight: Weight): readonly Face[] {
  let list = faces.get(weight);
  if (!list) {
    list = [
      ...NOTO_SANS.map((range) => load('NotoSans', '@fontsource/noto-sans', range, weight)),
      ...NOTO_SANS_ARABIC.map((range) => load('NotoSansArabic', '@fontsource/noto-sans-arabic', range, weight)),
    ];
    faces.set(weight, list);
  }
  return list;
}

const parsed = new Map<Uint8Array, Font>();

/** What pdf-lib's registerFontkit takes: fontkit, except that our files come back already parsed. */
export const cachedFontkit = {
  create(bytes: Uint8Array): Font {
    if (!parsed.size) for (const face of [...facesOf('regular'), ...facesOf('bold')]) parsed.set(face.bytes, face.font);
    return parsed.get(bytes) ?? fontkit.create(bytes);
  },
};
