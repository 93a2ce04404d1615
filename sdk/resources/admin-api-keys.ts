import type { ApiKey, ApiKeyCreateRequest, ApiKeyWithSecret } from '../schemas/api-keys.js';
import type { ListQuery } from '../schemas/common.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminApiKeys {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's API keys (never their secrets).
   * @example const { data } = await admin.apiKeys.list();
   */
  list(query: Partial<ListQuery> = {}): ListPromise<ApiKey> {
    return this.api.list('adminListApiKeys', { query });
  }

  /**
   * Creates a key; `secret` is in this answer only.
   * @example const { secret } = await admin.apiKeys.create({ name: 'billing sync', role: 'staff' });
   */
  create(body: ApiKeyCreateRequest): Promise<ApiKeyWithSecret> {
    return this.api.call('adminCreateApiKey', { body });
  }

  /**
   * Revokes a key; it stops working at once.
   * @example await admin.apiKeys.revoke(id);
   */
  revoke(id: string): Promise<ApiKey> {
    return this.api.call('adminRevokeApiKey', { params: { id } });
  }
}
