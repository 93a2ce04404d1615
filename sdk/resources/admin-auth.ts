import type { AdminLoginRequest, AdminLoginResponse } from '../schemas/admin-auth.js';
import type { SetPasswordRequest, SetPasswordResponse } from '../schemas/portal-passwords.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminAuth {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * Logs a staff user in; the client keeps the session token for its next calls.
   * @example const { token, user } = await admin.auth.login({ email, password });
   */
  async login(credentials: AdminLoginRequest): Promise<AdminLoginResponse> {
    const answer = await this.api.call('adminLogin', { body: credentials });
    this.api.transport.setToken(answer.token);
    return answer;
  }

  /**
   * Ends the staff session on the server and forgets the token.
   * @example await admin.auth.logout();
   */
  async logout(): Promise<void> {
    await this.api.call('adminLogout', { body: {} });
    this.api.transport.setToken(undefined);
  }

  /**
   * Sets a staff password with the token of an invite link (single use).
   * @example await admin.auth.setPassword({ token, password });
   */
  setPassword(body: SetPasswordRequest): Promise<SetPasswordResponse> {
    return this.api.call('adminSetPassword', { body });
  }
}
