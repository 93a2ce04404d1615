import { brandColours, parseHex, tokens, type ThemeMode } from '../../../sdk/theme.js';

/**
 * The `appearance` object of <caseflow-portal>, after Stripe's and Clerk's
 * embedded components: `variables` names tokens in camelCase (`colorPrimary`,
 * `borderRadius` → `--caseflow-radius`, `fontFamily`, …) and sets them on the portal.
 * A `colorPrimary` alone derives its companions (hover, text on it, links, tint,
 * focus) with AA contrast, unless they are given too.
 */
export interface Appearance {
  /** `light` (the default), `dark`, or `auto` to follow the system setting. */
  theme?: 'light' | 'dark' | 'auto';
  /** Token values by camelCase name (`colorPrimary: '#7c3aed'`, `fontFamily`, `radius` or `borderRadius`). */
  variables?: Record<string, string>;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const brandNames = [
  'color-primary',
  'color-on-primary',
  'color-primary-hover',
  'color-link',
  'color-primary-soft',
  'color-focus',
];
const aliases: Record<string, string> = { 'border-radius': 'radius' };

/** The token a variable sets, or undefined for a name that is no token. */
export function tokenOf(variable: string): string | undefined {
  const name = aliases[kebab(variable)] ?? kebab(variable);
  return name in tokens || brandNames.includes(name) ? name : undefined;
}

/** The custom properties an appearance sets for one mode; unknown names and unusable colours are skipped. */
export function appearanceProperties(appearance: Appearance | undefined, mode: ThemeMode): Record<string, string> {
  const out: Record<string, string> = {};
  const variables = appearance?.variables ?? {};
  const primary = variables.colorPrimary;
  if (primary && parseHex(primary)) {
    for (const [name, value] of Object.entries(brandColours(primary, mode))) out[`--caseflow-${name}`] = value;
  }
  for (const [variable, value] of Object.entries(variables)) {
    const token = tokenOf(variable);
    if (!token || typeof value !== 'string' || value === '') continue;
    if (token === 'color-primary') continue; // derived above, AA-checked
    out[`--caseflow-${token}`] = value;
  }
  return out;
}
