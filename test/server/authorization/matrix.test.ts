/**
 * The authorization matrix: every endpoint of the contract × every kind of
 * caller → the exact status. The endpoint list is read from the contract
 * registry (the router mounts exactly those), so a new endpoint without a row
 * here fails the first test.
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import { endpoints } from '../../../sdk/schemas/endpoints.js';
import { newToken } from '../../../server/security/tokens.js';
import {
  aClient,
  aConflictCheck,
  aContact,
  aFirm,
  aLead,
  aMatter,
  aMatterParty,
  anAnnouncement,
  aNote,
  aPortalSession,
  aPracticeArea,
  aStaffUser,
  aThread,
  setContact,
} from '../../helpers/factories/index.js';
import { demo, demoStaff, PLATFORM_KEY, startTestServer, type TestServer } from '../../helpers/server.js';

const principals = [
  'anonymous',
  'contactA',
  'contactB',
  'contactFirm2',
  'inactiveContact',
  'noPortalContact',
  'staff',
  'admin',
  'adminKey',
  'staffKey',
  'operator',
] as const;
type Principal = (typeof principals)[number];

interface Call {
  /** Path parameters and body for this caller (bodies with unique values where the server needs them). */
  params?: Record<string, string>;
  body?: (p: Principal) => unknown;
  /** An upload endpoint's bytes and their media type, sent instead of a JSON body. */
  upload?: { bytes: Uint8Array; type: string };
  /** Expected status per caller. */
  expect: Record<Principal, number>;
  /** Rows run in this order (default 0): 1 for rows that change what others read, 2 for logouts. */
  order?: number;
}

const every = (status: number): Record<Principal, number> =>
  Object.fromEntries(principals.map((p) => [p, status])) as Record<Principal, number>;
const only = (allowed: Partial<Record<Principal, number>>, otherwise = 401) => ({ ...every(otherwise), ...allowed });
const contacts = (status: number, b = status, firm2 = status) => ({
  contactA: status,
  contactB: b,
  contactFirm2: firm2,
});
const everyday = (status: number) => only({ staff: status, admin: status, adminKey: status, staffKey: status });
const adminOnly = (status: number) => only({ staff: 403, staffKey: 403, admin: status, adminKey: status });

const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let s: TestServer;
const auth: Partial<Record<Principal, string>> = {};
const ids: Record<string, string> = {};
const passwords: Partial<Record<Principal, string>> = {
  contactA: demo.nora.password,
  contactB: demo.gina.password,
  contactFirm2: demo.ian.password,
};

