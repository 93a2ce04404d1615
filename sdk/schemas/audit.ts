import { z } from 'zod';
import { Id, ListQuery, listOf, Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

export const ActorType = z.enum(['contact', 'staff', 'api_key', 'platform', 'system', 'anonymous']);

export const AuditEvent = z
  .object({
    id: Id,
    occurred_at: Timestamp,
    action: Text().describe('e.g. portal.login_succeeded, contact.portal_access_enabled'),
    actor: z.object({ type: ActorType, id: Id.nullable() }).strict(),
    impersonator_id: Id.nullable().describe('The admin behind an admin preview session'),
    minted_by: z
      .object({ type: z.enum(['staff', 'api_key']), id: Id })
      .strict()
      .nullable()
      .describe('Who minted the portal session the action was taken with'),
    subject: z.object({ type: Text(), id: Id.nullable() }).strict().nullable(),
    ip: Text().nullable(),
    user_agent: Text().nullable(),
    request_id: Text().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .strict()
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEventListQuery = ListQuery.extend({
  actor_id: Id.optional().describe('Only events by this contact, staff user or API key'),
  subject_id: Id.optional().describe('Only events about this record'),
  action: Text()
    .regex(/^[a-z_.]+$/, 'must be an action name such as portal.login_failed')
    .max(100)
    .optional(),
  since: Timestamp.optional().describe('Only events at or after this time'),
  until: Timestamp.optional().describe('Only events before this time'),
})
  .strict()
  .meta({ id: 'AuditEventListQuery' });
export type AuditEventListQuery = Partial<z.output<typeof AuditEventListQuery>>;

export const AuditEventList = listOf(AuditEvent).meta({ id: 'AuditEventList' });

export const auditEndpoints = {
  adminListAuditEvents: endpoint({
    operationId: 'adminListAuditEvents',
    method: 'GET',
    path: '/admin/audit-events',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's audit trail, newest first, with filters. Admins only",
    query: AuditEventListQuery,
    response: AuditEventList,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
