import { TenantModel } from '../../db/model.js';

/**
 * A firm's staff user. caseflow_staff has no grant on password_hash: staff
 * queries name their columns (staffColumns); only caseflow_auth reads the hash.
 */
export class StaffUserModel extends TenantModel {
  static override tableName = 'staff_users';
  declare email: string;
  declare first_name: string;
  declare last_name: string;
  declare role: 'admin' | 'staff';
  declare active: boolean;
  declare password_hash: string | null;
  declare phone: string | null;
  declare hourly_rate: number | null;
  declare created_at: Date;
  declare updated_at: Date;
}

/** The columns the admin API reads (never the hash). */
export const staffColumns = [
  'id',
  'email',
  'first_name',
  'last_name',
  'role',
  'active',
  'phone',
  'hourly_rate',
  'created_at',
] as const;
