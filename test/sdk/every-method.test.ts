import test from 'ava';
import { AdminClient } from '../../sdk/admin-client.js';
import { PlatformClient } from '../../sdk/platform-client.js';
import { PortalClient } from '../../sdk/portal-client.js';
import { adminRoutes } from '../../sdk/routes/admin.js';
import { platformRoutes } from '../../sdk/routes/platform.js';
import { portalRoutes } from '../../sdk/routes/portal.js';

// Every public SDK method, called once: the request each sends is exactly the
// one it sent when its method and path were written by hand (captured before
// the resources moved onto the route tables), and together they call every route.

interface Clients {
  portal: PortalClient;
  admin: AdminClient;
  platform: PlatformClient;
}

/** An upload's bytes are sent as they are. */
const logoBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

const calls: [string, (c: Clients) => unknown][] = [
  ['portal.me', (c) => c.portal.me()],
  ['portal.updateProfile', (c) => c.portal.updateProfile({ language: 'ar' })],
  ['portal.home', (c) => c.portal.home()],
  ['portal.auth.login', (c) => c.portal.auth.login({ email: 'a@b.example', password: 'pw' })],
  ['portal.auth.logout', (c) => c.portal.auth.logout()],
  ['portal.auth.forgotPassword', (c) => c.portal.auth.forgotPassword({ email: 'a@b.example' })],
  ['portal.auth.setPassword', (c) => c.portal.auth.setPassword({ token: 't', password: 'pw' })],
  ['portal.auth.redeemImpersonation', (c) => c.portal.auth.redeemImpersonation({ token: 't' })],
  ['portal.auth.changePassword', (c) => c.portal.auth.changePassword({ current_password: 'a', new_password: 'b' })],
  ['portal.invoices.list', (c) => c.portal.invoices.list({ status: 'unpaid', limit: 5 })],
  ['portal.invoices.retrieve', (c) => c.portal.invoices.retrieve('i/1')],
  ['portal.invoices.pdf', (c) => c.portal.invoices.pdf('i1')],
  ['portal.invoices.checkout', (c) => c.portal.invoices.checkout('i1', { amount: 100 }, { idempotencyKey: 'k1' })],
  ['portal.announcements.list', (c) => c.portal.announcements.list()],
  ['portal.announcements.markRead', (c) => c.portal.announcements.markRead('a1')],
  ['portal.payments.list', (c) => c.portal.payments.list({ limit: 3 })],
  ['admin.me', (c) => c.admin.me()],
  ['admin.auth.login', (c) => c.admin.auth.login({ email: 'a@b.example', password: 'pw' })],
  ['admin.auth.logout', (c) => c.admin.auth.logout()],
  ['admin.auth.setPassword', (c) => c.admin.auth.setPassword({ token: 't', password: 'pw' })],
  ['admin.staff.list', (c) => c.admin.staff.list({ limit: 2 })],
  [
    'admin.staff.invite',
    (c) => c.admin.staff.invite({ email: 's@b.example', first_name: 'S', last_name: 'T', role: 'staff' }),
  ],
  ['admin.staff.update', (c) => c.admin.staff.update('s1', { active: false })],
  ['admin.staff.resendInvite', (c) => c.admin.staff.resendInvite('s1')],
  ['admin.apiKeys.list', (c) => c.admin.apiKeys.list()],
  ['admin.apiKeys.create', (c) => c.admin.apiKeys.create({ name: 'k', role: 'staff' })],
  ['admin.apiKeys.revoke', (c) => c.admin.apiKeys.revoke('k1')],
  ['admin.clients.list', (c) => c.admin.clients.list({ q: 'north' })],
  ['admin.clients.create', (c) => c.admin.clients.create({ name: 'N' })],
  ['admin.clients.retrieve', (c) => c.admin.clients.retrieve('c1')],
  ['admin.clients.update', (c) => c.admin.clients.update('c1', { name: 'M' })],
  ['admin.contacts.list', (c) => c.admin.contacts.list({ client_id: 'c1' })],
  [
    'admin.contacts.create',
    (c) => c.admin.contacts.create({ client_id: 'c1', first_name: 'N', last_name: 'O', email: 'n@o.example' }),
  ],
  ['admin.contacts.retrieve', (c) => c.admin.contacts.retrieve('p1')],
  ['admin.contacts.update', (c) => c.admin.contacts.update('p1', { phone: '1' })],
  ['admin.contacts.setPrimary', (c) => c.admin.contacts.setPrimary('p1')],
  ['admin.contacts.deactivate', (c) => c.admin.contacts.deactivate('p1')],
  ['admin.contacts.reactivate', (c) => c.admin.contacts.reactivate('p1')],
  ['admin.contacts.enablePortalAccess', (c) => c.admin.contacts.enablePortalAccess('p1')],
  ['admin.contacts.disablePortalAccess', (c) => c.admin.contacts.disablePortalAccess('p1')],
  ['admin.portalSessions.create', (c) => c.admin.portalSessions.create({ contact_id: 'p1' })],
  ['admin.auditEvents.list', (c) => c.admin.auditEvents.list({ action: 'portal.login_failed' })],
  ['admin.invoices.list', (c) => c.admin.invoices.list({ status: 'overdue' })],
  ['admin.invoices.create', (c) => c.admin.invoices.create({ client_id: 'c1', lines: [] }, { idempotencyKey: 'k2' })],
  ['admin.invoices.retrieve', (c) => c.admin.invoices.retrieve('i1')],
  ['admin.invoices.update', (c) => c.admin.invoices.update('i1', { due_date: '2026-12-31' })],
  [
    'admin.invoices.upsertByExternalId',
    (c) => c.admin.invoices.upsertByExternalId('erp 1', { client_id: 'c1', lines: [] }),
  ],
  ['admin.invoices.send', (c) => c.admin.invoices.send('i1')],
  ['admin.invoices.cancel', (c) => c.admin.invoices.cancel('i1')],
  ['admin.invoices.pay', (c) => c.admin.invoices.pay('i1', { amount: 5 }, { idempotencyKey: 'k3' })],
  ['admin.credits.list', (c) => c.admin.credits.list()],
  ['admin.credits.resolve', (c) => c.admin.credits.resolve('cr1', { resolution: 'written_off' })],
  ['admin.matters.list', (c) => c.admin.matters.list({ client_id: 'c1' })],
  ['admin.matters.create', (c) => c.admin.matters.create({ client_id: 'c1', title: 'T' })],
  ['admin.matters.retrieve', (c) => c.admin.matters.retrieve('m1')],
  ['admin.matters.update', (c) => c.admin.matters.update('m1', { title: 'U' })],
  ['admin.notes.listForClient', (c) => c.admin.notes.listForClient('c1', { limit: 1 })],
  ['admin.notes.listForMatter', (c) => c.admin.notes.listForMatter('m1')],
  ['admin.notes.createForClient', (c) => c.admin.notes.createForClient('c1', { body: 'b' })],
  ['admin.notes.createForMatter', (c) => c.admin.notes.createForMatter('m1', { body: 'b' })],
  ['admin.notes.update', (c) => c.admin.notes.update('n1', { pinned: false })],
  ['admin.notes.delete', (c) => c.admin.notes.delete('n1')],
  ['admin.threads.list', (c) => c.admin.threads.list('m1')],
  ['admin.threads.start', (c) => c.admin.threads.start('m1', { subject: 's', body: 'b' })],
  ['admin.threads.retrieve', (c) => c.admin.threads.retrieve('t1')],
  ['admin.threads.messages', (c) => c.admin.threads.messages('t1', { limit: 4 })],
  ['admin.threads.reply', (c) => c.admin.threads.reply('t1', { body: 'b' })],
  ['admin.practiceAreas.list', (c) => c.admin.practiceAreas.list({ include_archived: true })],
  ['admin.practiceAreas.create', (c) => c.admin.practiceAreas.create({ name: 'R' })],
  ['admin.practiceAreas.update', (c) => c.admin.practiceAreas.update('pa1', { archived: true })],
  ['admin.reports.revenue', (c) => c.admin.reports.revenue({ from: '2026-01', to: '2026-06' })],
  ['admin.leads.list', (c) => c.admin.leads.list({ stage: 'qualified' })],
  ['admin.leads.create', (c) => c.admin.leads.create({ name: 'H' })],
  ['admin.leads.retrieve', (c) => c.admin.leads.retrieve('l1')],
  ['admin.leads.update', (c) => c.admin.leads.update('l1', { stage: 'won' })],
  ['admin.matterParties.list', (c) => c.admin.matterParties.list('m1')],
  ['admin.matterParties.add', (c) => c.admin.matterParties.add('m1', { name: 'I', role: 'opposing_party' })],
  ['admin.matterParties.remove', (c) => c.admin.matterParties.remove('m1', 'pp1')],
  ['admin.conflictChecks.run', (c) => c.admin.conflictChecks.run({ parties: [{ name: 'I' }] })],
  ['admin.conflictChecks.list', (c) => c.admin.conflictChecks.list()],
  ['admin.conflictChecks.retrieve', (c) => c.admin.conflictChecks.retrieve('cc1')],
  ['admin.impersonations.create', (c) => c.admin.impersonations.create('c1', { reason: 'r' })],
  ['admin.announcements.list', (c) => c.admin.announcements.list()],
  ['admin.announcements.create', (c) => c.admin.announcements.create({ title: 't', body: 'b' })],
  ['admin.announcements.publish', (c) => c.admin.announcements.publish('an1')],
  ['admin.stripe.retrieve', (c) => c.admin.stripe.retrieve()],
  ['admin.stripe.configure', (c) => c.admin.stripe.configure({ secret_key: 'sk' })],
  ['admin.stripe.disable', (c) => c.admin.stripe.disable()],
  ['admin.settings.retrieve', (c) => c.admin.settings.retrieve()],
  ['admin.settings.update', (c) => c.admin.settings.update({ phone: '+1 555 0100' })],
  ['admin.settings.uploadLogo', (c) => c.admin.settings.uploadLogo({ bytes: logoBytes, type: 'image/png' })],
  ['admin.settings.deleteLogo', (c) => c.admin.settings.deleteLogo()],
  [
    'platform.tenants.create',
    (c) =>
      c.platform.tenants.create({
        slug: 'a',
        name: 'A',
        admin: { email: 'e@a.example', first_name: 'E', last_name: 'F' },
      }),
  ],
  ['platform.tenants.list', (c) => c.platform.tenants.list()],
  ['platform.tenants.retrieve', (c) => c.platform.tenants.retrieve('acme')],
  ['platform.tenants.update', (c) => c.platform.tenants.update('acme', { plan: 'growth' })],
  ['platform.tenants.disable', (c) => c.platform.tenants.disable('acme')],
  ['platform.tenants.enable', (c) => c.platform.tenants.enable('acme')],
];

