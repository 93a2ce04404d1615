import type { AuditEvent, AuditEventListQuery } from '../schemas/audit-events.js';
import type { ListPromise } from '../pagination.js';
import type { RouteCaller } from '../call.js';
import type { adminRoutes } from '../routes/admin.js';

export class AdminAuditEvents {
  constructor(private readonly api: RouteCaller<typeof adminRoutes>) {}

  /**
   * The firm's audit trail, newest first.
   * @example for await (const e of admin.auditEvents.list({ action: 'portal.login_failed' })) console.log(e.ip);
   */
  list(query: AuditEventListQuery = {}): ListPromise<AuditEvent> {
    return this.api.list('adminListAuditEvents', { query });
  }
}
