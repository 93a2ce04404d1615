/**
 * The design tokens of every widget and hosted page, as `--caseflow-*` CSS
 * custom properties, with their default values: what <caseflow-portal> declares
 * on itself (written out as CSS in widgets/src/base/token-values.ts, checked
 * against these by test/sdk/theme.test.ts). The derivation of brand colours
 * (AA contrast) is in theme.ts, which re-exports all of this; the browser
 * fetches both only for an `appearance`.
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

/**
 * `brandColours(defaultPrimary, mode)` (theme.ts) written out, so a page
 * without a brand colour of its own carries these values and none of the
 * contrast maths. test/sdk/theme.test.ts checks they equal the derivation:
 * change `defaultPrimary` and it prints the new ones.
 */
export const defaultBrandColours: Record<ThemeMode, BrandColours> = {
  light: {
    'color-primary': '#1d4ed8',
    'color-on-primary': '#ffffff',
    'color-primary-hover': '#1942b8',
    'color-link': '#1d4ed8',
    'color-primary-soft': '#e4eafa',
    'color-focus': '#1d4ed8',
  },
  dark: {
    'color-primary': '#1d4ed8',
    'color-on-primary': '#ffffff',
    'color-primary-hover': '#1942b8',
    'color-link': '#6183e4',
    'color-primary-soft': '#13244e',
    'color-focus': '#6183e4',
  },
};

/** A token's value in one mode. */
export const tokenValue = (token: string, mode: ThemeMode): string => {
  const v = tokens[token]!;
  return typeof v === 'string' ? v : v[mode];
};

/** `--caseflow-name:value;` for each entry. */
export const declare = (values: Record<string, string>): string =>
  Object.entries(values)
    .map(([name, v]) => `--caseflow-${name}:${v};`)
    .join('');

/** The declarations of every token and the given brand colours (by default the default brand's) for one mode. */
export function tokenDeclarations(mode: ThemeMode, brand: BrandColours = defaultBrandColours[mode]): string {
  return declare({ ...Object.fromEntries(Object.keys(tokens).map((t) => [t, tokenValue(t, mode)])), ...brand });
}
