import { TenantModel } from '../../db/model.js';

/** Who did it: a contact, staff, an API key, the operator, a job, or nobody logged in. */
export type ActorType = 'contact' | 'staff' | 'api_key' | 'platform' | 'system' | 'anonymous';

/** One entry of the firm's append-only audit trail (request roles insert; staff reads). */
export class AuditEventModel extends TenantModel {
  static override tableName = 'audit_events';
  declare occurred_at: Date;
  declare actor_type: ActorType;
  declare actor_id: string | null;
  declare impersonator_id: string | null;
  declare minted_by_type: 'staff' | 'api_key' | null;
  declare minted_by_id: string | null;
  declare action: string;
  declare subject_type: string | null;
  declare subject_id: string | null;
  declare ip: string | null;
  declare user_agent: string | null;
  declare request_id: string | null;
  declare data: Record<string, unknown>;
}
