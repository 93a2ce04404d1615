// Generated from the contract (sdk/schemas/endpoints.ts) by `npm run generate`
// (sdk/routes/generate.ts): do not edit; test/sdk/route-tables.test.ts fails when it is stale.
// The platform audience's routes without zod: operationId → method, path, idempotent, produces.
// Each route is its own export too, so a bundle can take one route without the whole table.
import type { Routes } from './route.js';

export const platformListTenants = { method: 'GET', path: '/platform/tenants', idempotent: false } as const;
export const platformCreateTenant = { method: 'POST', path: '/platform/tenants', idempotent: false } as const;
export const platformRetrieveTenant = { method: 'GET', path: '/platform/tenants/:slug', idempotent: false } as const;
export const platformUpdateTenant = { method: 'PATCH', path: '/platform/tenants/:slug', idempotent: false } as const;
export const platformDisableTenant = { method: 'POST', path: '/platform/tenants/:slug/disable', idempotent: false } as const;
export const platformEnableTenant = { method: 'POST', path: '/platform/tenants/:slug/enable', idempotent: false } as const;

export const platformRoutes = {
  platformListTenants,
  platformCreateTenant,
  platformRetrieveTenant,
  platformUpdateTenant,
  platformDisableTenant,
  platformEnableTenant,
} as const satisfies Routes;
