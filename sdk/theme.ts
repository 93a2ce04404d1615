/**
 * The design tokens of every widget and hosted page, as `--caseflow-*` CSS
 * custom properties, and the colours derived from one brand colour. Zod-free and
 * DOM-free: <caseflow-portal> declares the tokens on itself, the hosted pages'
 * stylesheet on `:root`, and the server derives a firm's brand stylesheet with
 * the same functions the portal's `appearance` uses.
 */

export type ThemeMode = 'light' | 'dark';

/** Every token and its value in each mode (one value: the same in both). */
export const tokens: Record<string, string | Record<ThemeMode, string>> = {
  // Type scale (a 1.125 ratio around the base size).
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  'font-size': '1rem',
  'font-size-sm': '0.875rem',
  'font-size-lg': '1.125rem',
  'font-size-xl': '1.5rem',
  'line-height': '1.5',
  // Spacing, on a 4 px grid.
  'space-xs': '0.25rem',
  'space-sm': '0.5rem',
  space: '1rem',
  'space-lg': '1.5rem',
  'space-xl': '2rem',
  // Shapes.
  radius: '6px',
  'radius-lg': '10px',
  'badge-radius': '999px',
  'shadow-sm': { light: '0 1px 2px rgb(15 23 42 / 0.08)', dark: '0 1px 2px rgb(0 0 0 / 0.5)' },
  shadow: { light: '0 4px 12px rgb(15 23 42 / 0.12)', dark: '0 4px 12px rgb(0 0 0 / 0.6)' },
  // Surfaces and text.
  'color-background': { light: '#f5f7fa', dark: '#0b1220' },
  'color-surface': { light: '#ffffff', dark: '#111a2b' },
  'color-text': { light: '#1f2937', dark: '#e5e7eb' },
  'color-muted': { light: '#4b5563', dark: '#a3adbd' },
  'color-border': { light: '#d1d5db', dark: '#334155' },
  // Status colours (text and badges), each AA on the surface of its mode.
  'color-success': { light: '#166534', dark: '#4ade80' },
  'color-warning': { light: '#92400e', dark: '#fbbf24' },
  'color-danger': { light: '#b91c1c', dark: '#f87171' },
};

/** The default brand colour: a blue that passes AA for white text and as text on white. */
export const defaultPrimary = '#1d4ed8';

/** The colours derived from the brand colour; set them yourself to override the derivation. */
export interface BrandColours {
  /** Buttons' background. */
  'color-primary': string;
  /** Text on the primary colour: white or near-black, whichever contrasts more. */
  'color-on-primary': string;
  /** Buttons' background under the pointer. */
  'color-primary-hover': string;
  /** Links and accents on the surface. */
  'color-link': string;
  /** A tint of the brand colour for highlighted rows and the current nav entry. */
  'color-primary-soft': string;
  /** Focus rings. */
  'color-focus': string;
}

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

const value = (token: string, mode: ThemeMode) => {
  const v = tokens[token]!;
  return typeof v === 'string' ? v : v[mode];
};

/**
 * The brand colours for one mode, every pair checked for WCAG AA: white or
 * near-black text on the buttons (the brand colour darkened or lightened until
 * one of them reaches 4.5:1), and links on the surface at 4.5:1.
 */
export function brandColours(primary: string, mode: ThemeMode): BrandColours {
  const rgb = parseHex(primary) ?? parseHex(defaultPrimary)!;
  const surface = value('color-surface', mode);
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

/** `--caseflow-name: value;` declarations of every token (and the brand colours) for one mode. */
export function declarations(mode: ThemeMode, primary = defaultPrimary): string {
  const all = {
    ...Object.fromEntries(Object.keys(tokens).map((t) => [t, value(t, mode)])),
    ...brandColours(primary, mode),
  };
  return Object.entries(all)
    .map(([name, v]) => `--caseflow-${name}:${v};`)
    .join('');
}

/** Only the brand colours' declarations: what a firm's colour changes. */
export function brandDeclarations(primary: string, mode: ThemeMode): string {
  return Object.entries(brandColours(primary, mode))
    .map(([name, v]) => `--caseflow-${name}:${v};`)
    .join('');
}
