import type Router from '@koa/router';
import type { AppExtensions, AppState, Deps } from '../http/context.js';
import { portalAuthRoutes } from './portal-auth/routes.js';
import { invoiceRoutes } from './invoices/routes.js';
import { adminInvoiceRoutes } from './invoices/admin-routes.js';
import { matterRoutes } from './matters/routes.js';
import { noteRoutes } from './notes/routes.js';
import { threadRoutes } from './threads/routes.js';
import { practiceAreaRoutes } from './practice-areas/routes.js';
import { reportRoutes } from './reports/routes.js';
import { leadRoutes } from './leads/routes.js';
import { matterPartyRoutes } from './matter-parties/routes.js';
import { conflictCheckRoutes } from './conflict-checks/routes.js';
import { portalPaymentRoutes } from './payments/portal-routes.js';
import { adminAuthRoutes } from './staff-auth/routes.js';
import { staffRoutes } from './staff/routes.js';
import { apiKeyRoutes } from './api-keys/routes.js';
import { clientRoutes } from './clients/routes.js';
import { contactRoutes } from './contacts/routes.js';
import { portalSessionRoutes } from './portal-sessions/routes.js';
import { auditRoutes } from './audit/routes.js';
import { tenantRoutes } from './tenants/routes.js';
import { settingsRoutes } from './tenants/settings-routes.js';
import { adminPaymentRoutes } from './payments/admin-routes.js';
import { stripeWebhookRoutes } from './payments/webhook-routes.js';
import { impersonationRoutes } from './impersonations/routes.js';
import { announcementRoutes } from './announcements/routes.js';
import { homeRoutes } from './home/routes.js';

/** What a module's routes file exports: it mounts the module's endpoints of the contract. */
export type MountRoutes = (
  router: Router<AppState, AppExtensions>,
  deps: Deps,
  opts: { validateResponses: boolean },
) => void;

/** One capability's routes: where a newcomer finds the handlers of its endpoints. */
export interface ApiModule {
  /** The capability, as its folder under server/modules and its schema file under sdk/schemas are named. */
  capability: string;
  /** The routes file, relative to the repository's root. */
  file: string;
  routes: MountRoutes;
}

/**
 * Every module of the API, in mounting order. The route table (README, `caseflow
 * routes`) is generated from it: a new module is added here and nowhere else.
 */
export const apiModules: ApiModule[] = [
  { capability: 'portal-auth', file: 'server/modules/portal-auth/routes.ts', routes: portalAuthRoutes },
  { capability: 'invoices', file: 'server/modules/invoices/routes.ts', routes: invoiceRoutes },
  { capability: 'invoices', file: 'server/modules/invoices/admin-routes.ts', routes: adminInvoiceRoutes },
  { capability: 'matters', file: 'server/modules/matters/routes.ts', routes: matterRoutes },
  { capability: 'notes', file: 'server/modules/notes/routes.ts', routes: noteRoutes },
  { capability: 'threads', file: 'server/modules/threads/routes.ts', routes: threadRoutes },
  { capability: 'practice-areas', file: 'server/modules/practice-areas/routes.ts', routes: practiceAreaRoutes },
  { capability: 'reports', file: 'server/modules/reports/routes.ts', routes: reportRoutes },
  { capability: 'leads', file: 'server/modules/leads/routes.ts', routes: leadRoutes },
  { capability: 'matter-parties', file: 'server/modules/matter-parties/routes.ts', routes: matterPartyRoutes },
  { capability: 'conflict-checks', file: 'server/modules/conflict-checks/routes.ts', routes: conflictCheckRoutes },
  { capability: 'payments', file: 'server/modules/payments/portal-routes.ts', routes: portalPaymentRoutes },
  { capability: 'staff-auth', file: 'server/modules/staff-auth/routes.ts', routes: adminAuthRoutes },
  { capability: 'staff', file: 'server/modules/staff/routes.ts', routes: staffRoutes },
  { capability: 'api-keys', file: 'server/modules/api-keys/routes.ts', routes: apiKeyRoutes },
  { capability: 'clients', file: 'server/modules/clients/routes.ts', routes: clientRoutes },
  { capability: 'contacts', file: 'server/modules/contacts/routes.ts', routes: contactRoutes },
  { capability: 'portal-sessions', file: 'server/modules/portal-sessions/routes.ts', routes: portalSessionRoutes },
  { capability: 'audit', file: 'server/modules/audit/routes.ts', routes: auditRoutes },
  { capability: 'tenants', file: 'server/modules/tenants/routes.ts', routes: tenantRoutes },
  { capability: 'tenants', file: 'server/modules/tenants/settings-routes.ts', routes: settingsRoutes },
  { capability: 'payments', file: 'server/modules/payments/admin-routes.ts', routes: adminPaymentRoutes },
  { capability: 'payments', file: 'server/modules/payments/webhook-routes.ts', routes: stripeWebhookRoutes },
  { capability: 'impersonations', file: 'server/modules/impersonations/routes.ts', routes: impersonationRoutes },
  { capability: 'announcements', file: 'server/modules/announcements/routes.ts', routes: announcementRoutes },
  { capability: 'home', file: 'server/modules/home/routes.ts', routes: homeRoutes },
];
