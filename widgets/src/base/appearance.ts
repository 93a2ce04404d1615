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

/** The custom properties each portal was given last, to remove when its appearance changes. */
const applied = new WeakMap<HTMLElement, string[]>();

/**
 * Sets the portal's appearance as inline custom properties (CSSOM: allowed
 * under a strict CSP), replacing those it set before; with theme `auto`, again
 * whenever the system's setting changes. Returns what stops following it.
 */
export function applyAppearance(portal: HTMLElement & { appearance?: Appearance; theme: string }): () => void {
  const system = portal.theme === 'auto' && portal.appearance ? matchMedia('(prefers-color-scheme: dark)') : undefined;
  const apply = () => {
    const dark = portal.theme === 'dark' || !!system?.matches;
    for (const name of applied.get(portal) ?? []) portal.style.removeProperty(name);
    const properties = appearanceProperties(portal.appearance, dark ? 'dark' : 'light');
    for (const [name, value] of Object.entries(properties)) portal.style.setProperty(name, value);
    applied.set(portal, Object.keys(properties));
  };
  apply();
  system?.addEventListener('change', apply);
  return () => system?.removeEventListener('change', apply);
}