test.before(async () => {
  s = await startTestServer();
  const owner = s.db.owner;
  auth.contactA = (await s.portal('acme').auth.login(demo.nora)).session.token;
  auth.contactB = (await s.portal('acme').auth.login(demo.gina)).session.token;
  auth.contactFirm2 = (await s.portal('bluebird').auth.login(demo.ian)).session.token;
  const ada = await s.staffLogin(demoStaff.ada);
  auth.admin = ada.token;
  auth.staff = (await s.staffLogin(demoStaff.sam)).token;
  auth.adminKey = (await ada.apiKeys.create({ name: 'matrix admin', role: 'admin' })).secret;
  auth.staffKey = (await ada.apiKeys.create({ name: 'matrix staff', role: 'staff' })).secret;
  auth.operator = PLATFORM_KEY;

  const acme = await owner('tenants').where({ slug: 'acme' }).first();
  const northwind = await owner('clients').where({ tenant_id: acme.id, number: 1001 }).first();
  // Sessions that exist but must not work: a deactivated contact's, a contact's without portal access.
  const inactive = await aContact(s, { admin: ada, client: northwind });
  await setContact(s, inactive, { active: false, portal_access: true });
  const ned = await owner('contacts').where({ email: 'ned@northwind.example' }).first();
  for (const [principal, contactId] of [
    ['inactiveContact', inactive.id],
    ['noPortalContact', ned.id],
  ] as const) {
    const token = await aPortalSession(s, { contact: contactId });
    auth[principal] = token;
  }

  // Targets: Nora's invoice, and throwaway records the admin rows may change freely.
  ids.invoice = (await owner('invoices').where({ tenant_id: acme.id, number: 'INV-0001' }).first()).id;
  // Billing core: a draft to edit, an unpaid invoice to pay, a cancelled one (cancel answers 409 past the guards), a matter.
  ids.draftInvoice = (await owner('invoices').where({ tenant_id: acme.id, status: 'draft' }).first()).id;
  ids.unpaidInvoice = (await owner('invoices').where({ tenant_id: acme.id, number: 'INV-0003' }).first()).id;
  ids.cancelledInvoice = (await owner('invoices').where({ tenant_id: acme.id, number: 'INV-0004' }).first()).id;
  ids.client = northwind.id;
  ids.nora = (await owner('contacts').where({ email: demo.nora.email }).first()).id;
  const scratch = await aClient(s, { admin: ada });
  ids.matter = (await aMatter(s, { admin: ada, client: northwind })).id;
  ids.lead = (await aLead(s, { admin: ada })).id;
  ids.party = (await aMatterParty(s, { admin: ada, matter: ids.matter, role: 'witness' })).id;
  ids.conflictCheck = (await aConflictCheck(s, { admin: ada })).id;
  ids.scratchClient = scratch.id;
  ids.scratchContact = (await aContact(s, { admin: ada, client: scratch })).id;
  ids.scratchKey = (await ada.apiKeys.create({ name: 'scratch', role: 'staff' })).id;
  ids.scratchStaff = (await aStaffUser(s, { admin: ada })).id;
  ids.announcement = (await anAnnouncement(s, { admin: ada })).id;
  // Records of records-b: a note of Ada's to edit, another to delete, a thread, a practice area.
  ids.note = (await aNote(s, { admin: ada, client: northwind })).id;
  ids.doomedNote = (await aNote(s, { admin: ada, matter: ids.matter })).id;
  ids.thread = (await aThread(s, { admin: ada, matter: ids.matter })).thread.id;
  ids.practiceArea = (await aPracticeArea(s, { admin: ada })).id;
  await aFirm(s, { slug: 'matrix-scratch' });
});
test.after.always(async () => s?.close());

const unique = (p: Principal, what: string) => `${what}-${p.toLowerCase()}-${randomUUID().slice(0, 8)}`;

