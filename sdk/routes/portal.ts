// Generated from the contract (sdk/schemas/endpoints.ts) by `npm run generate`
// (sdk/routes/generate.ts): do not edit; test/sdk/route-tables.test.ts fails when it is stale.
// The portal audience's routes without zod: operationId → method, path, idempotent, produces.
// Each route is its own export too, so a bundle can take one route without the whole table.
import type { Routes } from './route.js';

export const portalListAnnouncements = { method: 'GET', path: '/portal/announcements', idempotent: false } as const;
export const portalReadAnnouncement = { method: 'POST', path: '/portal/announcements/:id/read', idempotent: false } as const;
export const portalChangePassword = { method: 'POST', path: '/portal/auth/change-password', idempotent: false } as const;
export const portalForgotPassword = { method: 'POST', path: '/portal/auth/forgot-password', idempotent: false } as const;
export const portalRedeemImpersonation = { method: 'POST', path: '/portal/auth/impersonation', idempotent: false } as const;
export const portalLogin = { method: 'POST', path: '/portal/auth/login', idempotent: false } as const;
export const portalLogout = { method: 'POST', path: '/portal/auth/logout', idempotent: false } as const;
export const portalSetPassword = { method: 'POST', path: '/portal/auth/set-password', idempotent: false } as const;
export const portalHome = { method: 'GET', path: '/portal/home', idempotent: false } as const;
export const portalListInvoices = { method: 'GET', path: '/portal/invoices', idempotent: false } as const;
export const portalRetrieveInvoice = { method: 'GET', path: '/portal/invoices/:id', idempotent: false } as const;
export const portalCreateCheckout = { method: 'POST', path: '/portal/invoices/:id/checkout', idempotent: true } as const;
export const portalInvoicePdf = { method: 'GET', path: '/portal/invoices/:id/pdf', idempotent: false, produces: 'application/pdf' } as const;
export const portalMe = { method: 'GET', path: '/portal/me', idempotent: false } as const;
export const portalUpdateProfile = { method: 'PATCH', path: '/portal/me', idempotent: false } as const;
export const portalListPayments = { method: 'GET', path: '/portal/payments', idempotent: false } as const;

export const portalRoutes = {
  portalListAnnouncements,
  portalReadAnnouncement,
  portalChangePassword,
  portalForgotPassword,
  portalRedeemImpersonation,
  portalLogin,
  portalLogout,
  portalSetPassword,
  portalHome,
  portalListInvoices,
  portalRetrieveInvoice,
  portalCreateCheckout,
  portalInvoicePdf,
  portalMe,
  portalUpdateProfile,
  portalListPayments,
} as const satisfies Routes;
