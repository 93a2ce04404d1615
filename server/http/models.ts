import { TenantModel } from '../db/model.js';

/** A stored answer to a request sent with an Idempotency-Key, per firm and principal. */
export class IdempotencyKeyModel extends TenantModel {
  static override tableName = 'idempotency_keys';
  static override idColumn = ['tenant_id', 'principal', 'key'];
  declare principal: string;
  declare key: string;
  declare request_hash: string;
  declare status: 'in_progress' | 'completed';
  declare response_status: number | null;
  declare response_body: unknown;
  declare created_at: Date;
}