interface Sent {
  request: string;
  body?: string | Uint8Array;
  /** Only when it is not JSON (an upload's). */
  contentType?: string;
  accept?: string;
  idempotencyKey?: string;
}

const expected: Record<string, Sent> = {
  'portal.me': { request: 'GET /portal/me' },
  'portal.updateProfile': { request: 'PATCH /portal/me', body: '{"language":"ar"}' },
  'portal.home': { request: 'GET /portal/home' },
  'portal.auth.login': { request: 'POST /portal/auth/login', body: '{"email":"a@b.example","password":"pw"}' },
  'portal.auth.logout': { request: 'POST /portal/auth/logout', body: '{}' },
  'portal.auth.forgotPassword': { request: 'POST /portal/auth/forgot-password', body: '{"email":"a@b.example"}' },
  'portal.auth.setPassword': { request: 'POST /portal/auth/set-password', body: '{"token":"t","password":"pw"}' },
  'portal.auth.redeemImpersonation': { request: 'POST /portal/auth/impersonation', body: '{"token":"t"}' },
  'portal.auth.changePassword': {
    request: 'POST /portal/auth/change-password',
    body: '{"current_password":"a","new_password":"b"}',
  },
  'portal.invoices.list': { request: 'GET /portal/invoices?status=unpaid&limit=5' },
  'portal.invoices.retrieve': { request: 'GET /portal/invoices/i%2F1' },
  'portal.invoices.pdf': { request: 'GET /portal/invoices/i1/pdf', accept: 'application/pdf, application/json' },
  'portal.invoices.checkout': {
    request: 'POST /portal/invoices/i1/checkout',
    body: '{"amount":100}',
    idempotencyKey: 'k1',
  },
  'portal.announcements.list': { request: 'GET /portal/announcements' },
  'portal.announcements.markRead': { request: 'POST /portal/announcements/a1/read', body: '{}' },
  'portal.payments.list': { request: 'GET /portal/payments?limit=3' },
  'admin.me': { request: 'GET /admin/me' },
  'admin.auth.login': { request: 'POST /admin/auth/login', body: '{"email":"a@b.example","password":"pw"}' },
  'admin.auth.logout': { request: 'POST /admin/auth/logout', body: '{}' },
  'admin.auth.setPassword': { request: 'POST /admin/auth/set-password', body: '{"token":"t","password":"pw"}' },
  'admin.staff.list': { request: 'GET /admin/staff?limit=2' },
  'admin.staff.invite': {
    request: 'POST /admin/staff',
    body: '{"email":"s@b.example","first_name":"S","last_name":"T","role":"staff"}',
  },
  'admin.staff.update': { request: 'PATCH /admin/staff/s1', body: '{"active":false}' },
  'admin.staff.resendInvite': { request: 'POST /admin/staff/s1/invite' },
  'admin.apiKeys.list': { request: 'GET /admin/api-keys' },
  'admin.apiKeys.create': { request: 'POST /admin/api-keys', body: '{"name":"k","role":"staff"}' },
  'admin.apiKeys.revoke': { request: 'DELETE /admin/api-keys/k1' },
  'admin.clients.list': { request: 'GET /admin/clients?q=north' },
  'admin.clients.create': { request: 'POST /admin/clients', body: '{"name":"N"}' },
  'admin.clients.retrieve': { request: 'GET /admin/clients/c1' },
  'admin.clients.update': { request: 'PATCH /admin/clients/c1', body: '{"name":"M"}' },
  'admin.contacts.list': { request: 'GET /admin/contacts?client_id=c1' },
  'admin.contacts.create': {
    request: 'POST /admin/contacts',
    body: '{"client_id":"c1","first_name":"N","last_name":"O","email":"n@o.example"}',
  },
  'admin.contacts.retrieve': { request: 'GET /admin/contacts/p1' },
  'admin.contacts.update': { request: 'PATCH /admin/contacts/p1', body: '{"phone":"1"}' },
  'admin.contacts.setPrimary': { request: 'POST /admin/contacts/p1/primary' },
  'admin.contacts.deactivate': { request: 'POST /admin/contacts/p1/deactivate' },
  'admin.contacts.reactivate': { request: 'POST /admin/contacts/p1/reactivate' },
  'admin.contacts.enablePortalAccess': { request: 'POST /admin/contacts/p1/portal-access', body: '{}' },
  'admin.contacts.disablePortalAccess': { request: 'DELETE /admin/contacts/p1/portal-access' },
  'admin.portalSessions.create': { request: 'POST /admin/portal-sessions', body: '{"contact_id":"p1"}' },
  'admin.auditEvents.list': { request: 'GET /admin/audit-events?action=portal.login_failed' },
  'admin.invoices.list': { request: 'GET /admin/invoices?status=overdue' },
  'admin.invoices.create': {
    request: 'POST /admin/invoices',
    body: '{"client_id":"c1","lines":[]}',
    idempotencyKey: 'k2',
  },
  'admin.invoices.retrieve': { request: 'GET /admin/invoices/i1' },
  'admin.invoices.update': { request: 'PATCH /admin/invoices/i1', body: '{"due_date":"2026-12-31"}' },
  'admin.invoices.upsertByExternalId': {
    request: 'PUT /admin/invoices/by-external-id/erp%201',
    body: '{"client_id":"c1","lines":[]}',
  },
  'admin.invoices.send': { request: 'POST /admin/invoices/i1/send' },
  'admin.invoices.cancel': { request: 'POST /admin/invoices/i1/cancel' },
  'admin.invoices.pay': { request: 'POST /admin/invoices/i1/payments', body: '{"amount":5}', idempotencyKey: 'k3' },
  'admin.credits.list': { request: 'GET /admin/credits' },
  'admin.credits.resolve': { request: 'POST /admin/credits/cr1/resolve', body: '{"resolution":"written_off"}' },
  'admin.matters.list': { request: 'GET /admin/matters?client_id=c1' },
  'admin.matters.create': { request: 'POST /admin/matters', body: '{"client_id":"c1","title":"T"}' },
  'admin.matters.retrieve': { request: 'GET /admin/matters/m1' },
  'admin.matters.update': { request: 'PATCH /admin/matters/m1', body: '{"title":"U"}' },
  'admin.notes.listForClient': { request: 'GET /admin/clients/c1/notes?limit=1' },
  'admin.notes.listForMatter': { request: 'GET /admin/matters/m1/notes' },
  'admin.notes.createForClient': { request: 'POST /admin/clients/c1/notes', body: '{"body":"b"}' },
  'admin.notes.createForMatter': { request: 'POST /admin/matters/m1/notes', body: '{"body":"b"}' },
  'admin.notes.update': { request: 'PATCH /admin/notes/n1', body: '{"pinned":false}' },
  'admin.notes.delete': { request: 'DELETE /admin/notes/n1' },
  'admin.threads.list': { request: 'GET /admin/matters/m1/threads' },
  'admin.threads.start': { request: 'POST /admin/matters/m1/threads', body: '{"subject":"s","body":"b"}' },
  'admin.threads.retrieve': { request: 'GET /admin/threads/t1' },
  'admin.threads.messages': { request: 'GET /admin/threads/t1/messages?limit=4' },
  'admin.threads.reply': { request: 'POST /admin/threads/t1/messages', body: '{"body":"b"}' },
  'admin.practiceAreas.list': { request: 'GET /admin/practice-areas?include_archived=true' },
  'admin.practiceAreas.create': { request: 'POST /admin/practice-areas', body: '{"name":"R"}' },
  'admin.practiceAreas.update': { request: 'PATCH /admin/practice-areas/pa1', body: '{"archived":true}' },
  'admin.reports.revenue': { request: 'GET /admin/reports/revenue?from=2026-01&to=2026-06' },
  'admin.leads.list': { request: 'GET /admin/leads?stage=qualified' },
  'admin.leads.create': { request: 'POST /admin/leads', body: '{"name":"H"}' },
  'admin.leads.retrieve': { request: 'GET /admin/leads/l1' },
  'admin.leads.update': { request: 'PATCH /admin/leads/l1', body: '{"stage":"won"}' },
  'admin.matterParties.list': { request: 'GET /admin/matters/m1/parties' },
  'admin.matterParties.add': {
    request: 'POST /admin/matters/m1/parties',
    body: '{"name":"I","role":"opposing_party"}',
  },
  'admin.matterParties.remove': { request: 'DELETE /admin/matters/m1/parties/pp1' },
  'admin.conflictChecks.run': { request: 'POST /admin/conflict-checks', body: '{"parties":[{"name":"I"}]}' },
  'admin.conflictChecks.list': { request: 'GET /admin/conflict-checks' },
  'admin.conflictChecks.retrieve': { request: 'GET /admin/conflict-checks/cc1' },
  'admin.impersonations.create': { request: 'POST /admin/clients/c1/impersonations', body: '{"reason":"r"}' },
  'admin.announcements.list': { request: 'GET /admin/announcements' },
  'admin.announcements.create': { request: 'POST /admin/announcements', body: '{"title":"t","body":"b"}' },
  'admin.announcements.publish': { request: 'POST /admin/announcements/an1/publish', body: '{}' },
  'admin.stripe.retrieve': { request: 'GET /admin/stripe' },
  'admin.stripe.configure': { request: 'PUT /admin/stripe', body: '{"secret_key":"sk"}' },
  'admin.stripe.disable': { request: 'POST /admin/stripe/disable' },
  'admin.settings.retrieve': { request: 'GET /admin/settings' },
  'admin.settings.update': { request: 'PATCH /admin/settings', body: '{"phone":"+1 555 0100"}' },
  'admin.settings.uploadLogo': { request: 'PUT /admin/settings/logo', body: logoBytes, contentType: 'image/png' },
  'admin.settings.deleteLogo': { request: 'DELETE /admin/settings/logo' },
  'platform.tenants.create': {
    request: 'POST /platform/tenants',
    body: '{"slug":"a","name":"A","admin":{"email":"e@a.example","first_name":"E","last_name":"F"}}',
  },
  'platform.tenants.list': { request: 'GET /platform/tenants' },
  'platform.tenants.retrieve': { request: 'GET /platform/tenants/acme' },
  'platform.tenants.update': { request: 'PATCH /platform/tenants/acme', body: '{"plan":"growth"}' },
  'platform.tenants.disable': { request: 'POST /platform/tenants/acme/disable' },
  'platform.tenants.enable': { request: 'POST /platform/tenants/acme/enable' },
};

