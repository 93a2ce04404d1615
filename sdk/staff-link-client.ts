import type { SetPasswordRequest, SetPasswordResponse } from './schemas/portal-passwords.js';
import { RouteCaller } from './call.js';
import { adminSetPassword } from './routes/admin.js';
import { Transport, type ClientOptions } from './transport.js';

/**
 * The one admin call a browser page makes without a session: setting a staff
 * password from an invitation link (`<caseflow-set-password purpose="staff">`).
 * Apart from AdminClient so the widget bundle carries this route and no other
 * admin one; `AdminClient.auth.setPassword` is the same call.
 * @example await new StaffLinkClient({ baseUrl: location.origin }).setPassword({ token, password });
 */
export class StaffLinkClient {
  private readonly api: RouteCaller<{ adminSetPassword: typeof adminSetPassword }>;

  constructor(options: Omit<ClientOptions, 'token'>) {
    this.api = new RouteCaller(new Transport(options), { adminSetPassword });
  }

  /**
   * Sets a staff password with the token of an invite link (single use).
   * @example await staffLink.setPassword({ token: location.hash.slice(7), password });
   */
  setPassword(body: SetPasswordRequest): Promise<SetPasswordResponse> {
    return this.api.call('adminSetPassword', { body });
  }
}
