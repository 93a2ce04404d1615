import { TenantModel } from '../../db/model.js';

/** A firm's API key. Only its SHA-256 is stored; caseflow_staff has no grant on key_hash. */
export class ApiKeyModel extends TenantModel {
  static override tableName = 'api_keys';
  declare name: string;
  declare role: 'admin' | 'staff';
  declare scopes: 'portal_sessions:mint'[];
  declare prefix: string;
  declare key_hash: Buffer;
  declare created_by: string | null;
  declare created_at: Date;
  declare last_used_at: Date | null;
  declare revoked_at: Date | null;
}

/** The columns the admin API reads (never the hash). */
export const apiKeyColumns = [
  'id',
  'name',
  'role',
  'scopes',
  'prefix',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;
