import { randomUUID } from 'node:crypto';
import test from 'ava';
import { startTestServer, demo, demoStaff, PLATFORM_KEY, type TestServer } from '../../helpers/server.js';
import { rawRequest } from '../../helpers/http.js';

/**
 * PostgreSQL text cannot hold a NUL byte and has no year 0: before the contract
 * refused them, each of these reached SQL and answered 500. Every request below
 * must be a 400 naming the field, and write nothing at all.
 */

let s: TestServer;
let adminToken: string;
let portalToken: string;
let clientId: string;
test.before(async () => {
  s = await startTestServer();
  adminToken = (await s.staffLogin(demoStaff.ada)).token!;
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  portalToken = portal.token!;
  clientId = (await s.db.owner('clients').where({ name: 'Northwind Traders' }).first()).id;
});
test.after.always(async () => s?.close());

/** Rows of every table, so "nothing written" covers tables nobody thought of. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await s.db
    .owner('information_schema.tables')
    .where({ table_schema: 'public', table_type: 'BASE TABLE' })
    .whereNot('table_name', 'like', 'knex_%')
    .pluck('table_name');
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) counts[table] = Number((await s.db.owner(table).count('* as n').first())!.n);
  return counts;
}

const NUL = '\u0000';
type Who = 'admin' | 'portal' | 'platform' | 'none';
interface Case {
  who: Who;
  method: string;
  path: string;
  body?: unknown;
  field: string;
}

const line = { description: 'Advice', quantity: '1', unit_price: 100 };
const cases = (): Case[] => [
  // Path parameters
  { who: 'platform', method: 'GET', path: '/platform/tenants/%00', field: 'path.slug' },
  { who: 'platform', method: 'POST', path: '/platform/tenants/acme%00/disable', field: 'path.slug' },
  {
    who: 'admin',
    method: 'PUT',
    path: '/admin/invoices/by-external-id/ext%00',
    body: { client_id: clientId, lines: [line] },
    field: 'path.external_id',
  },
  { who: 'none', method: 'POST', path: '/webhooks/stripe/acme%00', body: {}, field: 'path.tenant' },
  // Query strings
  { who: 'admin', method: 'GET', path: '/admin/invoices?external_id=a%00', field: 'query.external_id' },
  { who: 'admin', method: 'GET', path: '/admin/invoices?number=INV%00', field: 'query.number' },
  { who: 'admin', method: 'GET', path: '/admin/clients?q=North%00', field: 'query.q' },
  { who: 'admin', method: 'GET', path: '/admin/audit-events?action=a%00', field: 'query.action' },
  {
    who: 'admin',
    method: 'GET',
    path: '/admin/audit-events?since=0000-01-01T00:00:00Z',
    field: 'query.since',
  },
  { who: 'admin', method: 'GET', path: '/admin/contacts?email=a%00%40b.example', field: 'query.email' },
  // Bodies: names, notes, reasons, announcements, lines, emails, URLs, passwords
  {
    who: 'platform',
    method: 'PATCH',
    path: '/platform/tenants/acme',
    body: { name: `Acme${NUL}` },
    field: 'body.name',
  },
  {
    who: 'platform',
    method: 'POST',
    path: '/platform/tenants',
    body: {
      slug: 'nulfirm',
      name: `Nul${NUL}Firm`,
      admin: { email: 'x@nul.example', first_name: 'X', last_name: 'Y' },
    },
    field: 'body.name',
  },
  {
    who: 'admin',
    method: 'PATCH',
    path: '/admin/settings',
    body: { address: `1 Main St${NUL}` },
    field: 'body.address',
  },
  {
    who: 'admin',
    method: 'PATCH',
    path: '/admin/settings',
    body: { payment_instructions: { bank_details: `Account 1234${NUL}` } },
    field: 'body.payment_instructions.bank_details',
  },
  { who: 'admin', method: 'POST', path: '/admin/clients', body: { name: `Nul${NUL}` }, field: 'body.name' },
  {
    who: 'admin',
    method: 'PATCH',
    path: `/admin/clients/${randomUUID()}`,
    body: { name: `Nul${NUL}` },
    field: 'body.name',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/contacts',
    body: { client_id: clientId, first_name: `Mia${NUL}`, last_name: 'Meadow', email: 'mia@meadow.example' },
    field: 'body.first_name',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/contacts',
    body: { client_id: clientId, first_name: 'Mia', last_name: 'Meadow', email: `mia${NUL}@meadow.example` },
    field: 'body.email',
  },
  {
    who: 'admin',
    method: 'POST',
    path: `/admin/clients/${randomUUID()}/impersonations`,
    body: { reason: `checking${NUL}` },
    field: 'body.reason',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/announcements',
    body: { title: `Closed${NUL}`, body: 'Office closed' },
    field: 'body.title',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/announcements',
    body: { title: 'Closed', body: `Office${NUL}closed` },
    field: 'body.body',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/invoices',
    body: { client_id: clientId, lines: [{ ...line, description: `Advice${NUL}` }] },
    field: 'body.lines.0.description',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/invoices',
    body: { client_id: clientId, lines: [line], client_note: `Thanks${NUL}` },
    field: 'body.client_note',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/invoices',
    body: { client_id: clientId, lines: [line], external_id: `ext${NUL}` },
    field: 'body.external_id',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/invoices',
    body: { client_id: clientId, lines: [line], issue_date: '0000-01-01' },
    field: 'body.issue_date',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/invoices',
    body: { client_id: clientId, lines: [line], due_date: '0000-12-31' },
    field: 'body.due_date',
  },
  {
    who: 'admin',
    method: 'PATCH',
    path: `/admin/invoices/${randomUUID()}`,
    body: { internal_note: `Note${NUL}` },
    field: 'body.internal_note',
  },
  {
    who: 'admin',
    method: 'POST',
    path: `/admin/invoices/${randomUUID()}/payments`,
    body: { note: `Paid${NUL}` },
    field: 'body.note',
  },
  {
    who: 'admin',
    method: 'POST',
    path: `/admin/invoices/${randomUUID()}/payments`,
    body: { transaction_id: `tx${NUL}` },
    field: 'body.transaction_id',
  },
  {
    who: 'admin',
    method: 'POST',
    path: `/admin/invoices/${randomUUID()}/payments`,
    body: { paid_at: '0000-01-01' },
    field: 'body.paid_at',
  },
  {
    who: 'admin',
    method: 'POST',
    path: `/admin/credits/${randomUUID()}/resolve`,
    body: { resolution: 'written_off', note: `ok${NUL}` },
    field: 'body.note',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/api-keys',
    body: { name: `Key${NUL}`, role: 'staff' },
    field: 'body.name',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/matters',
    body: { client_id: clientId, title: `Case${NUL}` },
    field: 'body.title',
  },
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/staff',
    body: { email: 'new@acme-law.example', first_name: `New${NUL}`, last_name: 'Person', role: 'staff' },
    field: 'body.first_name',
  },
  {
    who: 'admin',
    method: 'PUT',
    path: '/admin/stripe',
    body: { secret_key: `sk_test_${NUL}abcdefgh` },
    field: 'body.secret_key',
  },
  {
    who: 'portal',
    method: 'POST',
    path: `/portal/invoices/${randomUUID()}/checkout`,
    body: { return_url: `https://northwind.example/${NUL}` },
    field: 'body.return_url',
  },
  {
    who: 'portal',
    method: 'POST',
    path: '/portal/auth/change-password',
    body: { current_password: `x${NUL}`, new_password: 'a-new-password-2026' },
    field: 'body.current_password',
  },
  {
    who: 'none',
    method: 'POST',
    path: '/portal/auth/login',
    body: { email: demo.nora.email, password: `pw${NUL}` },
    field: 'body.password',
  },
  {
    who: 'none',
    method: 'POST',
    path: '/portal/auth/forgot-password',
    body: { email: `nora${NUL}@northwind.example` },
    field: 'body.email',
  },
  {
    who: 'none',
    method: 'POST',
    path: '/admin/auth/login',
    body: { email: demoStaff.ada.email, password: `pw${NUL}` },
    field: 'body.password',
  },
  {
    who: 'none',
    method: 'POST',
    path: '/portal/auth/impersonation',
    body: { token: `cfi_${NUL}0123456789` },
    field: 'body.token',
  },
  // A lone surrogate is as unstorable as a NUL
  {
    who: 'admin',
    method: 'POST',
    path: '/admin/clients',
    body: { name: 'Broken \ud800 name' },
    field: 'body.name',
  },
];

function headersFor(who: Who): Record<string, string> {
  const headers: Record<string, string> = { 'caseflow-tenant': 'acme' };
  if (who === 'admin') headers.authorization = `Bearer ${adminToken}`;
  if (who === 'portal') headers.authorization = `Bearer ${portalToken}`;
  if (who === 'platform') {
    headers.authorization = `Bearer ${PLATFORM_KEY}`;
    delete headers['caseflow-tenant'];
  }
  return headers;
}

test('a NUL byte, a broken character or year 0 in any string the API takes is a 400 naming the field, and nothing is written', async (t) => {
  const before = await rowCounts();
  for (const c of cases()) {
    const res = await fetch(`${s.baseUrl}/api/v1${c.path}`, {
      method: c.method,
      headers: {
        ...headersFor(c.who),
        ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(c.body !== undefined ? { body: JSON.stringify(c.body) } : {}),
    });
    const answer = await res.json();
    const label = `${c.method} ${c.path} → ${c.field}`;
    t.is(res.status, 400, label);
    t.is(answer.error?.code, 'validation_failed', label);
    t.true(
      (answer.error?.params ?? []).some((p: { path: string }) => p.path === c.field),
      `${label}: ${JSON.stringify(answer.error?.params)}`,
    );
  }
  t.deepEqual(await rowCounts(), before);
});

test('the slug path parameter refuses a NUL with the plain-text message', async (t) => {
  const res = await fetch(`${s.baseUrl}/api/v1/platform/tenants/%00`, {
    headers: { authorization: `Bearer ${PLATFORM_KEY}` },
  });
  t.is(res.status, 400);
  t.deepEqual((await res.json()).error.params, [
    {
      path: 'path.slug',
      code: 'invalid_format',
      message: 'Slug must be plain text: it contains an invisible NUL character or a broken character.',
    },
  ]);
});

test('headers and hosted page ids outside the contract refuse a NUL or a stray byte without a 500', async (t) => {
  const before = await rowCounts();
  // A hosted page id that is not a uuid is not a page.
  const page = await rawRequest(s.server.port, { path: '/clients/invoices/%00', host: 'acme.localhost' });
  t.is(page.status, 404);
  const badEncoding = await rawRequest(s.server.port, { path: '/clients/invoices/%E0%A4%A', host: 'acme.localhost' });
  t.true(badEncoding.status === 400 || badEncoding.status === 404, `status ${badEncoding.status}`);
  // Broken percent-encoding in an API path parameter or query string is not a 500 either.
  for (const path of ['/api/v1/platform/tenants/%E0%A4%A', '/api/v1/platform/tenants?starting_after=%E0%A4%A']) {
    const res = await rawRequest(s.server.port, { path, headers: { authorization: `Bearer ${PLATFORM_KEY}` } });
    t.true(res.status === 400 || res.status === 404, `${path}: status ${res.status}`);
  }
  // The firm header takes a slug only.
  const tenant = await rawRequest(s.server.port, {
    path: '/api/v1/portal/me',
    headers: { 'caseflow-tenant': 'acme\u00e9' },
  });
  t.is(tenant.status, 400);
  t.is(tenant.json().error.code, 'invalid_tenant_header');
  // An Idempotency-Key of visible ASCII only.
  const idem = await rawRequest(s.server.port, {
    method: 'POST',
    path: '/api/v1/admin/invoices',
    headers: { 'caseflow-tenant': 'acme', authorization: `Bearer ${adminToken}`, 'idempotency-key': 'k\u00e9y' },
    body: JSON.stringify({ client_id: clientId, lines: [line] }),
  });
  t.is(idem.status, 400);
  t.is(idem.json().error.code, 'invalid_idempotency_key');
  // A cookie carrying an encoded NUL is just an unknown session.
  const cookie = await rawRequest(s.server.port, {
    path: '/api/v1/portal/me',
    headers: { 'caseflow-tenant': 'acme', cookie: 'caseflow_portal=%00abc' },
  });
  t.is(cookie.status, 401);
  // A NUL byte in a header never reaches us: Node's parser answers 400 itself.
  const raw = await new Promise<string>((resolve, reject) => {
    import('node:net').then(({ connect }) => {
      const socket = connect(s.server.port, '127.0.0.1', () => {
        socket.write('GET /api/v1/portal/me HTTP/1.1\r\nHost: 127.0.0.1\r\nCaseflow-Tenant: ac\u0000me\r\n\r\n');
      });
      let text = '';
      socket.on('data', (d) => (text += d.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    }, reject);
  });
  t.regex(raw, /^HTTP\/1\.1 400 /);
  t.deepEqual(await rowCounts(), before);
});
