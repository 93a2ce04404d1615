import type { z } from 'zod';
import type { Tenant as TenantSchema, TenantAdmin } from '../../../sdk/schemas/tenants.js';
import { tenantPublicUrl, type Config } from '../../config.js';
import type { Row } from '../../db/model.js';
import type { FirstAdmin } from '../staff/service.js';
import type { FirmModel } from './models.js';

/** The operator's view of a firm: an allow-list, with the effective portal URL worked out. */
export function platformTenant(config: Config, row: Row<FirmModel>): z.input<typeof TenantSchema> {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    plan: row.plan,
    status: row.status,
    locale: row.locale,
    currency: row.currency,
    timezone: row.timezone,
    primary_color: row.primary_color,
    allowed_origins: row.allowed_origins,
    public_url: row.public_url,
    address: row.address,
    invoice_prefix: row.invoice_prefix,
    portal_url: tenantPublicUrl(config, { tenant_slug: row.slug, public_url: row.public_url }),
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export function platformTenantAdmin(row: FirstAdmin): z.input<typeof TenantAdmin> {
  return { id: row.id, email: row.email, first_name: row.first_name, last_name: row.last_name, role: row.role };
}
