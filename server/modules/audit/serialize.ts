import type { z } from 'zod';
import type { AuditEvent } from '../../../sdk/schemas/audit.js';
import type { Row } from '../../db/model.js';
import type { AuditEventModel } from './models.js';

/** An audit event as the admin API reads it (ip as text). */
export type AuditRow = Pick<
  Row<AuditEventModel>,
  | 'id'
  | 'occurred_at'
  | 'action'
  | 'actor_type'
  | 'actor_id'
  | 'impersonator_id'
  | 'minted_by_type'
  | 'minted_by_id'
  | 'subject_type'
  | 'subject_id'
  | 'ip'
  | 'user_agent'
  | 'request_id'
  | 'data'
>;

export function auditEvent(row: AuditRow): z.input<typeof AuditEvent> {
  return {
    id: row.id,
    occurred_at: row.occurred_at.toISOString(),
    action: row.action,
    actor: { type: row.actor_type, id: row.actor_id },
    impersonator_id: row.impersonator_id,
    minted_by: row.minted_by_type && row.minted_by_id ? { type: row.minted_by_type, id: row.minted_by_id } : null,
    subject: row.subject_type ? { type: row.subject_type, id: row.subject_id } : null,
    ip: row.ip,
    user_agent: row.user_agent,
    request_id: row.request_id,
    data: row.data,
  };
}
