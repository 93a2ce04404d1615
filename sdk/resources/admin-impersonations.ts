import type { ImpersonationCreateRequest, ImpersonationLink } from '../schemas/impersonations.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminImpersonations {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * "Login as client" (admins only): a single-use link, valid for a couple of
   * minutes, that opens a preview of the portal as the client's primary contact
   * in the browser tab that opens it.
   * @example const { url, expires_at } = await admin.impersonations.create(clientId, { reason: 'cannot see INV-0003' });
   */
  create(clientId: string, body: ImpersonationCreateRequest = {}): Promise<ImpersonationLink> {
    return this.api.call('adminCreateImpersonation', { params: { id: clientId }, body });
  }
}
