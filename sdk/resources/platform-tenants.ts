import type { ListQuery } from '../schemas/common.js';
import type { Tenant, TenantCreated, TenantCreateRequest, TenantUpdateRequest } from '../schemas/tenants.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { platformRoutes } from '../routes/platform.js';

/** The firms (tenants) of the platform, managed with the operator key. */
export class PlatformTenants {
  constructor(private readonly api: RouteCaller<typeof platformRoutes>) {}

  /**
   * Creates a firm; its first admin gets an email with a single-use set-password link (48 hours).
   * @example
   * const { tenant, admin } = await platform.tenants.create({
   *   slug: 'acme', name: 'Acme Law', plan: 'growth',
   *   admin: { email: 'ada@acme-law.example', first_name: 'Ada', last_name: 'Lovelace' },
   * });
   */
  create(body: TenantCreateRequest): Promise<TenantCreated> {
    return this.api.call('platformCreateTenant', { body });
  }

  /**
   * Every firm, newest first.
   * @example for await (const tenant of platform.tenants.list()) console.log(tenant.slug, tenant.plan);
   */
  list(query: Partial<ListQuery> = {}): ListPromise<Tenant> {
    return this.api.list('platformListTenants', { query });
  }

  /**
   * One firm by its slug.
   * @example const tenant = await platform.tenants.retrieve('acme');
   */
  retrieve(slug: string): Promise<Tenant> {
    return this.api.call('platformRetrieveTenant', { params: { slug } });
  }

  /**
   * Changes a firm's settings; `allowed_origins` replaces the whole list, `null` clears a nullable field.
   * @example await platform.tenants.update('acme', { plan: 'multi_practice', primary_color: '#1d4ed8' });
   */
  update(slug: string, body: TenantUpdateRequest): Promise<Tenant> {
    return this.api.call('platformUpdateTenant', { params: { slug }, body });
  }

  /**
   * Disables a firm: its hosts and APIs answer 404 until it is enabled again. Nothing is deleted.
   * @example await platform.tenants.disable('acme');
   */
  disable(slug: string): Promise<Tenant> {
    return this.api.call('platformDisableTenant', { params: { slug } });
  }

  /**
   * Enables a disabled firm again.
   * @example await platform.tenants.enable('acme');
   */
  enable(slug: string): Promise<Tenant> {
    return this.api.call('platformEnableTenant', { params: { slug } });
  }
}
