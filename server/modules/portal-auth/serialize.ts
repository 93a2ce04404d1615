import type { z } from 'zod';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';
import type { TenantScope } from '../../db/request-transaction.js';
import type { PortalContactRow } from '../contacts/credentials.js';
import { logoPath } from '../../portal/branding.js';

/** The portal's view of who is logged in: names and the firm's formatting settings, nothing internal. */
export function portalProfile(
  contact: PortalContactRow,
  tenant: TenantScope,
  session: {
    kind: 'login' | 'preview' | 'minted';
    expires_at: Date;
    /** The admin behind a preview session. */
    impersonator?: { id: string; name: string } | null;
  },
): z.input<typeof PortalProfile> {
  return {
    contact: {
      id: contact.id,
      first_name: contact.first_name,
      last_name: contact.last_name,
      email: contact.email,
      language: contact.language,
    },
    client: { id: contact.client_id, number: contact.client_number, name: contact.client_name },
    firm: {
      slug: tenant.tenant_slug,
      name: tenant.tenant_name,
      plan: tenant.plan,
      locale: tenant.locale,
      currency: tenant.currency,
      timezone: tenant.timezone,
      primary_color: contact.primary_color,
      logo_url:
        contact.logo_sha256 && contact.logo_media_type ? logoPath(contact.logo_sha256, contact.logo_media_type) : null,
      payments_enabled: contact.payments_enabled,
      partial_payment_minimum: contact.payments_enabled ? contact.partial_payment_minimum : null,
    },
    permissions: contact.permissions,
    session: {
      kind: session.kind,
      expires_at: session.expires_at.toISOString(),
      impersonator: session.impersonator ?? null,
    },
  };
}
