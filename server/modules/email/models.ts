import { TenantModel } from '../../db/model.js';

/** An email waiting to be sent (or sent, or given up): its body is sealed with the firm's key. */
export class EmailOutboxModel extends TenantModel {
  static override tableName = 'email_outbox';
  declare template: string;
  declare to_address: string;
  declare subject: string;
  declare sealed_body: Buffer | null;
  declare status: 'pending' | 'sent' | 'failed';
  declare attempts: number;
  declare next_attempt_at: Date;
  declare last_error: string | null;
  declare created_at: Date;
  declare sent_at: Date | null;
}
