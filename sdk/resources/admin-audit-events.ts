import type { AuditEvent, AuditEventListQuery } from '../schemas/audit.js';
import type { List } from '../schemas/common.js';
import { ListPromise } from '../pagination.js';
import type { Transport } from '../transport.js';

export class AdminAuditEvents {
  constructor(private readonly transport: Transport) {}

  /**
   * The firm's audit trail, newest first.
   * @example for await (const e of admin.auditEvents.list({ action: 'portal.login_failed' })) console.log(e.ip);
   */
  list(query: AuditEventListQuery = {}): ListPromise<AuditEvent> {
    return new ListPromise((startingAfter) =>
      this.transport.request<List<AuditEvent>>({
        method: 'GET',
        path: '/admin/audit-events',
        query: { ...query, ...(startingAfter ? { starting_after: startingAfter } : {}) },
      }),
    );
  }
}