const table: Record<string, Call> = {
  // Portal, public: the same answer whoever asks.
  portalLogin: {
    body: (p) => ({ email: `${unique(p, 'nobody')}@x.example`, password: 'wrong-password' }),
    expect: every(401),
  },
  portalForgotPassword: { body: (p) => ({ email: `${unique(p, 'forgot')}@x.example` }), expect: every(202) },
  portalSetPassword: { body: () => ({ token: newToken('cfl'), password: 'a-fine-password-1' }), expect: every(400) },
  // Portal, authenticated: only the firm's working contact sessions.
  portalMe: { expect: only(contacts(200)) },
  portalUpdateProfile: { body: () => ({ language: 'es' }), expect: only(contacts(200)) },
  portalListInvoices: { expect: only(contacts(200)) },
  portalHome: { expect: only(contacts(200)) },
  portalRetrieveInvoice: { params: { id: 'invoice' }, expect: only(contacts(200, 404, 404)) },
  portalListPayments: { expect: only(contacts(200)) },
  portalInvoicePdf: { params: { id: 'invoice' }, expect: only(contacts(200, 404, 404)) },
  portalChangePassword: {
    body: (p) => ({ current_password: passwords[p] ?? 'whatever', new_password: `${unique(p, 'new')}-Pass` }),
    expect: only(contacts(204)),
  },
  portalLogout: { body: () => ({}), expect: only(contacts(204)), order: 2 },
  // Admin, public.
  adminLogin: {
    body: (p) => ({ email: `${unique(p, 'nobody')}@x.example`, password: 'wrong-password' }),
    expect: every(401),
  },
  adminSetPassword: { body: () => ({ token: newToken('cfl'), password: 'a-fine-password-1' }), expect: every(400) },
  // Admin, authenticated.
  adminMe: { expect: everyday(200) },
  adminLogout: { body: () => ({}), expect: only({ staff: 204, admin: 204, adminKey: 400, staffKey: 400 }), order: 2 },
  adminListStaff: { expect: everyday(200) },
  adminInviteStaff: {
    body: (p) => ({ email: `${unique(p, 'invite')}@acme-law.example`, first_name: 'I', last_name: 'N', role: 'staff' }),
    expect: adminOnly(201),
  },
  adminResendStaffInvite: { params: { id: 'scratchStaff' }, expect: adminOnly(200) },
  adminUpdateStaff: { params: { id: 'scratchStaff' }, body: () => ({ last_name: 'Updated' }), expect: adminOnly(200) },
  adminListApiKeys: { expect: adminOnly(200) },
  adminCreateApiKey: { body: (p) => ({ name: unique(p, 'key'), role: 'staff' }), expect: adminOnly(201) },
  adminRevokeApiKey: { params: { id: 'scratchKey' }, expect: adminOnly(200) },
  adminListClients: { expect: everyday(200) },
  adminCreateClient: { body: (p) => ({ name: unique(p, 'Client') }), expect: everyday(201) },
  adminRetrieveClient: { params: { id: 'client' }, expect: everyday(200) },
  adminUpdateClient: {
    params: { id: 'scratchClient' },
    body: () => ({ name: 'Matrix Scratch Renamed' }),
    expect: everyday(200),
  },
  adminListContacts: { expect: everyday(200) },
  adminCreateContact: {
    body: (p) => ({
      client_id: ids.scratchClient,
      first_name: 'C',
      last_name: 'D',
      email: `${unique(p, 'c')}@matrix.example`,
    }),
    expect: everyday(201),
  },
  adminRetrieveContact: { params: { id: 'nora' }, expect: everyday(200) },
  adminUpdateContact: { params: { id: 'scratchContact' }, body: () => ({ title: 'Partner' }), expect: everyday(200) },
  adminSetPrimaryContact: { params: { id: 'scratchContact' }, expect: everyday(200) },
  adminDeactivateContact: { params: { id: 'scratchContact' }, expect: everyday(200) },
  adminReactivateContact: { params: { id: 'scratchContact' }, expect: everyday(200), order: 1 },
  adminEnablePortalAccess: { params: { id: 'scratchContact' }, body: () => ({}), expect: adminOnly(200), order: 1 },
  adminDisablePortalAccess: { params: { id: 'scratchContact' }, expect: adminOnly(200), order: 1 },
  adminMintPortalSession: { body: () => ({ contact_id: ids.nora }), expect: adminOnly(201) },
  adminListAuditEvents: { expect: adminOnly(200) },
  // Login as client: admins ask for a link; anyone may try to redeem one (a made-up token is a 400).
  adminCreateImpersonation: { params: { id: 'client' }, body: () => ({ reason: 'matrix' }), expect: adminOnly(201) },
  portalRedeemImpersonation: { body: () => ({ token: newToken('cfl') }), expect: every(400) },
  // Announcements: staff list, admins write; contacts read their firm's published ones.
  adminListAnnouncements: { expect: everyday(200) },
  adminCreateAnnouncement: { body: (p) => ({ title: unique(p, 'matrix'), body: 'Hello.' }), expect: adminOnly(201) },
  adminPublishAnnouncement: { params: { id: 'announcement' }, body: () => ({}), expect: adminOnly(200) },
  portalListAnnouncements: { expect: only(contacts(200)) },
  portalReadAnnouncement: {
    params: { id: 'announcement' },
    body: () => ({}),
    expect: only(contacts(200, 200, 404)),
  },
  // Billing core: everyday work for staff, admins and API keys of either role.
  adminListInvoices: { expect: everyday(200) },
  adminCreateInvoice: {
    body: () => ({ client_id: ids.client, lines: [{ description: 'Matrix', quantity: '1', unit_price: 100 }] }),
    expect: everyday(201),
  },
  adminRetrieveInvoice: { params: { id: 'invoice' }, expect: everyday(200) },
  adminUpdateInvoice: {
    params: { id: 'draftInvoice' },
    body: () => ({ client_note: 'Matrix' }),
    expect: everyday(200),
  },
  adminUpsertInvoiceByExternalId: {
    params: { external_id: 'matrix-external-1' },
    body: () => ({ client_id: ids.client, lines: [{ description: 'Matrix', quantity: '1', unit_price: 100 }] }),
    expect: everyday(200),
  },
  adminSendInvoice: { params: { id: 'invoice' }, expect: everyday(200) },
  adminCancelInvoice: { params: { id: 'cancelledInvoice' }, expect: everyday(409) },
  adminCreateInvoicePayment: { params: { id: 'unpaidInvoice' }, body: () => ({ amount: 1 }), expect: everyday(201) },
  adminListCredits: { expect: everyday(200) },
  // Any well-formed id that is no credit: 404 for those allowed past the guards.
  adminResolveCredit: {
    params: { id: '00000000-0000-4000-8000-000000000000' },
    body: () => ({ resolution: 'written_off' }),
    expect: everyday(404),
  },
  adminListMatters: { expect: everyday(200) },
  adminCreateMatter: { body: (p) => ({ client_id: ids.client, title: unique(p, 'matter') }), expect: everyday(201) },
  adminRetrieveMatter: { params: { id: 'matter' }, expect: everyday(200) },
  adminUpdateMatter: { params: { id: 'matter' }, body: () => ({ status: 'in_progress' }), expect: everyday(200) },
  // Internal notes: staff and keys of either role; only the author or an admin changes a note (Ada wrote these).
  adminListClientNotes: { params: { id: 'client' }, expect: everyday(200) },
  adminCreateClientNote: {
    params: { id: 'client' },
    body: (p) => ({ body: unique(p, 'note') }),
    expect: everyday(201),
  },
  adminListMatterNotes: { params: { id: 'matter' }, expect: everyday(200) },
  adminCreateMatterNote: {
    params: { id: 'matter' },
    body: (p) => ({ body: unique(p, 'note') }),
    expect: everyday(201),
  },
  adminUpdateNote: { params: { id: 'note' }, body: () => ({ pinned: true }), expect: adminOnly(200) },
  // The admin deletes it first; the keys after it find it gone.
  adminDeleteNote: {
    params: { id: 'doomedNote' },
    expect: only({ staff: 403, admin: 204, adminKey: 404, staffKey: 404 }),
    order: 1,
  },
  adminListMatterThreads: { params: { id: 'matter' }, expect: everyday(200) },
  adminCreateMatterThread: {
    params: { id: 'matter' },
    body: (p) => ({ subject: unique(p, 'thread'), body: 'Hello.' }),
    expect: everyday(201),
  },
  adminRetrieveThread: { params: { id: 'thread' }, expect: everyday(200) },
  adminListThreadMessages: { params: { id: 'thread' }, expect: everyday(200) },
  adminCreateThreadMessage: { params: { id: 'thread' }, body: () => ({ body: 'Reply.' }), expect: everyday(201) },
  // Practice areas: staff list them, admins change them; the revenue report is for admins and admin keys.
  adminListPracticeAreas: { expect: everyday(200) },
  adminCreatePracticeArea: { body: (p) => ({ name: unique(p, 'area') }), expect: adminOnly(201) },
  adminUpdatePracticeArea: {
    params: { id: 'practiceArea' },
    body: (p) => ({ name: unique(p, 'area') }),
    expect: adminOnly(200),
  },
  adminRevenueReport: { expect: adminOnly(200) },
  // Leads, matter parties, conflict checks: staff-only records, every staff credential may do everything.
  adminListLeads: { expect: everyday(200) },
  adminCreateLead: { body: (p) => ({ name: unique(p, 'lead') }), expect: everyday(201) },
  adminRetrieveLead: { params: { id: 'lead' }, expect: everyday(200) },
  adminUpdateLead: { params: { id: 'lead' }, body: () => ({ stage: 'contacted' }), expect: everyday(200) },
  adminListMatterParties: { params: { id: 'matter' }, expect: everyday(200) },
  adminAddMatterParty: {
    params: { id: 'matter' },
    body: (p) => ({ name: unique(p, 'party'), role: 'witness' }),
    expect: everyday(201),
  },
  // One party to remove: the first staff caller removes it, the others find it gone.
  adminRemoveMatterParty: {
    params: { id: 'matter', party_id: 'party' },
    expect: only({ staff: 204, admin: 404, adminKey: 404, staffKey: 404 }),
  },
  adminRunConflictCheck: { body: () => ({ parties: [{ name: 'Northwind Traders' }] }), expect: everyday(201) },
  adminListConflictChecks: { expect: everyday(200) },
  adminRetrieveConflictCheck: { params: { id: 'conflictCheck' }, expect: everyday(200) },
  // Stripe: admins only; the checkout runs before Stripe is configured (409 for the invoice's own contact);
  // the webhook answers 400 to anyone without a valid Stripe signature.
  adminRetrieveStripe: { expect: adminOnly(200) },
  adminConfigureStripe: {
    body: () => ({
      secret_key: 'sk_test_matrix0123456789',
      publishable_key: 'pk_test_matrix0123456789',
      webhook_secret: 'whsec_matrix0123456789',
      verify: false,
    }),
    expect: adminOnly(200),
    order: 1,
  },
  adminDisableStripe: { expect: adminOnly(200), order: 1 },
  portalCreateCheckout: { params: { id: 'unpaidInvoice' }, body: () => ({}), expect: only(contacts(409, 404, 404)) },
  stripeWebhook: {
    params: { tenant: 'acme' },
    body: () => ({ id: 'evt_matrix', object: 'event' }),
    expect: every(400),
  },
  // Platform: the operator key alone.
  platformCreateTenant: {
    body: (p) => ({
      slug: unique(p, 'm').slice(0, 40),
      name: 'Matrix Firm',
      admin: { email: 'admin@matrix.example', first_name: 'A', last_name: 'B' },
    }),
    expect: only({ operator: 201 }),
  },
  platformListTenants: { expect: only({ operator: 200 }) },
  platformRetrieveTenant: { params: { slug: 'acme' }, expect: only({ operator: 200 }) },
  platformUpdateTenant: {
    params: { slug: 'matrix-scratch' },
    body: () => ({ name: 'Matrix Scratch 2' }),
    expect: only({ operator: 200 }),
  },
  platformDisableTenant: { params: { slug: 'matrix-scratch' }, expect: only({ operator: 200 }) },
  // The firm's own settings: any staff credential reads them; admins alone change them.
  adminRetrieveSettings: { expect: everyday(200) },
  adminUpdateSettings: { body: () => ({ phone: '+1 312 555 0100' }), expect: adminOnly(200) },
  adminUploadLogo: { upload: { bytes: onePixelPng, type: 'image/png' }, expect: adminOnly(200) },
  adminDeleteLogo: { expect: adminOnly(200), order: 1 },
  platformEnableTenant: { params: { slug: 'matrix-scratch' }, expect: only({ operator: 200 }), order: 1 },
};

