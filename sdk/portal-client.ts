import type { PortalProfile, PortalProfileUpdate } from './schemas/portal-auth.js';
import type { PortalHome } from './schemas/home.js';
import { PortalAuth } from './resources/portal-auth.js';
import { PortalInvoices } from './resources/portal-invoices.js';
import { PortalAnnouncements } from './resources/portal-announcements.js';
import { PortalPayments } from './resources/portal-payments.js';
import { Transport, type ClientOptions } from './transport.js';
import { RouteCaller } from './call.js';
import { portalRoutes } from './routes/portal.js';

/**
 * The API as a client contact sees it, for the browser and for Node.
 * @example
 * const portal = new PortalClient({ baseUrl: 'https://acme.caseflow.law' });
 * await portal.auth.login({ email, password });
 * const page = await portal.invoices.list({ limit: 10 });
 */
export class PortalClient {
  readonly transport: Transport;
  private readonly api: RouteCaller<typeof portalRoutes>;
  readonly auth: PortalAuth;
  readonly invoices: PortalInvoices;
  readonly announcements: PortalAnnouncements;
  readonly payments: PortalPayments;

  constructor(options: ClientOptions) {
    this.transport = new Transport(options);
    this.api = new RouteCaller(this.transport, portalRoutes);
    this.auth = new PortalAuth(this.api);
    this.invoices = new PortalInvoices(this.api);
    this.announcements = new PortalAnnouncements(this.api);
    this.payments = new PortalPayments(this.api);
  }

  /** The session's bearer token, if any (to keep it, for instance in sessionStorage). */
  get token(): string | undefined {
    return this.transport.getToken();
  }

  /**
   * The logged-in contact, their client, the firm and the session.
   * @example const { contact, firm } = await portal.me();
   */
  me(): Promise<PortalProfile> {
    return this.api.call('portalMe');
  }

  /**
   * Changes the logged-in contact's own settings: their language (null: the
   * firm's default). Answers the profile as it now is.
   * @example const profile = await portal.updateProfile({ language: 'ar' });
   */
  updateProfile(body: PortalProfileUpdate): Promise<PortalProfile> {
    return this.api.call('portalUpdateProfile', { body });
  }

  /**
   * The contact's home in one request: balance due per currency, overdue and next
   * due invoices (`invoices` is null without the invoices permission), unread
   * announcements, and what waits for them (`waiting`, only kinds with a count).
   * @example const { invoices, waiting } = await portal.home();
   */
  home(): Promise<PortalHome> {
    return this.api.call('portalHome');
  }
}
