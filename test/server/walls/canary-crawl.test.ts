/**
 * The canary crawl: canaries in every field and record the portal must never
 * show (derived from the database, see canaries.ts), then Nora of Northwind —
 * the client that owns the internal canaries — with every permission, in each
 * session kind (login, preview, minted), calls every portal route of the
 * OpenAPI document, loads every hosted page, reads every invoice PDF and every
 * email she receives. Any canary in any body or header is a leak.
 *
 * A portal route or hosted page without a row in the tables below fails the
 * suite, so each new capability adds its own row.
 */
import test from 'ava';
import type Router from '@koa/router';
import { PDFParse } from 'pdf-parse';
import { PortalPermission } from '../../../sdk/schemas/contacts.js';
import { hostedPortalRoutes } from '../../../server/portal/routes.js';
import type { Deps } from '../../../server/http/context.js';
import type { WidgetAssets } from '../../../server/portal/assets.js';
import { setClientNote } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { connectStripe } from '../../helpers/stripe.js';
import { canary, catalog, findCanaries, marker, seedCanaries, type SeedReport } from './canaries.js';
import { fixtures, runFixtures, type World } from './fixtures.js';
import { startMailbox } from './mailbox.js';

type Kind = 'login' | 'preview' | 'minted';
const kinds: Kind[] = ['login', 'preview', 'minted'];

let s: TestServer;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let w: World;
let seed: SeedReport;
let previewToken = '';
/** Fixture entries for tables this schema does not have (yet). */
let absentTables: string[] = [];
/** Nora's current password (the crawl changes it). */
let password = demo.nora.password;
/** Real seeded canaries, passed to searches and filters. */
const probes: { invoiceNote: string; staffEmail: string } = { invoiceNote: '', staffEmail: '' };
const ids: Record<string, string> = {};

interface Leak {
  where: string;
  found: string[];
}
const leaks: Leak[] = [];
const counts = { routes: new Set<string>(), requests: 0, pages: 0, documents: 0, emails: 0, retries: 0 };

