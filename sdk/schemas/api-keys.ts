import { z } from 'zod';
import { Id, ListQuery, listOf, Timestamp, Text } from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { StaffRole } from './staff.js';

export const ApiKeyScope = z.enum(['portal_sessions:mint']);

export const ApiKey = z
  .object({
    id: Id,
    name: Text(),
    role: StaffRole,
    scopes: z
      .array(ApiKeyScope)
      .describe('Extra narrow permissions (a staff key with portal_sessions:mint may mint sessions)'),
    prefix: Text().describe('The first characters of the secret, to recognise it'),
    created_at: Timestamp,
    last_used_at: Timestamp.nullable(),
    revoked_at: Timestamp.nullable(),
  })
  .strict()
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

export const ApiKeyCreateRequest = z
  .object({
    name: Text().trim().min(1).max(100),
    role: StaffRole,
    scopes: z.array(ApiKeyScope).max(1).default([]),
  })
  .strict()
  .meta({ id: 'ApiKeyCreateRequest' });
export type ApiKeyCreateRequest = z.input<typeof ApiKeyCreateRequest>;

export const ApiKeyWithSecret = ApiKey.extend({
  secret: Text().describe('Shown once: store it now, it cannot be read again'),
}).meta({ id: 'ApiKeyWithSecret' });
export type ApiKeyWithSecret = z.infer<typeof ApiKeyWithSecret>;

export const ApiKeyList = listOf(ApiKey).meta({ id: 'ApiKeyList' });
export const ApiKeyIdParams = z.object({ id: Id }).strict();

export const apiKeyEndpoints = {
  adminListApiKeys: endpoint({
    operationId: 'adminListApiKeys',
    method: 'GET',
    path: '/admin/api-keys',
    audience: 'admin',
    authenticated: true,
    summary: "The firm's API keys, newest first (never their secrets). Admins only",
    query: ListQuery,
    response: ApiKeyList,
    status: 200,
  }),
  adminCreateApiKey: endpoint({
    operationId: 'adminCreateApiKey',
    method: 'POST',
    path: '/admin/api-keys',
    audience: 'admin',
    authenticated: true,
    summary: 'Create an API key; its secret is in this answer only. Admins only',
    body: ApiKeyCreateRequest,
    response: ApiKeyWithSecret,
    status: 201,
  }),
  adminRevokeApiKey: endpoint({
    operationId: 'adminRevokeApiKey',
    method: 'DELETE',
    path: '/admin/api-keys/:id',
    audience: 'admin',
    authenticated: true,
    summary: 'Revoke an API key; it stops working at once. Admins only',
    params: ApiKeyIdParams,
    response: ApiKey,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
