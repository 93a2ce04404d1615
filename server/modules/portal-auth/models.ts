import { TenantModel } from '../../db/model.js';

/**
 * A "forgot password" request, stored as it arrives (same answer whether or not
 * the email is known) and processed by a job, which then forgets the email.
 */
export class PasswordResetRequestModel extends TenantModel {
  static override tableName = 'password_reset_requests';
  declare email: string | null;
  declare created_at: Date;
  declare processed_at: Date | null;
}
