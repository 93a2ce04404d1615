import { z } from 'zod';
import { Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { PortalProfile } from './portal-profile.js';

export const PortalLoginRequest = z
  .object({
    email: z.email().max(254),
    password: Text().min(1).max(1024),
    transport: z
      .enum(['bearer', 'cookie'])
      .default('bearer')
      .describe('bearer: the token is returned in the body; cookie: set as an HttpOnly cookie (hosted portal)'),
  })
  .strict()
  .meta({ id: 'PortalLoginRequest' });
export type PortalLoginRequest = z.input<typeof PortalLoginRequest>;

export const SessionKind = z.enum(['login', 'preview', 'minted']);

export const PortalSession = z
  .object({
    kind: SessionKind,
    expires_at: Timestamp.describe('Absolute expiry; idle sessions end earlier'),
    token: Text().optional().describe('Bearer token, present when transport was bearer'),
  })
  .strict()
  .meta({ id: 'PortalSession' });

export const PortalLoginResponse = z
  .object({ session: PortalSession, profile: PortalProfile })
  .strict()
  .meta({ id: 'PortalLoginResponse' });
export type PortalLoginResponse = z.infer<typeof PortalLoginResponse>;

export const EmptyBody = z.object({}).strict();

/** Logging in and out, and who is logged in. */
export const portalAuthEndpoints = {
  portalLogin: endpoint({
    operationId: 'portalLogin',
    method: 'POST',
    path: '/portal/auth/login',
    audience: 'portal',
    authenticated: false,
    summary: 'Log a client contact in with email and password',
    body: PortalLoginRequest,
    response: PortalLoginResponse,
    status: 200,
  }),
  portalLogout: endpoint({
    operationId: 'portalLogout',
    method: 'POST',
    path: '/portal/auth/logout',
    audience: 'portal',
    authenticated: true,
    summary: 'End the current portal session',
    body: EmptyBody,
    status: 204,
  }),
  portalMe: endpoint({
    operationId: 'portalMe',
    method: 'GET',
    path: '/portal/me',
    audience: 'portal',
    authenticated: true,
    summary: 'The logged-in contact, their client, the firm and the session',
    response: PortalProfile,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
