import type { ApiKey, ApiKeyCreateRequest, ApiKeyWithSecret } from '../schemas/api-keys.js';
import type { List, ListQuery } from '../schemas/common.js';
import { ListPromise } from '../pagination.js';
import { seg, type Transport } from '../transport.js';

export class AdminApiKeys {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's API keys (never their secrets).
   * @example const { data } = await admin.apiKeys.list();
   */
  list(query: Partial<ListQuery> = {}): ListPromise<ApiKey> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<ApiKey>>({
        method: 'GET',
        path: '/admin/api-keys',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }

  /**
   * Creates a key; `secret` is in this answer only.
   * @example const { secret } = await admin.apiKeys.create({ name: 'billing sync', role: 'staff' });
   */
  create(body: ApiKeyCreateRequest): Promise<ApiKeyWithSecret> {
    return this.transport.request<ApiKeyWithSecret>({ method: 'POST', path: '/admin/api-keys', body });
  }

  /**
   * Revokes a key; it stops working at once.
   * @example await admin.apiKeys.revoke(id);
   */
  revoke(id: string): Promise<ApiKey> {
    return this.transport.request<ApiKey>({ method: 'DELETE', path: `/admin/api-keys/${seg(id)}` });
  }
}
