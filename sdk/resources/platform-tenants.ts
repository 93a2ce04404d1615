import type { List, ListQuery } from '../schemas/common.js';
import type { Tenant, TenantCreated, TenantCreateRequest, TenantUpdateRequest } from '../schemas/tenants.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

/** The firms (tenants) of the platform, managed with the operator key. */
export class PlatformTenants {
  constructor(private readonly transport: Transport) {}

  /**
   * Creates a firm; its first admin gets an email with a single-use set-password link (48 hours).
   * @example
   * const { tenant, admin } = await platform.tenants.create({
   *   slug: 'acme', name: 'Acme Law', plan: 'growth',
   *   admin: { email: 'ada@acme-law.example', first_name: 'Ada', last_name: 'Lovelace' },
   * });
   */
  create(body: TenantCreateRequest): Promise<TenantCreated> {
    return this.transport.request<TenantCreated>({ method: 'POST', path: '/platform/tenants', body });
  }

  /**
   * Every firm, newest first.
   * @example for await (const tenant of platform.tenants.list()) console.log(tenant.slug, tenant.plan);
   */
  list(query: Partial<ListQuery> = {}): ListPromise<Tenant> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<Tenant>>({
        method: 'GET',
        path: '/platform/tenants',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * One firm by its slug.
   * @example const tenant = await platform.tenants.retrieve('acme');
   */
  retrieve(slug: string): Promise<Tenant> {
    return this.transport.request<Tenant>({ method: 'GET', path: `/platform/tenants/${seg(slug)}` });
  }

  /**
   * Changes a firm's settings; `allowed_origins` replaces the whole list, `null` clears a nullable field.
   * @example await platform.tenants.update('acme', { plan: 'multi_practice', primary_color: '#1d4ed8' });
   */
  update(slug: string, body: TenantUpdateRequest): Promise<Tenant> {
    return this.transport.request<Tenant>({ method: 'PATCH', path: `/platform/tenants/${seg(slug)}`, body });
  }

  /**
   * Disables a firm: its hosts and APIs answer 404 until it is enabled again. Nothing is deleted.
   * @example await platform.tenants.disable('acme');
   */
  disable(slug: string): Promise<Tenant> {
    return this.transport.request<Tenant>({ method: 'POST', path: `/platform/tenants/${seg(slug)}/disable` });
  }

  /**
   * Enables a disabled firm again.
   * @example await platform.tenants.enable('acme');
   */
  enable(slug: string): Promise<Tenant> {
    return this.transport.request<Tenant>({ method: 'POST', path: `/platform/tenants/${seg(slug)}/enable` });
  }
}
