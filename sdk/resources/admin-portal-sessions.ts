import type { MintedPortalSession, MintPortalSessionRequest } from '../schemas/portal-sessions.js';
import type { Transport } from '../transport.js';

export class AdminPortalSessions {
  constructor(private readonly transport: Transport) {}

  /**
   * Mints a short-lived portal session for a contact, for the firm's own single sign-on.
   * @example const { token } = await admin.portalSessions.create({ contact_id });
   */
  create(body: MintPortalSessionRequest): Promise<MintedPortalSession> {
    return this.transport.request<MintedPortalSession>({ method: 'POST', path: '/admin/portal-sessions', body });
  }
}
