import { z } from 'zod';
import { Id, Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { PortalLoginResponse } from './portal-auth.js';
import { ClientIdParams } from './clients.js';

export const ImpersonationCreateRequest = z
  .object({
    reason: Text()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('Why the admin opens the preview, e.g. "client cannot see invoice INV-0003"; kept in the audit trail'),
  })
  .strict()
  .meta({ id: 'ImpersonationCreateRequest' });
export type ImpersonationCreateRequest = z.input<typeof ImpersonationCreateRequest>;

export const ImpersonationLink = z
  .object({
    url: Text().describe(
      "Single-use link on the firm's host; the token is in the #fragment, so it never reaches a server log",
    ),
    expires_at: Timestamp.describe('The link must be opened before this time (default: 2 minutes after creation)'),
    contact: z
      .object({ id: Id, first_name: Text(), last_name: Text() })
      .strict()
      .describe('The primary contact the preview shows the portal as'),
    client: z.object({ id: Id, number: z.number().int(), name: Text() }).strict(),
  })
  .strict()
  .meta({ id: 'ImpersonationLink' });
export type ImpersonationLink = z.infer<typeof ImpersonationLink>;

export const RedeemImpersonationRequest = z
  .object({ token: Text().min(10).max(200).describe('The token from the link’s #token= fragment') })
  .strict()
  .meta({ id: 'RedeemImpersonationRequest' });
export type RedeemImpersonationRequest = z.input<typeof RedeemImpersonationRequest>;

export const impersonationEndpoints = {
  adminCreateImpersonation: endpoint({
    operationId: 'adminCreateImpersonation',
    method: 'POST',
    path: '/admin/clients/:id/impersonations',
    audience: 'admin',
    authenticated: true,
    summary:
      'Login as client: a single-use link that opens an admin preview of the portal as the client’s primary contact. ' +
      'Admins only (403 for staff and staff keys); 409 no_primary_contact or primary_contact_inactive',
    params: ClientIdParams,
    body: ImpersonationCreateRequest,
    response: ImpersonationLink,
    status: 201,
  }),
  portalRedeemImpersonation: endpoint({
    operationId: 'portalRedeemImpersonation',
    method: 'POST',
    path: '/portal/auth/impersonation',
    audience: 'portal',
    authenticated: false,
    summary:
      'Redeem a login-as-client link: opens a preview session (bearer token only) for the primary contact. ' +
      '400 link_invalid when used, expired or for another firm',
    body: RedeemImpersonationRequest,
    response: PortalLoginResponse,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
