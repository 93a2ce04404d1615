import { brandDeclarations } from '../../sdk/theme.js';
import type { RequestDb } from '../db/request-db.js';

/** A firm's look on its hosted pages. */
export interface Branding {
  /** Brand colour as six lowercase hex digits without '#', or null for the default blue. */
  primaryHex: string | null;
  /** An https:// image URL, or null. */
  logoUrl: string | null;
}

export const hexPattern = /^[0-9a-f]{6}$/;

/** The firm's branding, read in the page's tenant transaction (row-level security narrows `tenants` to that firm). */
export async function readBranding(db: RequestDb): Promise<Branding> {
  const [row] = await db.query<{ primary_color: string | null; logo_url: string | null }>(
    'SELECT primary_color, logo_url FROM tenants',
  );
  // The table's checks already hold these shapes; checked again because they end up in HTML.
  const hex = row?.primary_color?.replace(/^#/, '').toLowerCase() ?? null;
  const logo = row?.logo_url ?? null;
  return {
    primaryHex: hex && hexPattern.test(hex) ? hex : null,
    logoUrl: logo && /^https:\/\//.test(logo) ? logo : null,
  };
}

/**
 * The stylesheet that themes the hosted pages and their widgets in the firm's
 * colour, light and dark: the colour's companions (text on it, hover, links,
 * tint, focus) are derived with WCAG AA contrast by the same code as the
 * portal's `appearance` (sdk/theme.ts). It names the portals too, because a
 * page's rule beats the defaults a portal declares on itself.
 */
export function brandCss(hex: string): string {
  const light = brandDeclarations(`#${hex}`, 'light');
  const dark = brandDeclarations(`#${hex}`, 'dark');
  return [
    `:root, caseflow-portal { ${light} }`,
    `caseflow-portal[theme='dark'] { ${dark} }`,
    `@media (prefers-color-scheme: dark) { :root, caseflow-portal[theme='auto'] { ${dark} } }`,
    '',
  ].join('\n');
}
