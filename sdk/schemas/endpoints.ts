import { endpoint, type Endpoint } from './endpoint.js';
import { adminAuthEndpoints } from './admin-auth.js';
import { apiKeyEndpoints } from './api-keys.js';
import { auditEndpoints } from './audit-events.js';
import { clientEndpoints } from './clients.js';
import { contactEndpoints } from './contacts.js';
import { portalPasswordEndpoints } from './portal-passwords.js';
import { portalSessionEndpoints } from './portal-sessions.js';
import { staffEndpoints } from './staff.js';
import { tenantEndpoints } from './tenants.js';
import { impersonationEndpoints } from './impersonations.js';
import { announcementEndpoints } from './announcements.js';
import { portalBillingEndpoints } from './portal-billing.js';
import { stripeEndpoints } from './stripe.js';
import { adminInvoiceEndpoints } from './invoices.js';
import { matterEndpoints } from './matters.js';
import { noteEndpoints } from './notes.js';
import { threadEndpoints } from './threads.js';
import { practiceAreaEndpoints } from './practice-areas.js';
import { reportEndpoints } from './reports.js';
import { leadEndpoints } from './leads.js';
import { matterPartyEndpoints } from './matter-parties.js';
import { conflictCheckEndpoints } from './conflict-checks.js';

export type { Endpoint } from './endpoint.js';
import { EmptyBody, PortalLoginRequest, PortalLoginResponse } from './portal-auth.js';
import { PortalProfile } from './portal-profile.js';
import { IdParams, PortalInvoice, PortalInvoiceList, PortalInvoiceListQuery } from './invoices.js';

/**
 * The wire contract, one entry per endpoint: the server validates against it,
 * /api/v1/openapi.json is generated from it and the SDK's types come from it.
 * Each capability's schema file declares its own endpoints; this is their union.
 */
export const endpoints = {
  ...portalPasswordEndpoints,
  ...adminAuthEndpoints,
  ...staffEndpoints,
  ...apiKeyEndpoints,
  ...clientEndpoints,
  ...contactEndpoints,
  ...portalSessionEndpoints,
  ...auditEndpoints,
  ...tenantEndpoints,
  ...impersonationEndpoints,
  ...announcementEndpoints,
  ...portalBillingEndpoints,
  ...stripeEndpoints,
  ...adminInvoiceEndpoints,
  ...matterEndpoints,
  ...noteEndpoints,
  ...threadEndpoints,
  ...practiceAreaEndpoints,
  ...reportEndpoints,
  ...leadEndpoints,
  ...matterPartyEndpoints,
  ...conflictCheckEndpoints,
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
  portalListInvoices: endpoint({
    operationId: 'portalListInvoices',
    method: 'GET',
    path: '/portal/invoices',
    audience: 'portal',
    authenticated: true,
    summary: "List the client's issued invoices, newest first",
    query: PortalInvoiceListQuery,
    response: PortalInvoiceList,
    status: 200,
  }),
  portalRetrieveInvoice: endpoint({
    operationId: 'portalRetrieveInvoice',
    method: 'GET',
    path: '/portal/invoices/:id',
    audience: 'portal',
    authenticated: true,
    summary: 'One invoice with its lines, payments and balance',
    params: IdParams,
    response: PortalInvoice,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
