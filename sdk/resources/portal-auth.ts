import type { PortalLoginRequest, PortalLoginResponse } from '../schemas/portal-auth.js';
import type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  SetPasswordRequest,
  SetPasswordResponse,
} from '../schemas/portal-passwords.js';
import type { RedeemImpersonationRequest } from '../schemas/impersonations.js';
import type { RouteCaller } from '../call.js';
import type { portalRoutes } from '../routes/portal.js';

export class PortalAuth {
  constructor(private readonly api: RouteCaller<typeof portalRoutes>) {}

  /**
   * Logs a contact in. With the default bearer transport the client keeps the
   * token for its next calls.
   * @example const { profile } = await portal.auth.login({ email, password });
   */
  async login(credentials: PortalLoginRequest): Promise<PortalLoginResponse> {
    const answer = await this.api.call('portalLogin', { body: credentials });
    if (answer.session.token) this.api.transport.setToken(answer.session.token);
    return answer;
  }

  /**
   * Ends the session on the server and forgets the token.
   * @example await portal.auth.logout();
   */
  async logout(): Promise<void> {
    await this.api.call('portalLogout', { body: {} });
    this.api.transport.setToken(undefined);
  }

  /**
   * Asks for a reset link by email. The answer is the same whether or not the
   * email belongs to an account.
   * @example await portal.auth.forgotPassword({ email: 'nora@northwind.example' });
   */
  forgotPassword(body: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
    return this.api.call('portalForgotPassword', { body });
  }

  /**
   * Sets the password with the token of a welcome or reset link (single use).
   * @example await portal.auth.setPassword({ token: location.hash.slice(7), password });
   */
  setPassword(body: SetPasswordRequest): Promise<SetPasswordResponse> {
    return this.api.call('portalSetPassword', { body });
  }

  /**
   * Redeems a login-as-client link (the hosted page /clients/impersonate does it):
   * opens an admin preview session, whose bearer token the client keeps for its
   * next calls. The link works once.
   * @example const { profile } = await portal.auth.redeemImpersonation({ token: location.hash.slice(7) });
   */
  async redeemImpersonation(body: RedeemImpersonationRequest): Promise<PortalLoginResponse> {
    const answer = await this.api.call('portalRedeemImpersonation', { body });
    if (answer.session.token) this.api.transport.setToken(answer.session.token);
    return answer;
  }

  /**
   * Changes the logged-in contact's password; their other sessions end.
   * @example await portal.auth.changePassword({ current_password, new_password });
   */
  async changePassword(body: ChangePasswordRequest): Promise<void> {
    await this.api.call('portalChangePassword', { body });
  }
}
