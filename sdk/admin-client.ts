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
import { AdminSettings } from './resources/admin-settings.js';
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
import { RouteCaller } from './call.js';
import { adminRoutes } from './routes/admin.js';

/**
 * The admin API, for a firm's staff (a session token from `auth.login`) or its
 * backend (an API key as `token`). Always name the firm with `tenant` on the bare API host.
 * @example
 * const admin = new AdminClient({ baseUrl: 'https://caseflow.law', tenant: 'acme', token: process.env.CASEFLOW_API_KEY });
 * const { data } = await admin.clients.list();
 */
export class AdminClient {
  readonly transport: Transport;
  private readonly api: RouteCaller<typeof adminRoutes>;
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
  readonly settings: AdminSettings;

  constructor(options: ClientOptions) {
    this.transport = new Transport(options);
    this.api = new RouteCaller(this.transport, adminRoutes);
    this.auth = new AdminAuth(this.api);
    this.staff = new AdminStaff(this.api);
    this.apiKeys = new AdminApiKeys(this.api);
    this.clients = new AdminClients(this.api);
    this.contacts = new AdminContacts(this.api);
    this.portalSessions = new AdminPortalSessions(this.api);
    this.auditEvents = new AdminAuditEvents(this.api);
    this.invoices = new AdminInvoices(this.api);
    this.credits = new AdminCredits(this.api);
    this.matters = new AdminMatters(this.api);
    this.notes = new AdminNotes(this.api);
    this.threads = new AdminThreads(this.api);
    this.practiceAreas = new AdminPracticeAreas(this.api);
    this.reports = new AdminReports(this.api);
    this.leads = new AdminLeads(this.api);
    this.matterParties = new AdminMatterParties(this.api);
    this.conflictChecks = new AdminConflictChecks(this.api);
    this.impersonations = new AdminImpersonations(this.api);
    this.announcements = new AdminAnnouncements(this.api);
    this.stripe = new AdminStripe(this.api);
    this.settings = new AdminSettings(this.api);
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
    return this.api.call('adminMe');
  }
}
