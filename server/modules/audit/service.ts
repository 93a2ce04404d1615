import type { RequestDb } from '../../db/request-db.js';
import type { AdminScope, PortalScope } from '../../db/request-transaction.js';
import type { RequestMeta } from '../../http/context.js';
import type { z } from 'zod';
import type { AuditEvent as AuditEventWire, AuditEventListQuery } from '../../../sdk/schemas/audit.js';
import type { List } from '../../../sdk/schemas/common.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { AuditEventModel, type ActorType } from './models.js';
import { auditEvent, type AuditRow } from './serialize.js';

export type { ActorType };

export interface AuditEvent {
  action: string;
  actorType: ActorType;
  actorId?: string | null;
  /** The admin behind a preview session: the actor stays the contact. */
  impersonatorId?: string | null;
  /** Who minted the portal session the action was taken with (a firm's SSO). */
  mintedByType?: 'staff' | 'api_key' | null;
  mintedById?: string | null;
  subjectType?: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends one event to the audit trail inside the caller's transaction. The
 * tenant comes from the transaction's settings, and there is no RETURNING: the
 * portal role may insert but not read. The time is the wall clock, not the
 * transaction's start, so the events of one request keep their order.
 */
export async function recordAudit(db: RequestDb, event: AuditEvent, meta: RequestMeta): Promise<void> {
  await db.query(
    `INSERT INTO audit_events
       (tenant_id, occurred_at, actor_type, actor_id, impersonator_id, minted_by_type, minted_by_id,
        action, subject_type, subject_id, ip, user_agent, request_id, data)
     VALUES (caseflow.current_tenant(), clock_timestamp(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      event.actorType,
      event.actorId ?? null,
      event.impersonatorId ?? null,
      event.mintedByType ?? null,
      event.mintedById ?? null,
      event.action,
      event.subjectType ?? null,
      event.subjectId ?? null,
      meta.ip || null,
      meta.userAgent,
      meta.requestId,
      JSON.stringify(event.data ?? {}),
    ],
  );
}

type Actor = Pick<AuditEvent, 'actorType' | 'actorId' | 'impersonatorId' | 'mintedByType' | 'mintedById'>;

/** A contact acting in the portal: an admin preview or a minted session is recorded beside it. */
export function portalActor(scope: PortalScope): Actor {
  return {
    actorType: 'contact',
    actorId: scope.contact_id,
    impersonatorId: scope.impersonator_id,
    mintedByType: scope.minted_by_type,
    mintedById: scope.minted_by_id,
  };
}

/** A staff user or an API key acting through the admin API. */
export function adminActor(scope: AdminScope): Actor {
  return { actorType: scope.principal_type, actorId: scope.principal_id };
}

export const platformActor: Actor = { actorType: 'platform', actorId: null };

/** The firm's audit trail for admins: newest first, filtered, keyset-paginated. */
export async function listEvents(
  db: RequestDb,
  query: z.output<typeof AuditEventListQuery>,
): Promise<List<z.input<typeof AuditEventWire>>> {
  const builder = AuditEventModel.query(db.knex)
    .select(
      'id',
      'occurred_at',
      'action',
      'actor_type',
      'actor_id',
      'impersonator_id',
      'minted_by_type',
      'minted_by_id',
      'subject_type',
      'subject_id',
      AuditEventModel.raw('host(ip) AS ip'),
      'user_agent',
      'request_id',
      'data',
    )
    .castTo<AuditRow[]>();
  if (query.actor_id) builder.where('actor_id', query.actor_id);
  if (query.subject_id) builder.where('subject_id', query.subject_id);
  if (query.action) builder.where('action', query.action);
  if (query.since) builder.where('occurred_at', '>=', query.since);
  if (query.until) builder.where('occurred_at', '<', query.until);
  return toList(await keysetPage(builder, 'audit_events', query, 'occurred_at'), query.limit, auditEvent);
}
