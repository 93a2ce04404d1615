import type { AdminMe } from './schemas/staff-auth.js';
import { AdminApiKeys } from './resources/admin-api-keys.js';
import { AdminAuditEvents } from './resources/admin-audit-events.js';
import { AdminAuth } from './resources/admin-auth.js';
import { AdminClients } from './resources/admin-clients.js';
import { AdminContacts } from './resources/admin-contacts.js';
import { AdminPortalSessions } from './resources/admin-portal-sessions.js';
import { AdminStaff } from './resources/admin-staff.js';
import { AdminImpersonations } from './resources/admin-impersonations.js';
import { AdminAnnouncements } from './resources/admin-announcements.js';
import { AdminStripe } from './resources/admin-stripe.js';
import { AdminCredits, AdminInvoices } from './resources/admin-invoices.js';
import { AdminMatters } from './resources/admin-matters.js';
import { AdminNotes } from './resources/admin-notes.js';
import { AdminThreads } from './resources/admin-threads.js';
import { AdminPracticeAreas } from './resources/admin-practice-areas.js';
import { AdminReports } from './resources/admin-reports.js';
import { AdminLeads } from './resources/admin-leads.js';
import { AdminMatterParties } from './resources/admin-matter-parties.js';
import { AdminConflictChecks } from './resources/admin-conflict-checks.js';
import { Transport, type ClientOptions } from './transport.js';

/**
 * The admin API, for a firm's staff (a session token from `auth.login`) or its
 * backend (an API key as `token`). Always name the firm with `tenant` on the bare API host.
 * @example
 * const admin = new AdminClient({ baseUrl: 'https://caseflow.law', tenant: 'acme', token: process.env.CASEFLOW_API_KEY });
 * const { data } = await admin.clients.list();
 */
export class AdminClient {
  readonly transport: Transport;
  readonly auth: AdminAuth;
  readonly staff: AdminStaff;
  readonly apiKeys: AdminApiKeys;
  readonly clients: AdminClients;
  readonly contacts: AdminContacts;
  readonly portalSessions: AdminPortalSessions;
  readonly auditEvents: AdminAuditEvents;
  readonly invoices: AdminInvoices;
  readonly credits: AdminCredits;
  readonly matters: AdminMatters;
  readonly notes: AdminNotes;
  readonly threads: AdminThreads;
  readonly practiceAreas: AdminPracticeAreas;
  readonly reports: AdminReports;
  readonly leads: AdminLeads;
  readonly matterParties: AdminMatterParties;
  readonly conflictChecks: AdminConflictChecks;
  readonly impersonations: AdminImpersonations;
  readonly announcements: AdminAnnouncements;
  readonly stripe: AdminStripe;

  constructor(options: ClientOptions) {
    this.transport = new Transport(options);
    this.auth = new AdminAuth(this.transport);
    this.staff = new AdminStaff(this.transport);
    this.apiKeys = new AdminApiKeys(this.transport);
    this.clients = new AdminClients(this.transport);
    this.contacts = new AdminContacts(this.transport);
    this.portalSessions = new AdminPortalSessions(this.transport);
    this.auditEvents = new AdminAuditEvents(this.transport);
    this.invoices = new AdminInvoices(this.transport);
    this.credits = new AdminCredits(this.transport);
    this.matters = new AdminMatters(this.transport);
    this.notes = new AdminNotes(this.transport);
    this.threads = new AdminThreads(this.transport);
    this.practiceAreas = new AdminPracticeAreas(this.transport);
    this.reports = new AdminReports(this.transport);
    this.leads = new AdminLeads(this.transport);
    this.matterParties = new AdminMatterParties(this.transport);
    this.conflictChecks = new AdminConflictChecks(this.transport);
    this.impersonations = new AdminImpersonations(this.transport);
    this.announcements = new AdminAnnouncements(this.transport);
    this.stripe = new AdminStripe(this.transport);
  }

  /** The staff session or API key's token. */
  get token(): string | undefined {
    return this.transport.getToken();
  }

  /**
   * Who the credential is, its role, and the firm.
   * @example const { principal } = await admin.me();
   */
  me(): Promise<AdminMe> {
    return this.transport.request<AdminMe>({ method: 'GET', path: '/admin/me' });
  }
}