/** Looks for canaries in what was answered; `echo` is a value we sent, which a 4xx may quote back. */
function scan(where: string, status: number, text: string, echo?: string): void {
  let checked = text;
  if (echo && status >= 400)
    for (const form of [echo, JSON.stringify(echo).slice(1, -1)]) checked = checked.split(form).join('');
  const found = findCanaries(checked);
  if (found.length) leaks.push({ where, found });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

interface Request {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  cookie?: boolean;
  /** Sent without the session (a login with cookie transport would rotate the session it carries). */
  anonymous?: boolean;
  idempotencyKey?: string;
  /** Expected status (an exact one: a crawl that only met 401s would prove nothing). */
  expect: number;
  echo?: string;
}

interface Answer {
  status: number;
  headers: string;
  text: string;
  json: unknown;
}

async function call(method: string, path: string, session: string | null, r: Request, where: string): Promise<Answer> {
  const token = r.anonymous ? null : session;
  let url = `${s.baseUrl}/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(r.params![name]!))}`;
  if (r.query) url += `?${new URLSearchParams(r.query).toString()}`;
  const headers: Record<string, string> = { 'caseflow-tenant': 'acme', origin: s.baseUrl };
  if (r.cookie) headers['caseflow-csrf'] = '1';
  if (token && r.cookie) headers.cookie = `caseflow_portal=${token}`;
  else if (token) headers.authorization = `Bearer ${token}`;
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  if (r.idempotencyKey) headers['idempotency-key'] = r.idempotencyKey;
  const response = await fetchRetrying(where, url, {
    method,
    headers,
    ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const headerText = [...response.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  let text = Buffer.from(bytes).toString('utf8');
  if ((response.headers.get('content-type') ?? '').startsWith('application/pdf')) {
    text += '\n' + (await pdfText(bytes));
    counts.documents += 1;
  }
  counts.requests += 1;
  scan(where, response.status, `${headerText}\n${text}`, r.echo);
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (a PDF, an empty 204)
  }
  return { status: response.status, headers: headerText, text, json };
}

/**
 * fetch, once more when the socket was closed under it: the server drops idle
 * keep-alive connections after 5 s, and on a busy machine a request can be
 * written to one it is closing (the request never reached a handler).
 */
async function fetchRetrying(where: string, url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const closed = ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(cause?.code ?? '');
      if (closed && attempt === 1) {
        counts.retries += 1;
        continue;
      }
      throw new Error(`${where}: ${init.method ?? 'GET'} ${url} failed: ${cause?.message ?? String(error)}`, {
        cause: error,
      });
    }
  }
}

interface Ctx {
  kind: Kind;
  token: string;
}

const badLinkToken = `cfl_${'A'.repeat(43)}`;
const wrongPassword = 'not-the-password-0000';

/**
 * One row per portal route of the OpenAPI document ("METHOD /path" as there):
 * requests that succeed, and some that fail. Rows run in this order; logout last.
 */
const routes: Record<string, (c: Ctx) => Request[]> = {
  'GET /portal/me': (): Request[] => [{ expect: 200 }, { cookie: true, expect: 200 }],
  'GET /portal/home': (): Request[] => [{ expect: 200 }, { cookie: true, expect: 200 }],
  // The contact's own language; an admin preview may not change it.
  'PATCH /portal/me': (c): Request[] => [
    { body: { language: 'ar' }, expect: c.kind === 'preview' ? 403 : 200 },
    { body: { language: null }, cookie: true, expect: c.kind === 'preview' ? 403 : 200 },
    { body: { language: probes.invoiceNote }, expect: 400, echo: probes.invoiceNote },
  ],
  'GET /portal/invoices': (): Request[] => [
    { expect: 200 },
    { query: { status: 'unpaid' }, expect: 200 },
    { query: { limit: '1' }, expect: 200 },
    // Another client's invoice as the cursor: the list simply ends.
    { query: { starting_after: ids.globexInvoice! }, expect: 200 },
    { query: { status: probes.invoiceNote }, expect: 400, echo: probes.invoiceNote },
  ],
  'GET /portal/invoices/{id}': (): Request[] => [
    ...noraInvoices().map((id) => ({ params: { id }, expect: 200 })),
    { params: { id: ids.draft! }, expect: 404 },
    { params: { id: ids.globexInvoice! }, expect: 404 },
    { params: { id: ids.initechInvoice! }, expect: 404 },
  ],
  'GET /portal/invoices/{id}/pdf': (): Request[] => [
    ...noraInvoices().map((id) => ({ params: { id }, expect: 200 })),
    { params: { id: ids.draft! }, expect: 404 },
    { params: { id: ids.globexInvoice! }, expect: 404 },
  ],
  'GET /portal/payments': (): Request[] => [{ expect: 200 }, { query: { limit: '1' }, expect: 200 }],
  'GET /portal/announcements': (): Request[] => [{ expect: 200 }],
  'POST /portal/announcements/{id}/read': (): Request[] => [
    { params: { id: ids.announcement! }, expect: 200 },
    { params: { id: ids.draftAnnouncement! }, expect: 404 },
    { params: { id: ids.bluebirdAnnouncement! }, expect: 404 },
  ],
  'POST /portal/invoices/{id}/checkout': (c): Request[] => [
    { params: { id: ids.payable! }, body: {}, idempotencyKey: `crawl-${c.kind}`, expect: 201 },
    { params: { id: ids.globexInvoice! }, body: {}, expect: 404 },
    { params: { id: ids.payable! }, body: { return_url: probes.invoiceNote }, expect: 400, echo: probes.invoiceNote },
  ],
  'POST /portal/auth/forgot-password': (): Request[] => [
    { body: { email: demo.nora.email }, expect: 202 },
    { body: { email: probes.staffEmail }, expect: 400, echo: probes.staffEmail },
  ],
  'POST /portal/auth/set-password': (): Request[] => [
    { body: { token: badLinkToken, password: 'a-new-password-2027' }, expect: 400 },
  ],
  'POST /portal/auth/impersonation': (): Request[] => [{ body: { token: badLinkToken }, expect: 400 }],
  'POST /portal/auth/login': (): Request[] => [
    { body: { email: demo.nora.email, password }, expect: 200 },
    { body: { email: demo.nora.email, password, transport: 'cookie' }, cookie: true, anonymous: true, expect: 200 },
    { body: { email: demo.nora.email, password: wrongPassword }, expect: 401 },
    { body: { email: probes.staffEmail, password: wrongPassword }, expect: 400, echo: probes.staffEmail },
  ],
  'POST /portal/auth/change-password': (c): Request[] => [
    {
      body: { current_password: wrongPassword, new_password: 'another-password-2027' },
      expect: c.kind === 'preview' ? 403 : 400,
    },
    ...(c.kind === 'preview'
      ? [{ body: { current_password: password, new_password: `${c.kind}-password-2027` }, expect: 403 }]
      : [{ body: { current_password: password, new_password: `${c.kind}-password-2027` }, expect: 204 }]),
  ],
  'POST /portal/auth/logout': (): Request[] => [{ body: {}, expect: 204 }],
};

/**
 * One row per hosted page of the router (server/portal/routes.ts): the URL to
 * load for it (path parameters filled in).
 */
const pages: Record<string, () => string> = {
  '/': () => '/',
  '/clients': () => '/clients',
  '/clients/': () => '/clients/',
  '/clients/invoices': () => '/clients/invoices',
  '/clients/invoices/:id': () => `/clients/invoices/${ids.payable}`,
  '/clients/payments': () => '/clients/payments',
  '/clients/login': () => '/clients/login',
  '/clients/profile': () => '/clients/profile',
  '/clients/set-password': () => '/clients/set-password',
  '/clients/reset-password': () => '/clients/reset-password',
  '/staff/set-password': () => '/staff/set-password',
  '/clients/impersonate': () => '/clients/impersonate',
  '/clients/announcements': () => '/clients/announcements',
  '/favicon.ico': () => '/favicon.ico',
  '/clients/portal.css': () => '/clients/portal.css',
  '/clients/brand/:file': () => '/clients/brand/1a2b3c.css',
  '/clients/logo/:file': () => ids.logo!,
};

function noraInvoices(): string[] {
  return ids.noraInvoices!.split(',');
}

/** The hosted pages the router mounts, read by mounting them on a router that only records paths. */
function routerPages(): string[] {
  const paths: string[] = [];
  const recorder = { get: (path: string) => paths.push(path) } as unknown as Router<never, never>;
  hostedPortalRoutes(recorder as never, {} as Deps, {} as WidgetAssets);
  return paths;
}

interface OpenApi {
  paths: Record<
    string,
    Record<string, { tags: string[]; parameters: { name: string; in: string; schema: { type?: string } }[] }>
  >;
}
let document: OpenApi;
function portalOperations(): { key: string; method: string; path: string; stringQuery: string[] }[] {
  const ops = [];
  for (const [path, methods] of Object.entries(document.paths))
    for (const [method, op] of Object.entries(methods))
      if (op.tags.includes('portal'))
        ops.push({
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          stringQuery: op.parameters.filter((p) => p.in === 'query' && p.schema.type === 'string').map((p) => p.name),
        });
  return ops;
}

test.before(async () => {
  mailbox = await startMailbox();
  s = await startTestServer({ stripe: true, env: { SMTP_URL: mailbox.url } });
  document = (await (await fetch(`${s.baseUrl}/api/v1/openapi.json`)).json()) as OpenApi;
  const owner = s.db.owner;
  const ada = await s.staffLogin(demoStaff.ada);
  const bea = await s.staffLogin(demoStaff.bea);
  const gina = s.portal('acme');
  await gina.auth.login(demo.gina);
  const ian = s.portal('bluebird');
  await ian.auth.login(demo.ian);
  const tenant = async (slug: string) => (await owner('tenants').where({ slug }).first()).id as string;
  const acme = await tenant('acme');
  const bluebird = await tenant('bluebird');
  const client = async (tenantId: string, number: number) =>
    (await owner('clients').where({ tenant_id: tenantId, number }).first()).id as string;
  const contact = async (email: string) => (await owner('contacts').where({ email }).first()).id as string;
  const firstInvoice = async (tenantId: string, clientId: string) =>
    (await owner('invoices').where({ tenant_id: tenantId, client_id: clientId }).whereNot({ status: 'draft' }).first())
      .id as string;
  const northwind = await client(acme, 1001);
  const globex = await client(acme, 1002);
  const initech = (await owner('clients').where({ tenant_id: bluebird }).first()).id as string;
  w = {
    s,
    ada,
    bea,
    gina,
    ian,
    acme,
    bluebird,
    northwind,
    globex,
    initech,
    nora: await contact(demo.nora.email),
    ginaId: await contact(demo.gina.email),
    ianId: await contact(demo.ian.email),
    invoices: {
      northwind: await firstInvoice(acme, northwind),
      globex: await firstInvoice(acme, globex),
      initech: await firstInvoice(bluebird, initech),
    },
  };
  await connectStripe(s, 'acme');
  await ada.contacts.update(w.nora, { permissions: [...PortalPermission.options] });
  absentTables = await runFixtures(w);
  // The preview link is made before the canaries (its row gets them), redeemed in the crawl.
  const link = await ada.impersonations.create(northwind, { reason: 'see what Nora sees' });
  previewToken = /#token=(cfl_[A-Za-z0-9_-]{43})$/.exec(link.url)![1]!;

  seed = await seedCanaries(
    owner,
    { tenantId: acme, clientId: northwind, contactId: w.nora },
    {
      tenantId: bluebird,
      clientId: globex,
    },
  );

  // Rows made after the pass carry canaries where the firm types its own words.
  const payable = await ada.invoices.create({
    client_id: northwind,
    lines: [{ description: 'Advice', quantity: '1', unit_price: 12_500 }],
    internal_note: canary('invoice internal note'),
  });
  await ada.invoices.send(payable.id);
  ids.payable = payable.id;
  // The firm's logo as its hosted page serves it (the demo seeds one; a made-up hash answers 404).
  ids.logo = (await ada.settings.retrieve()).logo?.url ?? `/clients/logo/${'0'.repeat(64)}.png`;
  ids.noraInvoices = (
    await owner('invoices').where({ tenant_id: acme, client_id: northwind }).whereNot({ status: 'draft' }).pluck('id')
  ).join(',');
  ids.draft = (await owner('invoices').where({ tenant_id: acme, client_id: northwind, status: 'draft' }).first()).id;
  ids.globexInvoice = w.invoices.globex;
  ids.initechInvoice = w.invoices.initech;
  const announcement = async (tenantId: string, published: boolean) =>
    (
      await owner('announcements')
        .where({ tenant_id: tenantId })
        .where((q) => (published ? q.whereNotNull('published_at') : q.whereNull('published_at')))
        .first()
    ).id as string;
  ids.announcement = await announcement(acme, true);
  ids.draftAnnouncement = await announcement(acme, false);
  ids.bluebirdAnnouncement = await announcement(bluebird, true);
  probes.invoiceNote = String((await owner('invoices').where({ id: w.invoices.globex }).first()).client_note);
  probes.staffEmail = String((await owner('staff_users').where({ tenant_id: acme }).first()).email);
});
test.after.always(async () => {
  await s?.close();
  await mailbox?.close();
});

test('every table has a fixture entry that gives the canary pass rows to write into', async (t) => {
  const missing = (await catalog(s.db.owner)).map((x) => x.name).filter((name) => !(name in fixtures));
  t.deepEqual(
    missing.map((name) => `${name}: add an entry "${name}" to fixtures in test/server/walls/fixtures.ts`),
    [],
  );
});

test('the canaries cover every column the portal must never show, and every refusal is explained', (t) => {
  t.true(probes.invoiceNote.includes(marker), probes.invoiceNote);
  t.true(probes.staffEmail.includes(marker), probes.staffEmail);
  t.deepEqual(
    seed.unexplained,
    {},
    'columns that refuse text: allow-list them in canaries.ts (refusals) with the reason',
  );
  t.deepEqual(seed.uncovered, []);
  t.true(seed.cells > 100, `${seed.cells} cells`);
  t.log(
    `canaries seeded: ${seed.cells} cells, secret numbers: ${seed.numbers}; skipped: ${JSON.stringify(seed.skipped, null, 1)}`,
  );
  if (absentTables.length) t.log(`fixtures waiting for their tables: ${absentTables.join(', ')}`);
});

test('every portal route of the OpenAPI document and every hosted page has a row in the crawl', (t) => {
  const operations = portalOperations().map((o) => o.key);
  t.deepEqual(
    operations.filter((k) => !(k in routes)).map((k) => `${k}: add a row to routes in canary-crawl.test.ts`),
    [],
  );
  t.deepEqual(
    Object.keys(routes).filter((k) => !operations.includes(k)),
    [],
    'rows for routes that no longer exist',
  );
  const mounted = routerPages();
  t.deepEqual(
    mounted.filter((p) => !(p in pages)).map((p) => `${p}: add a row to pages in canary-crawl.test.ts`),
    [],
  );
  t.deepEqual(
    Object.keys(pages).filter((p) => !mounted.includes(p)),
    [],
    'rows for pages that no longer exist',
  );
});

test.serial('Nora, in every session kind, sees no canary in any portal route, page or PDF', async (t) => {
  const operations = portalOperations();
  const statuses: string[] = [];
  for (const kind of kinds) {
    let token: string;
    if (kind === 'login') {
      const answer = await call(
        'POST',
        '/portal/auth/login',
        null,
        { body: { email: demo.nora.email, password }, expect: 200 },
        'login',
      );
      token = (answer.json as { session: { token: string } }).session.token;
    } else if (kind === 'preview') {
      const answer = await call(
        'POST',
        '/portal/auth/impersonation',
        null,
        { body: { token: previewToken }, expect: 200 },
        'redeem',
      );
      t.is(answer.status, 200, answer.text);
      token = (answer.json as { session: { token: string } }).session.token;
    } else {
      token = (await w.ada.portalSessions.create({ contact_id: w.nora })).token;
    }
    for (const [key, row] of Object.entries(routes)) {
      const op = operations.find((o) => o.key === key)!;
      counts.routes.add(key);
      const requests = row({ kind, token });
      for (const [i, r] of requests.entries()) {
        const where = `${kind} ${key} #${i}`;
        const answer = await call(op.method, op.path, token, r, where);
        if (answer.status !== r.expect)
          statuses.push(`${where}: ${answer.status} (expected ${r.expect}) ${answer.text.slice(0, 200)}`);
        if (key === 'POST /portal/auth/change-password' && answer.status === 204)
          password = (r.body as { new_password: string }).new_password;
      }
      // The canary as every string query parameter the route accepts: a search or filter that names it.
      if (key !== 'POST /portal/auth/logout')
        for (const name of op.stringQuery) {
          const where = `${kind} ${key} ?${name}=canary`;
          const answer = await call(
            op.method,
            op.path,
            token,
            { query: { [name]: probes.invoiceNote }, expect: 400, echo: probes.invoiceNote },
            where,
          );
          if (answer.status >= 500) statuses.push(`${where}: ${answer.status}`);
        }
    }
    // The hosted pages, with the session's cookie (logged out by now: load them with a fresh one too).
    const fresh = (await w.ada.portalSessions.create({ contact_id: w.nora })).token;
    for (const [path, url] of Object.entries(pages)) {
      for (const cookie of [token, fresh]) {
        const response = await fetchRetrying(`${kind} page ${path}`, `${s.baseUrl}${url()}`, {
          headers: { 'caseflow-tenant': 'acme', cookie: `caseflow_portal=${cookie}`, accept: 'text/html' },
          redirect: 'manual',
        });
        const headers = [...response.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
        scan(`${kind} page ${path}`, response.status, `${headers}\n${await response.text()}`);
        if (response.status >= 400) statuses.push(`${kind} page ${path}: ${response.status}`);
        counts.pages += 1;
      }
    }
  }
  t.deepEqual(statuses, []);
  t.deepEqual(leaks, []);
});

test.serial('every email Nora receives (welcome, reset, invoice sent, receipt) carries no canary', async (t) => {
  // A receipt: the last checkout the crawl opened is paid at the fake Stripe (its webhooks record the payment).
  const open = await s.db.owner('checkout_sessions').where({ invoice_id: ids.payable, status: 'open' }).first();
  t.truthy(open, 'the crawl opened a checkout');
  await s.stripe!.completeCheckout(open.stripe_session_id);
  await w.ada.contacts.enablePortalAccess(w.nora, { send_welcome: true });
  await s.server.jobs.drain();
  const mails = mailbox.messages.filter((m) => m.to.includes(demo.nora.email));
  for (const [i, m] of mails.entries()) {
    scan(`email #${i} ${m.subject}`, 200, `${m.raw}\n${m.headers}\n${m.subject}\n${m.text}\n${m.html}`);
    counts.emails += 1;
  }
  const subjects = new Set(mails.map((m) => m.subject.replace(/INV-\d+/, 'INV-#')));
  t.deepEqual([...subjects].sort(), [
    'Invoice INV-# from Acme Law',
    'Payment received: Invoice INV-#',
    'Reset your Acme Law portal password',
    'Your client portal at Acme Law',
  ]);
  t.deepEqual(leaks, []);
});

test.serial('the scan catches a canary that does reach the portal (so a clean crawl means something)', async (t) => {
  const before = leaks.length;
  const planted = canary('planted in a visible field');
  await setClientNote(s, ids.payable!, planted);
  const token = (await w.ada.portalSessions.create({ contact_id: w.nora })).token;
  await call('GET', '/portal/invoices/{id}', token, { params: { id: ids.payable! }, expect: 200 }, 'planted json');
  await call('GET', '/portal/invoices/{id}/pdf', token, { params: { id: ids.payable! }, expect: 200 }, 'planted pdf');
  const caught = leaks.splice(before);
  // Secret numbers, however formatted; not digits inside ids.
  t.is(findCanaries('Rate: $9,876,543.21 an hour').length, 1);
  t.is(findCanaries('Rate: 9 876 543,21 €').length, 1);
  t.deepEqual(findCanaries('id 0b9876543e-77, total 19876543'), []);
  t.deepEqual(
    caught.map((l) => [l.where, l.found.some((f) => f.includes(planted.split(' ')[1]!))]),
    [
      ['planted json', true],
      ['planted pdf', true],
    ],
  );
});

test.serial('the closing numbers', (t) => {
  t.log(
    `routes crawled: ${counts.routes.size} (${counts.requests} requests in ${kinds.length} session kinds); ` +
      `pages: ${counts.pages}; documents: ${counts.documents}; emails: ${counts.emails}; ` +
      `canaries seeded: ${seed.cells}; leaks: ${leaks.length}` +
      (counts.retries ? ` (${counts.retries} requests resent after a closed keep-alive socket)` : ''),
  );
  t.is(counts.routes.size, portalOperations().length);
  t.true(counts.documents >= 3 * noraInvoices().length);
  t.is(leaks.length, 0);
});