async function send(call: (c: Clients) => unknown): Promise<Sent[]> {
  const sent: Sent[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const key = headers['idempotency-key'];
    sent.push({
      request: `${init?.method} ${String(url).replace('https://api.example/api/v1', '')}`,
      ...(init?.body !== undefined ? { body: init.body as string | Uint8Array } : {}),
      ...(headers['content-type'] && headers['content-type'] !== 'application/json'
        ? { contentType: headers['content-type'] }
        : {}),
      ...(headers.accept !== 'application/json' ? { accept: headers.accept } : {}),
      // A key the SDK made itself is random: only that there is one is checked.
      ...(key ? { idempotencyKey: /^k\d$/.test(key) ? key : '(generated)' } : {}),
    });
    const answer = { data: [], has_more: false, next_cursor: null, token: 't', session: {} };
    return new Response(JSON.stringify(answer), { status: 200 });
  };
  const options = { baseUrl: 'https://api.example', tenant: 'acme', token: 'tok', fetch };
  await call({
    portal: new PortalClient(options),
    admin: new AdminClient(options),
    platform: new PlatformClient({ baseUrl: 'https://api.example', token: 'op', fetch }),
  });
  return sent;
}

for (const [name, call] of calls) {
  test(`${name} sends ${expected[name]?.request}`, async (t) => {
    t.deepEqual(await send(call), [expected[name]]);
  });
}

test('the SDK methods together call every route of the three tables, each once', (t) => {
  const routes = Object.values({ ...portalRoutes, ...adminRoutes, ...platformRoutes }).map(
    (r) => `${r.method} ${r.path}`,
  );
  const called = Object.values(expected).map(({ request }) => {
    const [method, url] = request.split(' ') as [string, string];
    const path = new URL(url, 'https://x').pathname;
    return routes.find((r) => {
      const [m, p] = r.split(' ') as [string, string];
      return m === method && new RegExp(`^${p.replace(/:\w+/g, '[^/]+')}$`).test(path);
    });
  });
  t.deepEqual([...called].sort(), [...routes].sort());
});
