import { z } from 'zod';
import { Currency, Email, Id, Text, Timestamp } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { EmptyBody } from './portal-auth.js';
import { SetPasswordRequest, SetPasswordResponse } from './portal-auth.js';
import { Plan } from './tenants.js';
import { StaffRole, StaffUser } from './staff.js';

export const AdminLoginRequest = z
  .object({ email: Email(), password: Text().min(1).max(1024) })
  .strict()
  .meta({ id: 'AdminLoginRequest' });
export type AdminLoginRequest = z.input<typeof AdminLoginRequest>;

export const AdminLoginResponse = z
  .object({
    token: Text().describe('Staff session token: send it as "Authorization: Bearer <token>"'),
    expires_at: Timestamp.describe('Absolute expiry; idle sessions end earlier'),
    user: StaffUser,
  })
  .strict()
  .meta({ id: 'AdminLoginResponse' });
export type AdminLoginResponse = z.infer<typeof AdminLoginResponse>;

export const AdminPrincipal = z
  .object({
    type: z.enum(['staff', 'api_key']),
    id: Id,
    role: StaffRole,
    scopes: z.array(Text()),
    name: Text().describe("The staff user's full name, or the API key's name"),
    email: Text().nullable().describe('The staff user’s email; null for API keys'),
  })
  .strict();

export const AdminMe = z
  .object({
    principal: AdminPrincipal,
    firm: z
      .object({
        slug: Text(),
        name: Text(),
        plan: Plan,
        currency: Currency.describe("The firm's default currency (invoices' default)"),
      })
      .strict(),
  })
  .strict()
  .meta({ id: 'AdminMe' });
export type AdminMe = z.infer<typeof AdminMe>;

export const adminAuthEndpoints = {
  adminLogin: endpoint({
    operationId: 'adminLogin',
    method: 'POST',
    path: '/admin/auth/login',
    audience: 'admin',
    authenticated: false,
    summary: 'Log a staff user in with email and password; answers a bearer session token',
    body: AdminLoginRequest,
    response: AdminLoginResponse,
    status: 200,
  }),
  adminLogout: endpoint({
    operationId: 'adminLogout',
    method: 'POST',
    path: '/admin/auth/logout',
    audience: 'admin',
    authenticated: true,
    summary: 'End the current staff session (API keys are revoked instead)',
    body: EmptyBody,
    status: 204,
  }),
  adminMe: endpoint({
    operationId: 'adminMe',
    method: 'GET',
    path: '/admin/me',
    audience: 'admin',
    authenticated: true,
    summary: 'Who the credential is: a staff user or an API key, its role, and the firm',
    response: AdminMe,
    status: 200,
  }),
  adminSetPassword: endpoint({
    operationId: 'adminSetPassword',
    method: 'POST',
    path: '/admin/auth/set-password',
    audience: 'admin',
    authenticated: false,
    summary: 'Set a staff password with an invite link token (single use, 48 hours)',
    body: SetPasswordRequest,
    response: SetPasswordResponse,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
