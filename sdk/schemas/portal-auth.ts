import { z } from 'zod';
import { Currency, Email, Id, Language, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { PortalPermission } from './contacts.js';
import { LinkToken, NewPassword } from './passwords.js';
import { Plan } from './tenants.js';

export const PortalLoginRequest = z
  .object({
    email: Email(),
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

export const PortalProfile = z
  .object({
    contact: z
      .object({
        id: Id,
        first_name: Text(),
        last_name: Text(),
        email: Text(),
        language: Language.nullable().describe("The contact's own choice of language; null: the firm's default"),
      })
      .strict(),
    client: z.object({ id: Id, number: z.number().int(), name: Text() }).strict(),
    firm: z
      .object({
        slug: Text(),
        name: Text(),
        plan: Plan,
        locale: Text().describe('BCP 47 locale used to format money and dates'),
        currency: Currency,
        timezone: Text(),
        primary_color: Text().nullable().describe('Brand colour, #rrggbb'),
        logo_url: Text().nullable().describe("Path of the firm's logo on its own host (/clients/logo/…), or null"),
        payments_enabled: z
          .boolean()
          .describe('The firm takes online payments (Stripe): show a Pay button on payable invoices'),
        partial_payment_minimum: z
          .number()
          .int()
          .nullable()
          .describe('Smallest partial payment in minor units; null when the firm takes only the full balance online'),
      })
      .strict(),
    permissions: z
      .array(PortalPermission)
      .describe('The portal sections this contact may use; the others answer 403 (on solo, every section answers 402)'),
    session: z
      .object({
        kind: z.enum(['login', 'preview', 'minted']),
        expires_at: Timestamp,
        impersonator: z
          .object({ id: Id, name: Text() })
          .strict()
          .nullable()
          .describe('In an admin preview (kind "preview"): the admin viewing the portal as this contact; else null'),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'PortalProfile' });
export type PortalProfile = z.infer<typeof PortalProfile>;

export const PortalProfileUpdate = z
  .object({
    language: Language.nullable().describe(
      "The language of the portal, emails and PDFs for this contact; null: the firm's default",
    ),
  })
  .strict()
  .meta({ id: 'PortalProfileUpdate' });
export type PortalProfileUpdate = z.input<typeof PortalProfileUpdate>;

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

export const ForgotPasswordRequest = z.object({ email: Email() }).strict().meta({ id: 'ForgotPasswordRequest' });
export type ForgotPasswordRequest = z.input<typeof ForgotPasswordRequest>;

export const ForgotPasswordResponse = z
  .object({ message: Text() })
  .strict()
  .meta({ id: 'ForgotPasswordResponse', description: 'The same answer whether or not the email is known' });
export type ForgotPasswordResponse = z.infer<typeof ForgotPasswordResponse>;

export const SetPasswordRequest = z
  .object({ token: LinkToken.describe('The token from the link (its #token= fragment)'), password: NewPassword })
  .strict()
  .meta({ id: 'SetPasswordRequest' });
export type SetPasswordRequest = z.input<typeof SetPasswordRequest>;

export const SetPasswordResponse = z
  .object({ email: Text().describe('The account whose password was set, to log in with') })
  .strict()
  .meta({ id: 'SetPasswordResponse' });
export type SetPasswordResponse = z.infer<typeof SetPasswordResponse>;

export const ChangePasswordRequest = z
  .object({ current_password: Text().min(1).max(1024), new_password: NewPassword })
  .strict()
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequest>;

/** Logging in and out, who is logged in, and the contact's password. */
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
  portalUpdateProfile: endpoint({
    operationId: 'portalUpdateProfile',
    method: 'PATCH',
    path: '/portal/me',
    audience: 'portal',
    authenticated: true,
    summary: "Change the logged-in contact's own settings (their language); an admin preview cannot",
    body: PortalProfileUpdate,
    response: PortalProfile,
    status: 200,
  }),
  portalForgotPassword: endpoint({
    operationId: 'portalForgotPassword',
    method: 'POST',
    path: '/portal/auth/forgot-password',
    audience: 'portal',
    authenticated: false,
    summary: 'Email a single-use reset link (same answer whether or not the email is known)',
    body: ForgotPasswordRequest,
    response: ForgotPasswordResponse,
    status: 202,
  }),
  portalSetPassword: endpoint({
    operationId: 'portalSetPassword',
    method: 'POST',
    path: '/portal/auth/set-password',
    audience: 'portal',
    authenticated: false,
    summary: 'Set a password with a welcome or reset link token (single use, 48 hours)',
    body: SetPasswordRequest,
    response: SetPasswordResponse,
    status: 200,
  }),
  portalChangePassword: endpoint({
    operationId: 'portalChangePassword',
    method: 'POST',
    path: '/portal/auth/change-password',
    audience: 'portal',
    authenticated: true,
    summary: "Change the contact's password (needs the current one); ends the contact's other sessions",
    body: ChangePasswordRequest,
    status: 204,
  }),
} satisfies Record<string, Endpoint>;
