import type { ImpersonationCreateRequest, ImpersonationLink } from '../schemas/impersonations.js';
import { seg, type Transport } from '../transport.js';

export class AdminImpersonations {
  constructor(private readonly transport: Transport) {}

  /**
   * "Login as client" (admins only): a single-use link, valid for a couple of
   * minutes, that opens a preview of the portal as the client's primary contact
   * in the browser tab that opens it.
   * @example const { url, expires_at } = await admin.impersonations.create(clientId, { reason: 'cannot see INV-0003' });
   */
  create(clientId: string, body: ImpersonationCreateRequest = {}): Promise<ImpersonationLink> {
    return this.transport.request<ImpersonationLink>({
      method: 'POST',
      path: `/admin/clients/${seg(clientId)}/impersonations`,
      body,
    });
  }
}
