import { z } from 'zod';
import { Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { LinkToken, NewPassword } from './passwords.js';

export const ForgotPasswordRequest = z
  .object({ email: z.email().max(254) })
  .strict()
  .meta({ id: 'ForgotPasswordRequest' });
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

export const portalPasswordEndpoints = {
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
