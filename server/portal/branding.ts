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

/** Relative luminance of an sRGB colour (WCAG 2). */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/**
 * The stylesheet that themes the widgets (and the page) in the firm's colour.
 * Text on the colour is white or near-black, whichever contrasts more, so a
 * light brand colour still gives readable buttons.
 */
export function brandCss(hex: string): string {
  const l = luminance(hex);
  const onPrimary = (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#111827' : '#ffffff';
  return `:root { --caseflow-color-primary: #${hex}; --caseflow-color-on-primary: ${onPrimary}; }\n`;
}
