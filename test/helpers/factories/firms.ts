import type { AdminClient } from '../../../sdk/admin-client.js';
import type {
  FirmSettings,
  FirmSettingsUpdate,
  Tenant,
  TenantAdmin,
  TenantCreateRequest,
  TenantUpdateRequest,
} from '../../../sdk/schemas/tenants.js';
import type { TestServer } from '../server.js';
import { firmAdmin, type DemoFirm } from './people.js';
import { uniqueEmail, uniqueName } from './unique.js';

/**
 * A new firm, through the platform API (operator key): a unique slug and name,
 * its first admin invited by email. Answers the firm and that admin.
 */
export async function aFirm(
  s: TestServer,
  overrides: Partial<Omit<TenantCreateRequest, 'admin'>> & { admin?: Partial<TenantCreateRequest['admin']> } = {},
): Promise<{ tenant: Tenant; admin: TenantAdmin }> {
  const slug = overrides.slug ?? uniqueName('firm');
  return s.platform().tenants.create({
    name: `Firm ${slug}`,
    ...overrides,
    slug,
    admin: { email: uniqueEmail('admin'), first_name: 'Frida', last_name: 'Firm', ...overrides.admin },
  });
}

/** Changes what the operator keeps through the platform API: name, plan, public URL. */
export function updateFirm(s: TestServer, slug: string, changes: TenantUpdateRequest): Promise<Tenant> {
  return s.platform().tenants.update(slug, changes);
}

/** Moves a firm to `plan` through the platform API: 'solo' locks its portal (402), 'growth' opens it again. */
export function setPlan(s: TestServer, slug: string, plan: Tenant['plan']): Promise<Tenant> {
  return updateFirm(s, slug, { plan });
}

/**
 * Changes a firm's own settings (branding, details, defaults, allowed origins,
 * payment instructions) as its admin: the demo admin of `firm`, or the admin client given.
 */
export async function updateSettings(
  s: TestServer,
  firm: DemoFirm | AdminClient,
  changes: FirmSettingsUpdate,
): Promise<FirmSettings> {
  const admin = typeof firm === 'string' ? await firmAdmin(s, firm) : firm;
  return admin.settings.update(changes);
}
