import { brandDeclarations } from '../../sdk/theme.js';
import type { RequestDb } from '../db/request-db.js';

/** A firm's look and contact details on its hosted pages. */
export interface Branding {
  /** Brand colour as six lowercase hex digits without '#', or null for the default blue. */
  primaryHex: string | null;
  /** Path of the firm's logo on its own host (`/clients/logo/{sha256}.png|jpg`), or null. */
  logoPath: string | null;
  /** What the portal's footer shows; each null when the firm has not given it. */
  contact: FirmContact;
}

export interface FirmContact {
  /** Several lines, as the firm wrote it. */
  address: string | null;
  phone: string | null;
  email: string | null;
  /** An http(s) URL. */
  website: string | null;
}

export const hexPattern = /^[0-9a-f]{6}$/;

/** Where a stored logo is served: its hash is in the path, so the answer can be cached for good. */
export const logoPath = (sha256: string, mediaType: string) =>
  `/clients/logo/${sha256}.${mediaType === 'image/png' ? 'png' : 'jpg'}`;

interface BrandingRow {
  primary_color: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  logo_sha256: string | null;
  logo_type: string | null;
}

/** The firm's branding, read in the page's tenant transaction (row-level security narrows both tables to that firm). */
export async function readBranding(db: RequestDb): Promise<Branding> {
  const [row] = await db.query<BrandingRow>(
    `SELECT tenants.primary_color, tenants.address, tenants.phone, tenants.email, tenants.website,
            tenant_logos.sha256 AS logo_sha256, tenant_logos.media_type AS logo_type
       FROM tenants LEFT JOIN tenant_logos ON tenant_logos.tenant_id = tenants.id`,
  );
  // The table's checks already hold these shapes; checked again because they end up in HTML.
  const hex = row?.primary_color?.replace(/^#/, '').toLowerCase() ?? null;
  const website = row?.website ?? null;
  return {
    primaryHex: hex && hexPattern.test(hex) ? hex : null,
    logoPath: row?.logo_sha256 && row.logo_type ? logoPath(row.logo_sha256, row.logo_type) : null,
    contact: {
      address: row?.address ?? null,
      phone: row?.phone ?? null,
      email: row?.email ?? null,
      website: website && /^https?:\/\//.test(website) ? website : null,
    },
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
