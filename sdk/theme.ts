/**
 * The colours derived from one brand colour, with WCAG AA contrast checked, and
 * the tokens' declarations for any brand colour. Zod-free and DOM-free: the
 * server derives a firm's brand stylesheet and the hosted pages' `:root`
 * declarations here, and <caseflow-portal>'s `appearance` the same way. The
 * tokens themselves and their default values live in theme-tokens.ts, which is
 * all a page without a brand colour of its own downloads.
 */
import {
  declare,
  defaultPrimary,
  tokenDeclarations,
  tokenValue,
  type BrandColours,
  type ThemeMode,
} from './theme-tokens.js';

export * from './theme-tokens.js';

type Rgb = [number, number, number];

const hexOf = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** `#rgb` or `#rrggbb` (the '#' optional) as channels, or undefined when it is not a hex colour. */
export function parseHex(value: string): Rgb | undefined {
  const hex = value.trim().replace(/^#/, '').toLowerCase();
  const full = /^[0-9a-f]{3}$/.test(hex) ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/.test(full)) return undefined;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

/** Relative luminance (WCAG 2). */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2 contrast ratio of two hex colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [la, lb] = [luminance(parseHex(a)!), luminance(parseHex(b)!)].sort((x, y) => y - x) as [number, number];
  return (la + 0.05) / (lb + 0.05);
}

const mix = (a: Rgb, b: Rgb, weight: number): Rgb => a.map((c, i) => c + (b[i]! - c) * weight) as Rgb;
const black: Rgb = [0, 0, 0];
const white: Rgb = [255, 255, 255];

/** AA for normal text. */
export const textContrast = 4.5;

/**
 * Moves `colour` towards black (or white) in small steps until it contrasts at
 * least `ratio` with `against`; the colour itself when it already does.
 */
function until(colour: Rgb, against: string, ratio: number, towards: Rgb): string {
  for (let step = 0; step <= 20; step++) {
    const candidate = hexOf(mix(colour, towards, step / 20));
    if (contrast(candidate, against) >= ratio) return candidate;
  }
  return hexOf(towards);
}

/**
 * The brand colours for one mode, every pair checked for WCAG AA: white or
 * near-black text on the buttons (the brand colour darkened or lightened until
 * one of them reaches 4.5:1), and links on the surface at 4.5:1.
 */
export function brandColours(primary: string, mode: ThemeMode): BrandColours {
  const rgb = parseHex(primary) ?? parseHex(defaultPrimary)!;
  const surface = tokenValue('color-surface', mode);
  const hex = hexOf(rgb);
  const dark = '#111827';
  // The text colour that contrasts more decides which way the button colour moves if it must.
  const onPrimary = contrast(hex, '#ffffff') >= contrast(hex, dark) ? '#ffffff' : dark;
  const button = until(rgb, onPrimary, textContrast, onPrimary === '#ffffff' ? black : white);
  const link = until(rgb, surface, textContrast, mode === 'light' ? black : white);
  return {
    'color-primary': button,
    'color-on-primary': onPrimary,
    'color-primary-hover': hexOf(mix(parseHex(button)!, onPrimary === '#ffffff' ? black : white, 0.15)),
    'color-link': link,
    'color-primary-soft': hexOf(mix(rgb, parseHex(surface)!, mode === 'light' ? 0.88 : 0.8)),
    'color-focus': link,
  };
}

/** `--caseflow-name: value;` declarations of every token (and the brand colours derived from `primary`) for one mode. */
export function declarations(mode: ThemeMode, primary = defaultPrimary): string {
  return tokenDeclarations(mode, brandColours(primary, mode));
}

/** Only the brand colours' declarations: what a firm's colour changes. */
export function brandDeclarations(primary: string, mode: ThemeMode): string {
  return declare({ ...brandColours(primary, mode) });
}
