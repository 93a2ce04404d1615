import type { MintedPortalSession, MintPortalSessionRequest } from '../schemas/portal-sessions.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminPortalSessions {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * Mints a short-lived portal session for a contact, for the firm's own single sign-on.
   * @example const { token } = await admin.portalSessions.create({ contact_id });
   */
  create(body: MintPortalSessionRequest): Promise<MintedPortalSession> {
    return this.api.call('adminMintPortalSession', { body });
  }
}
