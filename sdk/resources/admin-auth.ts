import type { AdminLoginRequest, AdminLoginResponse } from '../schemas/staff-auth.js';
import type { SetPasswordRequest, SetPasswordResponse } from '../schemas/portal-auth.js';
import type { Transport } from '../transport.js';

export class AdminAuth {
  constructor(private readonly transport: Transport) {}

  /**
   * Logs a staff user in; the client keeps the session token for its next calls.
   * @example const { token, user } = await admin.auth.login({ email, password });
   */
  async login(credentials: AdminLoginRequest): Promise<AdminLoginResponse> {
    const answer = await this.transport.request<AdminLoginResponse>({
      method: 'POST',
      path: '/admin/auth/login',
      body: credentials,
    });
    this.transport.setToken(answer.token);
    return answer;
  }

  /**
   * Ends the staff session on the server and forgets the token.
   * @example await admin.auth.logout();
   */
  async logout(): Promise<void> {
    await this.transport.request<void>({ method: 'POST', path: '/admin/auth/logout', body: {} });
    this.transport.setToken(undefined);
  }

  /**
   * Sets a staff password with the token of an invite link (single use).
   * @example await admin.auth.setPassword({ token, password });
   */
  setPassword(body: SetPasswordRequest): Promise<SetPasswordResponse> {
    return this.transport.request<SetPasswordResponse>({ method: 'POST', path: '/admin/auth/set-password', body });
  }
}
