// Generated from the contract (sdk/schemas/endpoints.ts) by `npm run generate`
// (sdk/routes/generate.ts): do not edit; test/sdk/route-tables.test.ts fails when it is stale.
// The admin audience's routes without zod: operationId → method, path, idempotent, produces.
// Each route is its own export too, so a bundle can take one route without the whole table.
import type { Routes } from './route.js';

export const adminListAnnouncements = { method: 'GET', path: '/admin/announcements', idempotent: false } as const;
export const adminCreateAnnouncement = { method: 'POST', path: '/admin/announcements', idempotent: false } as const;
export const adminPublishAnnouncement = { method: 'POST', path: '/admin/announcements/:id/publish', idempotent: false } as const;
export const adminListApiKeys = { method: 'GET', path: '/admin/api-keys', idempotent: false } as const;
export const adminCreateApiKey = { method: 'POST', path: '/admin/api-keys', idempotent: false } as const;
export const adminRevokeApiKey = { method: 'DELETE', path: '/admin/api-keys/:id', idempotent: false } as const;
export const adminListAuditEvents = { method: 'GET', path: '/admin/audit-events', idempotent: false } as const;
export const adminLogin = { method: 'POST', path: '/admin/auth/login', idempotent: false } as const;
export const adminLogout = { method: 'POST', path: '/admin/auth/logout', idempotent: false } as const;
export const adminSetPassword = { method: 'POST', path: '/admin/auth/set-password', idempotent: false } as const;
export const adminListClients = { method: 'GET', path: '/admin/clients', idempotent: false } as const;
export const adminCreateClient = { method: 'POST', path: '/admin/clients', idempotent: false } as const;
export const adminRetrieveClient = { method: 'GET', path: '/admin/clients/:id', idempotent: false } as const;
export const adminUpdateClient = { method: 'PATCH', path: '/admin/clients/:id', idempotent: false } as const;
export const adminCreateImpersonation = { method: 'POST', path: '/admin/clients/:id/impersonations', idempotent: false } as const;
export const adminListClientNotes = { method: 'GET', path: '/admin/clients/:id/notes', idempotent: false } as const;
export const adminCreateClientNote = { method: 'POST', path: '/admin/clients/:id/notes', idempotent: false } as const;
export const adminListConflictChecks = { method: 'GET', path: '/admin/conflict-checks', idempotent: false } as const;
export const adminRunConflictCheck = { method: 'POST', path: '/admin/conflict-checks', idempotent: false } as const;
export const adminRetrieveConflictCheck = { method: 'GET', path: '/admin/conflict-checks/:id', idempotent: false } as const;
export const adminListContacts = { method: 'GET', path: '/admin/contacts', idempotent: false } as const;
export const adminCreateContact = { method: 'POST', path: '/admin/contacts', idempotent: false } as const;
export const adminRetrieveContact = { method: 'GET', path: '/admin/contacts/:id', idempotent: false } as const;
export const adminUpdateContact = { method: 'PATCH', path: '/admin/contacts/:id', idempotent: false } as const;
export const adminDeactivateContact = { method: 'POST', path: '/admin/contacts/:id/deactivate', idempotent: false } as const;
export const adminEnablePortalAccess = { method: 'POST', path: '/admin/contacts/:id/portal-access', idempotent: false } as const;
export const adminDisablePortalAccess = { method: 'DELETE', path: '/admin/contacts/:id/portal-access', idempotent: false } as const;
export const adminSetPrimaryContact = { method: 'POST', path: '/admin/contacts/:id/primary', idempotent: false } as const;
export const adminReactivateContact = { method: 'POST', path: '/admin/contacts/:id/reactivate', idempotent: false } as const;
export const adminListCredits = { method: 'GET', path: '/admin/credits', idempotent: false } as const;
export const adminResolveCredit = { method: 'POST', path: '/admin/credits/:id/resolve', idempotent: false } as const;
export const adminListInvoices = { method: 'GET', path: '/admin/invoices', idempotent: false } as const;
export const adminCreateInvoice = { method: 'POST', path: '/admin/invoices', idempotent: true } as const;
export const adminRetrieveInvoice = { method: 'GET', path: '/admin/invoices/:id', idempotent: false } as const;
export const adminUpdateInvoice = { method: 'PATCH', path: '/admin/invoices/:id', idempotent: false } as const;
export const adminCancelInvoice = { method: 'POST', path: '/admin/invoices/:id/cancel', idempotent: false } as const;
export const adminCreateInvoicePayment = { method: 'POST', path: '/admin/invoices/:id/payments', idempotent: true } as const;
export const adminSendInvoice = { method: 'POST', path: '/admin/invoices/:id/send', idempotent: false } as const;
export const adminUpsertInvoiceByExternalId = { method: 'PUT', path: '/admin/invoices/by-external-id/:external_id', idempotent: false } as const;
export const adminListLeads = { method: 'GET', path: '/admin/leads', idempotent: false } as const;
export const adminCreateLead = { method: 'POST', path: '/admin/leads', idempotent: false } as const;
export const adminRetrieveLead = { method: 'GET', path: '/admin/leads/:id', idempotent: false } as const;
export const adminUpdateLead = { method: 'PATCH', path: '/admin/leads/:id', idempotent: false } as const;
export const adminListMatters = { method: 'GET', path: '/admin/matters', idempotent: false } as const;
export const adminCreateMatter = { method: 'POST', path: '/admin/matters', idempotent: false } as const;
export const adminRetrieveMatter = { method: 'GET', path: '/admin/matters/:id', idempotent: false } as const;
export const adminUpdateMatter = { method: 'PATCH', path: '/admin/matters/:id', idempotent: false } as const;
export const adminListMatterNotes = { method: 'GET', path: '/admin/matters/:id/notes', idempotent: false } as const;
export const adminCreateMatterNote = { method: 'POST', path: '/admin/matters/:id/notes', idempotent: false } as const;
export const adminListMatterParties = { method: 'GET', path: '/admin/matters/:id/parties', idempotent: false } as const;
export const adminAddMatterParty = { method: 'POST', path: '/admin/matters/:id/parties', idempotent: false } as const;
export const adminRemoveMatterParty = { method: 'DELETE', path: '/admin/matters/:id/parties/:party_id', idempotent: false } as const;
export const adminListMatterThreads = { method: 'GET', path: '/admin/matters/:id/threads', idempotent: false } as const;
export const adminCreateMatterThread = { method: 'POST', path: '/admin/matters/:id/threads', idempotent: false } as const;
export const adminMe = { method: 'GET', path: '/admin/me', idempotent: false } as const;
export const adminUpdateNote = { method: 'PATCH', path: '/admin/notes/:id', idempotent: false } as const;
export const adminDeleteNote = { method: 'DELETE', path: '/admin/notes/:id', idempotent: false } as const;
export const adminMintPortalSession = { method: 'POST', path: '/admin/portal-sessions', idempotent: false } as const;
export const adminListPracticeAreas = { method: 'GET', path: '/admin/practice-areas', idempotent: false } as const;
export const adminCreatePracticeArea = { method: 'POST', path: '/admin/practice-areas', idempotent: false } as const;
export const adminUpdatePracticeArea = { method: 'PATCH', path: '/admin/practice-areas/:id', idempotent: false } as const;
export const adminRevenueReport = { method: 'GET', path: '/admin/reports/revenue', idempotent: false } as const;
export const adminRetrieveSettings = { method: 'GET', path: '/admin/settings', idempotent: false } as const;
export const adminUpdateSettings = { method: 'PATCH', path: '/admin/settings', idempotent: false } as const;
export const adminUploadLogo = { method: 'PUT', path: '/admin/settings/logo', idempotent: false } as const;
export const adminDeleteLogo = { method: 'DELETE', path: '/admin/settings/logo', idempotent: false } as const;
export const adminListStaff = { method: 'GET', path: '/admin/staff', idempotent: false } as const;
export const adminInviteStaff = { method: 'POST', path: '/admin/staff', idempotent: false } as const;
export const adminUpdateStaff = { method: 'PATCH', path: '/admin/staff/:id', idempotent: false } as const;
export const adminResendStaffInvite = { method: 'POST', path: '/admin/staff/:id/invite', idempotent: false } as const;
export const adminRetrieveStripe = { method: 'GET', path: '/admin/stripe', idempotent: false } as const;
export const adminConfigureStripe = { method: 'PUT', path: '/admin/stripe', idempotent: false } as const;
export const adminDisableStripe = { method: 'POST', path: '/admin/stripe/disable', idempotent: false } as const;
export const adminRetrieveThread = { method: 'GET', path: '/admin/threads/:id', idempotent: false } as const;
export const adminListThreadMessages = { method: 'GET', path: '/admin/threads/:id/messages', idempotent: false } as const;
export const adminCreateThreadMessage = { method: 'POST', path: '/admin/threads/:id/messages', idempotent: false } as const;

