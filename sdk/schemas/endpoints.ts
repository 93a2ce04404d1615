import type { Endpoint } from './endpoint.js';
import { adminAuthEndpoints } from './staff-auth.js';
import { apiKeyEndpoints } from './api-keys.js';
import { auditEndpoints } from './audit.js';
import { clientEndpoints } from './clients.js';
import { contactEndpoints } from './contacts.js';
import { portalAuthEndpoints } from './portal-auth.js';
import { portalSessionEndpoints } from './portal-sessions.js';
import { staffEndpoints } from './staff.js';
import { firmSettingsEndpoints, tenantEndpoints } from './tenants.js';
import { impersonationEndpoints } from './impersonations.js';
import { announcementEndpoints } from './announcements.js';
import { homeEndpoints } from './home.js';
import { adminPaymentEndpoints, portalPaymentEndpoints, stripeEndpoints } from './payments.js';
import { adminInvoiceEndpoints, portalInvoiceEndpoints } from './invoices.js';
import { matterEndpoints } from './matters.js';
import { noteEndpoints } from './notes.js';
import { threadEndpoints } from './threads.js';
import { practiceAreaEndpoints } from './practice-areas.js';
import { reportEndpoints } from './reports.js';
import { leadEndpoints } from './leads.js';
import { matterPartyEndpoints } from './matter-parties.js';
import { conflictCheckEndpoints } from './conflict-checks.js';

export type { Endpoint } from './endpoint.js';

/**
 * The wire contract by capability: each capability's schema file declares its
 * endpoints, and each key names the module that serves them
 * (`server/modules/<capability>/`). A test holds the two together.
 */
export const contract = {
  'portal-auth': portalAuthEndpoints,
  'staff-auth': adminAuthEndpoints,
  staff: staffEndpoints,
  'api-keys': apiKeyEndpoints,
  clients: clientEndpoints,
  contacts: contactEndpoints,
  'portal-sessions': portalSessionEndpoints,
  audit: auditEndpoints,
  tenants: { ...tenantEndpoints, ...firmSettingsEndpoints },
  impersonations: impersonationEndpoints,
  announcements: announcementEndpoints,
  home: homeEndpoints,
  invoices: { ...portalInvoiceEndpoints, ...adminInvoiceEndpoints },
  payments: { ...portalPaymentEndpoints, ...adminPaymentEndpoints, ...stripeEndpoints },
  matters: matterEndpoints,
  notes: noteEndpoints,
  threads: threadEndpoints,
  'practice-areas': practiceAreaEndpoints,
  reports: reportEndpoints,
  leads: leadEndpoints,
  'matter-parties': matterPartyEndpoints,
  'conflict-checks': conflictCheckEndpoints,
} satisfies Record<string, Record<string, Endpoint>>;

type Contract = typeof contract;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every endpoint by operationId: the union of the capabilities' entries. */
export const endpoints = Object.assign({}, ...Object.values(contract)) as UnionToIntersection<Contract[keyof Contract]>;

export type Endpoints = typeof endpoints;
