import type { PortalLoginRequest, PortalLoginResponse } from '../schemas/portal-auth.js';
import type {
  ChangePasswordRequest,
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  SetPasswordRequest,
  SetPasswordResponse,
} from '../schemas/portal-auth.js';
import type { RedeemImpersonationRequest } from '../schemas/impersonations.js';
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

  /**
   * Asks for a reset link by email. The answer is the same whether or not the
   * email belongs to an account.
   * @example await portal.auth.forgotPassword({ email: 'nora@northwind.example' });
   */
  forgotPassword(body: ForgotPasswordRequest): Promise<ForgotPasswordResponse> {
    return this.transport.request<ForgotPasswordResponse>({
      method: 'POST',
      path: '/portal/auth/forgot-password',
      body,
    });
  }

  /**
   * Sets the password with the token of a welcome or reset link (single use).
   * @example await portal.auth.setPassword({ token: location.hash.slice(7), password });
   */
  setPassword(body: SetPasswordRequest): Promise<SetPasswordResponse> {
    return this.transport.request<SetPasswordResponse>({ method: 'POST', path: '/portal/auth/set-password', body });
  }

  /**
   * Redeems a login-as-client link (the hosted page /clients/impersonate does it):
   * opens an admin preview session, whose bearer token the client keeps for its
   * next calls. The link works once.
   * @example const { profile } = await portal.auth.redeemImpersonation({ token: location.hash.slice(7) });
   */
  async redeemImpersonation(body: RedeemImpersonationRequest): Promise<PortalLoginResponse> {
    const answer = await this.transport.request<PortalLoginResponse>({
      method: 'POST',
      path: '/portal/auth/impersonation',
      body,
    });
    if (answer.session.token) this.transport.setToken(answer.session.token);
    return answer;
  }

  /**
   * Changes the logged-in contact's password; their other sessions end.
   * @example await portal.auth.changePassword({ current_password, new_password });
   */
  async changePassword(body: ChangePasswordRequest): Promise<void> {
    await this.transport.request<void>({ method: 'POST', path: '/portal/auth/change-password', body });
  }
}
