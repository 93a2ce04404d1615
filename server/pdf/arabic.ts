/**
 * Arabic letters joined into their contextual forms before they reach the PDF.
 *
 * fontkit can shape Arabic itself, but Noto Sans Arabic shapes by splitting a
 * letter into a dotless skeleton and its dots, which GPOS then positions: pdf-lib
 * ignores GPOS, and one skeleton serves ب ت ث ن ي, so the PDF's ToUnicode map
 * (one code point per glyph) would extract "تببييي" for "تجربة يبنيتي". The
 * font also has a whole glyph for each Unicode presentation form (U+FB50–FDFF,
 * U+FE70–FEFF): ت initial is U+FE97. So each letter is replaced here by its
 * form (isolated, final, initial, medial, and the lam-alef ligatures), which
 * draws joined letters whose dots sit in place and extracts as the letter
 * itself (fonts.ts maps each form's glyph back to its letter).
 *
 * What this does not do: vowel marks (harakat, as in "جزئيًا") stay separate
 * glyphs that only GPOS would place over their letter, so they print slightly
 * off; the catalogs write Arabic without them, as everyday Arabic does.
 */

/**
 * A letter's forms: [isolated] for one that never joins (hamza), [isolated,
 * final] for one that joins only the letter before it, [isolated, final,
 * initial, medial] for one that joins on both sides (Unicode's order).
 */
type Forms = readonly [number] | readonly [number, number] | readonly [number, number, number, number];

/** Consecutive letters of U+0621–064A and their forms in U+FE80–FEFF (four per dual-joining letter, two per right-joining one). */
function block(): Map<number, Forms> {
  // D: dual-joining, R: right-joining (joins only the letter before it), U: hamza, no joining.
  // prettier-ignore
  const kinds: [number, 'D' | 'R' | 'U'][] = [
    [0x621, 'U'], [0x622, 'R'], [0x623, 'R'], [0x624, 'R'], [0x625, 'R'], [0x626, 'D'], [0x627, 'R'], [0x628, 'D'],
    [0x629, 'R'], [0x62a, 'D'], [0x62b, 'D'], [0x62c, 'D'], [0x62d, 'D'], [0x62e, 'D'], [0x62f, 'R'], [0x630, 'R'],
    [0x631, 'R'], [0x632, 'R'], [0x633, 'D'], [0x634, 'D'], [0x635, 'D'], [0x636, 'D'], [0x637, 'D'], [0x638, 'D'],
    [0x639, 'D'], [0x63a, 'D'], [0x641, 'D'], [0x642, 'D'], [0x643, 'D'], [0x644, 'D'], [0x645, 'D'], [0x646, 'D'],
    [0x647, 'D'], [0x648, 'R'], [0x649, 'R'], [0x64a, 'D'],
  ];
  const forms = new Map<number, Forms>();
  let next = 0xfe80;
  for (const [letter, kind] of kinds) {
    if (kind === 'U') forms.set(letter, [next]);
    else if (kind === 'R') forms.set(letter, [next, next + 1]);
    else forms.set(letter, [next, next + 1, next + 2, next + 3]);
    next += kind === 'U' ? 1 : kind === 'R' ? 2 : 4;
  }
  return forms;
}

const FORMS: ReadonlyMap<number, Forms> = new Map([
  ...block(),
  // Letters of Persian and Urdu names, from Arabic Presentation Forms-A.
  [0x671, [0xfb50, 0xfb51]], // ٱ
  [0x67e, [0xfb56, 0xfb57, 0xfb58, 0xfb59]], // پ
  [0x686, [0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d]], // چ
  [0x698, [0xfb8a, 0xfb8b]], // ژ
  [0x6a9, [0xfb8e, 0xfb8f, 0xfb90, 0xfb91]], // ک
  [0x6af, [0xfb92, 0xfb93, 0xfb94, 0xfb95]], // گ
  [0x6cc, [0xfbfc, 0xfbfd, 0xfbfe, 0xfbff]], // ی
]);

/** Lam followed by one of these alefs is one ligature: [isolated, final]. */
const LAM = 0x644;
const LAM_ALEF = new Map<number, readonly [number, number]>([
  [0x622, [0xfef5, 0xfef6]],
  [0x623, [0xfef7, 0xfef8]],
  [0x625, [0xfef9, 0xfefa]],
  [0x627, [0xfefb, 0xfefc]],
]);

/** Every presentation form this module writes, for fonts.ts to map back to its letters. */
export const presentationForms: readonly number[] = [
  ...new Set([...[...FORMS.values()].flat(), ...[...LAM_ALEF.values()].flat()]),
];

const TATWEEL = 0x640;
const ZWJ = 0x200d;

/** Marks (harakat and the like) are transparent: letters join across them. */
const transparent = (cp: number) => /\p{Mn}/u.test(String.fromCodePoint(cp));
/** Can this character join the one after it? (dual-joining letters, tatweel, ZWJ) */
const joinsForward = (cp: number | undefined) =>
  cp !== undefined && (FORMS.get(cp)?.length === 4 || cp === TATWEEL || cp === ZWJ);
/** Can this character join the one before it? */
const joinsBackward = (cp: number | undefined) =>
  cp !== undefined && ((FORMS.get(cp)?.length ?? 0) >= 2 || cp === TATWEEL || cp === ZWJ);

/** The text with every Arabic letter in its contextual presentation form (see the header); other text unchanged. */
export function joinArabic(text: string): string {
  if (!/[\u0600-\u06ff]/.test(text)) return text;
  const cps = [...text].map((c) => c.codePointAt(0)!);
  // The nearest character on each side that is not a transparent mark.
  const neighbour = (i: number, step: 1 | -1) => {
    for (let j = i + step; j >= 0 && j < cps.length; j += step) if (!transparent(cps[j]!)) return cps[j];
    return undefined;
  };
  let out = '';
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const forms = FORMS.get(cp);
    if (!forms) {
      out += String.fromCodePoint(cp);
      continue;
    }
    const joinedBefore = joinsForward(neighbour(i, -1));
    const alef = cp === LAM ? LAM_ALEF.get(cps[i + 1] ?? 0) : undefined;
    if (alef) {
      out += String.fromCodePoint(joinedBefore ? alef[1] : alef[0]);
      i++; // the alef is part of the ligature
      continue;
    }
    const joinedAfter = forms.length === 4 && joinsBackward(neighbour(i, 1));
    const form =
      forms.length === 1
        ? forms[0]
        : joinedBefore
          ? joinedAfter
            ? forms[3]!
            : forms[1]!
          : joinedAfter
            ? forms[2]!
            : forms[0];
    out += String.fromCodePoint(form);
  }
  return out;
}
