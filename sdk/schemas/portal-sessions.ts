import { z } from 'zod';
import { Id, Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';

export const MintPortalSessionRequest = z
  .object({ contact_id: Id.describe('An active contact with portal access') })
  .strict()
  .meta({ id: 'MintPortalSessionRequest' });
export type MintPortalSessionRequest = z.input<typeof MintPortalSessionRequest>;

export const MintedPortalSession = z
  .object({
    token: Text().describe('Portal bearer token for the contact: hand it to <caseflow-portal token=…>'),
    kind: z.literal('minted'),
    contact_id: Id,
    expires_at: Timestamp,
  })
  .strict()
  .meta({ id: 'MintedPortalSession' });
export type MintedPortalSession = z.infer<typeof MintedPortalSession>;

export const portalSessionEndpoints = {
  adminMintPortalSession: endpoint({
    operationId: 'adminMintPortalSession',
    method: 'POST',
    path: '/admin/portal-sessions',
    audience: 'admin',
    authenticated: true,
    summary:
      "Mint a short-lived portal session for a contact (a firm's own SSO). Admin role, or an API key with the portal_sessions:mint scope",
    body: MintPortalSessionRequest,
    response: MintedPortalSession,
    status: 201,
  }),
} satisfies Record<string, Endpoint>;
