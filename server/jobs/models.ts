import { TenantModel } from '../db/model.js';
import type { ActorType } from '../modules/audit/service.js';

/** A domain event, written in the transaction of the change it reports; subscribers' jobs read it. */
export class DomainEventModel extends TenantModel {
  static override tableName = 'domain_events';
  declare type: string;
  declare subject_type: string | null;
  declare subject_id: string | null;
  declare actor_type: ActorType;
  declare actor_id: string | null;
  declare data: Record<string, unknown>;
  declare occurred_at: Date;
}