export const adminRoutes = {
  adminListAnnouncements,
  adminCreateAnnouncement,
  adminPublishAnnouncement,
  adminListApiKeys,
  adminCreateApiKey,
  adminRevokeApiKey,
  adminListAuditEvents,
  adminLogin,
  adminLogout,
  adminSetPassword,
  adminListClients,
  adminCreateClient,
  adminRetrieveClient,
  adminUpdateClient,
  adminCreateImpersonation,
  adminListClientNotes,
  adminCreateClientNote,
  adminListConflictChecks,
  adminRunConflictCheck,
  adminRetrieveConflictCheck,
  adminListContacts,
  adminCreateContact,
  adminRetrieveContact,
  adminUpdateContact,
  adminDeactivateContact,
  adminEnablePortalAccess,
  adminDisablePortalAccess,
  adminSetPrimaryContact,
  adminReactivateContact,
  adminListCredits,
  adminResolveCredit,
  adminListInvoices,
  adminCreateInvoice,
  adminRetrieveInvoice,
  adminUpdateInvoice,
  adminCancelInvoice,
  adminCreateInvoicePayment,
  adminSendInvoice,
  adminUpsertInvoiceByExternalId,
  adminListLeads,
  adminCreateLead,
  adminRetrieveLead,
  adminUpdateLead,
  adminListMatters,
  adminCreateMatter,
  adminRetrieveMatter,
  adminUpdateMatter,
  adminListMatterNotes,
  adminCreateMatterNote,
  adminListMatterParties,
  adminAddMatterParty,
  adminRemoveMatterParty,
  adminListMatterThreads,
  adminCreateMatterThread,
  adminMe,
  adminUpdateNote,
  adminDeleteNote,
  adminMintPortalSession,
  adminListPracticeAreas,
  adminCreatePracticeArea,
  adminUpdatePracticeArea,
  adminRevenueReport,
  adminRetrieveSettings,
  adminUpdateSettings,
  adminUploadLogo,
  adminDeleteLogo,
  adminListStaff,
  adminInviteStaff,
  adminUpdateStaff,
  adminResendStaffInvite,
  adminRetrieveStripe,
  adminConfigureStripe,
  adminDisableStripe,
  adminRetrieveThread,
  adminListThreadMessages,
  adminCreateThreadMessage,
} as const satisfies Routes;
