import type { PortalLoginRequest, PortalLoginResponse } from '../schemas/portal-auth.js';
import type { Transport } from '../transport.js';

export class PortalAuth {
  constructor(private readonly transport: Transport) {}

  /**
   * Logs a contact in. With the default bearer transport the client keeps the
   * token for its next calls.
   * @example const { profile } = await portal.auth.login({ email, password });
   */
  async login(credentials: PortalLoginRequest): Promise<PortalLoginResponse> {
    const answer = await this.transport.request<PortalLoginResponse>({
      method: 'POST',
      path: '/portal/auth/login',
      body: credentials,
    });
    if (answer.session.token) this.transport.setToken(answer.session.token);
    return answer;
  }

  /**
   * Ends the session on the server and forgets the token.
   * @example await portal.auth.logout();
   */
  async logout(): Promise<void> {
    await this.transport.request<void>({ method: 'POST', path: '/portal/auth/logout', body: {} });
    this.transport.setToken(undefined);
  }
}