test.serial('every endpoint of the contract has a row in the matrix, and every row an endpoint', (t) => {
  t.deepEqual(Object.keys(table).sort(), Object.keys(endpoints).sort());
});

async function call(name: string, row: Call, principal: Principal): Promise<number> {
  const endpoint = endpoints[name as keyof typeof endpoints];
  const path = endpoint.path.replace(/:(\w+)/g, (_m, key: string) => {
    const value = row.params?.[key] ?? '';
    return encodeURIComponent(ids[value] ?? value);
  });
  const headers: Record<string, string> = {
    'caseflow-tenant': principal === 'contactFirm2' ? 'bluebird' : 'acme',
  };
  if (auth[principal]) headers.authorization = `Bearer ${auth[principal]}`;
  const body = row.upload ? row.upload.bytes : row.body && JSON.stringify(row.body(principal));
  if (body !== undefined) headers['content-type'] = row.upload?.type ?? 'application/json';
  const res = await fetch(`${s.baseUrl}/api/v1${path}`, {
    method: endpoint.method,
    headers,
    ...(body !== undefined ? { body: body as BodyInit } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

test.serial('every endpoint × every caller answers the expected status', async (t) => {
  const rows = Object.entries(table).sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0));
  const actual: Record<string, Record<Principal, number>> = {};
  const expected: Record<string, Record<Principal, number>> = {};
  for (const [name, row] of rows) {
    expected[name] = row.expect;
    actual[name] = {} as Record<Principal, number>;
    for (const principal of principals) actual[name][principal] = await call(name, row, principal);
  }
  t.deepEqual(actual, expected);
});
