import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { prepareDemoFirm } from '../../cli/embed-demo/demo-firm.js';
import { startEmbedDemo, type EmbedDemo } from '../../cli/embed-demo/server.js';
import { tokenPlaceholder } from '../../cli/embed-demo/page.js';
import { browserTest, launchChromium, outputDir } from '../helpers/browser.js';
import { aClient, aContact, aFirm, anApiKey } from '../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

/**
 * The embed demo page (cli/embed-demo/), as `caseflow serve` starts it in
 * development: every widget in each state — loading (the API's answers held),
 * empty (a firm, client and contact with nothing yet), error (500, 404, no
 * answer) and data (the demo firm) — with screenshots in test-output/embed-demo.
 */
const test = browserTest();
const shots = outputDir('embed-demo');

let s: TestServer;
let browser: Browser;
/** The demo as development runs it: Acme Law, Nora's session, Ada's key. */
let acme: EmbedDemo & { apiKey: string };
/** The same page for a new firm whose only contact has no invoice, payment or announcement. */
let empty: EmbedDemo & { contactName: string };

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  let apiKey = '';
  const demoFirm = {
    api: s.baseUrl,
    tenant: 'acme',
    staff: demoStaff.ada,
    contactEmail: demo.nora.email,
  };
  const acmeDemo = await startEmbedDemo({
    api: s.baseUrl,
    portal: `http://acme.localhost:${s.server.port}`,
    tenant: 'acme',
    setup: async (origin) => {
      const session = await prepareDemoFirm(demoFirm, origin);
      apiKey = session.apiKey;
      return session;
    },
  });
  acme = { ...acmeDemo, apiKey };

  const { tenant } = await aFirm(s, { plan: 'growth' });
  const { token: key } = await anApiKey(s, { firm: tenant.slug, role: 'admin' });
  const admin = s.admin(tenant.slug, key);
  const client = await aClient(s, { admin, name: 'Empty Holdings' });
  const contact = await aContact(s, {
    admin,
    client,
    first_name: 'Ema',
    last_name: 'Empty',
    password: 'empty-portal-2026',
  });
  const emptyDemo = await startEmbedDemo({
    api: s.baseUrl,
    portal: `http://${tenant.slug}.localhost:${s.server.port}`,
    tenant: tenant.slug,
    setup: async (origin) => {
      await admin.settings.update({ allowed_origins: [origin] });
      return { apiKey: key, contactId: contact.id, signedInAs: 'Ema Empty, Empty Holdings' };
    },
  });
  empty = { ...emptyDemo, contactName: 'Ema Empty' };
});
test.after.always(async () => {
  await browser?.close();
  await acme?.close();
  await empty?.close();
  await s?.close();
});

const sections = ['default', 'branded', 'dark'] as const;
type Section = (typeof sections)[number];

/** A widget's `base` part in one themed block (Playwright's CSS pierces the open shadow roots). */
const base = (tab: Page, section: Section, tag: string) => tab.locator(`#${section} ${tag} [part="base"]`).first();
const part = (tab: Page, section: Section, tag: string, name: string) =>
  tab.locator(`#${section} ${tag} [part~="${name}"]`).first();
const text = async (tab: Page, selector: string) => (await tab.locator(selector).first().textContent())?.trim();
const texts = async (tab: Page, selector: string) =>
  (await tab.locator(selector).allTextContents()).map((t) => t.trim());

/** The loading widgets, with the words each says while loading and when it has nothing. */
const loading = [
  {
    tag: 'caseflow-home',
    loading: 'Loading your summary…',
    empty: 'You are all caught up: nothing is waiting for you.',
  },
  { tag: 'caseflow-invoice-list', loading: 'Loading invoices…', empty: 'No invoices yet.' },
  { tag: 'caseflow-invoice', loading: 'Loading the invoice…' },
  { tag: 'caseflow-payment-history', loading: 'Loading payments…', empty: 'No payments yet.' },
  { tag: 'caseflow-announcements', loading: 'Loading announcements…', empty: 'No announcements from your firm yet.' },
];

/**
 * Every widget's state in one block: the `data-state` of its `base` part (the
 * gate's `access`, the banner's `hidden`), once each reached `want` or 10 s
 * passed, so one comparison shows every widget that differs.
 */
async function statesIn(
  tab: Page,
  section: Section | 'public',
  want: Record<string, string>,
): Promise<Record<string, string | null>> {
  const selector = (tag: string, state: string) =>
    tag === 'caseflow-gate'
      ? `#${section} caseflow-gate[access="${state}"]`
      : `#${section} ${tag} [part="base"][data-state="${state}"]`;
  await Promise.all(
    Object.entries(want).map(([tag, state]) =>
      tab.waitForSelector(selector(tag, state), { state: 'attached', timeout: 10_000 }).catch(() => undefined),
    ),
  );
  const found: Record<string, string | null> = {};
  for (const tag of Object.keys(want)) {
    found[tag] =
      tag === 'caseflow-gate'
        ? await tab.locator(`#${section} caseflow-gate`).getAttribute('access')
        : await tab
            .locator(`#${section} ${tag} [part="base"]`)
            .first()
            .getAttribute('data-state', { timeout: 1_000 })
            .catch(() => null);
  }
  return found;
}

/** The same state for every loading widget. */
const all = (state: string) => Object.fromEntries(loading.map(({ tag }) => [tag, state]));

interface Opened {
  tab: Page;
  /** Console messages about the page's Content-Security-Policy. */
  cspViolations: string[];
  /** Every console error. */
  errors: string[];
}

async function open(demoPage: EmbedDemo, setup?: (tab: Page) => Promise<void>): Promise<Opened> {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cspViolations: string[] = [];
  const errors: string[] = [];
  tab.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await setup?.(tab);
  await tab.goto(`${demoPage.origin}/`);
  await tab.waitForFunction(() => customElements.get('caseflow-invoice-list') !== undefined);
  return { tab, cspViolations, errors };
}

async function shoot(tab: Page, name: string): Promise<void> {
  await tab.screenshot({ path: path.join(shots, `${name}-page.png`), fullPage: true });
  for (const section of sections) {
    await tab.locator(`#${section}`).screenshot({ path: path.join(shots, `${name}-${section}.png`) });
  }
}

/** Answers the API calls `matches` picks with `answer`, letting CORS preflights through to the server. */
async function answerApi(
  tab: Page,
  matches: (pathname: string) => boolean,
  answer: (route: Route) => Promise<void>,
): Promise<void> {
  await tab.route(
    (url) => matches(url.pathname),
    (route) => (route.request().method() === 'OPTIONS' ? route.continue() : answer(route)),
  );
}

const envelope = (demoPage: EmbedDemo, status: number, body: object) => (route: Route) =>
  route.fulfill({
    status,
    contentType: 'application/json',
    headers: { 'access-control-allow-origin': demoPage.origin, vary: 'Origin' },
    body: JSON.stringify({ error: { ...body, request_id: 'req_embed_demo_test' } }),
  });
const serverError = { type: 'api_error', code: 'internal_error', message: 'Something went wrong on our side.' };
const notFound = { type: 'not_found', code: 'resource_missing', message: 'No such resource.' };
const invoiceDetail = /^\/api\/v1\/portal\/invoices\/[0-9a-f-]{36}$/;
const portalData = (pathname: string) => pathname.startsWith('/api/v1/portal/') && pathname !== '/api/v1/portal/me';

test.serial(
  'data: every widget shows the demo firm’s records, in the default theme, the appearance theme and dark',
  async (t) => {
    const { tab, cspViolations, errors } = await open(acme);
    const ready = {
      ...all('ready'),
      'caseflow-profile': 'ready',
      'caseflow-nav': 'ready',
      'caseflow-gate': 'granted',
    };
    const states: Record<string, Record<string, string | null>> = {};
    for (const section of sections) states[section] = await statesIn(tab, section, ready);
    await shoot(tab, 'data');
    for (const section of sections) {
      t.deepEqual(states[section], ready, section);
      const [balance, overdue, nextDue, unread] = await texts(tab, `#${section} caseflow-home [part~="figure"]`);
      t.deepEqual(
        [balance, overdue, unread],
        ['Balance due €214.20$1,991.93', 'Overdue invoices 1', 'Unread announcements 1'],
      );
      // INV-0003 fell due 30 days ago (the demo's dates follow today's).
      t.regex(nextDue ?? '', /^Next due INV-0003, \$750\.00, due [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
      t.deepEqual(
        await texts(tab, `#${section} caseflow-home [part~="waiting-item"]`),
        ['1 overdue invoice', '3 invoices to pay', '1 unread announcement'],
        section,
      );
      t.deepEqual(await texts(tab, `#${section} caseflow-invoice-list [data-field="number"]`), [
        'INV-0006',
        'INV-0005',
        'INV-0002',
        'INV-0004',
        'INV-0003',
        'INV-0001',
      ]);
      t.is(await text(tab, `#${section} caseflow-invoice [part~="number"]`), 'Invoice INV-0006', section);
      t.deepEqual(await texts(tab, `#${section} caseflow-payment-history [data-field="invoice"]`), [
        'INV-0002',
        'INV-0001',
      ]);
      t.deepEqual(await texts(tab, `#${section} caseflow-payment-history [data-field="amount"]`), [
        '$500.00',
        '$1,350.00',
      ]);
      t.deepEqual(await texts(tab, `#${section} caseflow-announcements [part~="title"]`), [
        'Welcome to your client portalNew',
      ]);
      t.deepEqual(await texts(tab, `#${section} caseflow-profile [part~="value"]`), [
        'Nora North',
        'nora@northwind.example',
        'Northwind Traders',
        'Acme Law',
      ]);
      t.deepEqual(await tab.locator(`#${section} caseflow-nav a:visible`).allTextContents(), [
        'Invoices',
        'Payments',
        'Profile',
      ]);
      t.is(await text(tab, `#${section} caseflow-gate p`), 'You may see your invoices.');
      t.true(await tab.locator(`#${section} caseflow-preview-banner`).evaluate((e) => (e as HTMLElement).hidden));
    }
    // The appearance from /appearance.js and the dark theme reach the widgets through the tokens.
    const primary = (section: Section) =>
      tab
        .locator(`#${section} caseflow-portal`)
        .evaluate((e) => getComputedStyle(e).getPropertyValue('--caseflow-color-primary').trim());
    t.is(await primary('branded'), '#7c3aed');
    t.is(
      await base(tab, 'branded', 'caseflow-invoice-list').evaluate((e) => getComputedStyle(e).fontFamily),
      'Georgia, serif',
    );
    t.is(await tab.locator('#dark caseflow-portal').getAttribute('theme'), 'dark');
    const surface = (section: Section) =>
      base(tab, section, 'caseflow-invoice-list').evaluate((e) =>
        getComputedStyle(e).getPropertyValue('--caseflow-color-surface').trim(),
      );
    t.is(await surface('default'), '#ffffff');
    t.is(await surface('dark'), '#111a2b');
    // Signed in by a token the backend minted; its API key never reaches the page.
    const html = await tab.content();
    t.false(html.includes(acme.apiKey));
    t.regex((await tab.locator('#default caseflow-portal').getAttribute('token')) ?? '', /^cfp_/);
    t.deepEqual(cspViolations, []);
    t.deepEqual(errors, []);
    await tab.close();
  },
);

test.serial(
  'data: the page tells a firm’s developer what each block shows and gives the snippets to copy, as text',
  async (t) => {
    const { tab } = await open(acme);
    const page = await (await fetch(`${acme.origin}/`)).text();
    const head =
      /<link rel="stylesheet" href="\/demo.css">\n([\s\S]*?)\n<script type="module" src="\/appearance.js">/.exec(
        page,
      )![1]!;
    t.is(await text(tab, '#load pre code'), head);
    const snippet = await text(tab, '#dark pre code');
    t.true(
      snippet!.startsWith(
        `<caseflow-portal base-url="http://acme.localhost:${s.server.port}" token="${tokenPlaceholder}" theme="dark">`,
      ),
    );
    t.true(snippet!.includes('  <caseflow-invoice-list limit="10"></caseflow-invoice-list>'));
    t.is(
      await text(tab, '#default [data-widget="caseflow-payment-history"] > p'),
      'Every payment on the client’s invoices, newest first.',
    );
    const widgets = await tab
      .locator('#default [data-widget]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-widget')));
    t.deepEqual(widgets, [
      'caseflow-home',
      'caseflow-invoice',
      'caseflow-invoice-list',
      'caseflow-payment-history',
      'caseflow-announcements',
      'caseflow-profile',
      'caseflow-nav',
      'caseflow-account',
      'caseflow-gate',
      'caseflow-preview-banner',
    ]);
    t.deepEqual(
      await tab.locator('#public [data-widget]').evaluateAll((els) => els.map((e) => e.getAttribute('data-widget'))),
      ['caseflow-login', 'caseflow-set-password', 'caseflow-impersonate'],
    );
    await tab.close();
  },
);

test.serial(
  'data: on a 390 px phone the page never scrolls sideways: wide tables scroll inside their own card',
  async (t) => {
    const { tab } = await open(acme);
    await tab.setViewportSize({ width: 390, height: 900 });
    const ready = { ...all('ready'), 'caseflow-profile': 'ready' };
    t.deepEqual(await statesIn(tab, 'dark', ready), ready);
    await tab.locator('#default').screenshot({ path: path.join(shots, 'data-default-390.png') });
    t.is(await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await tab.close();
  },
);

test.serial('loading: with the API’s answers held, every widget says it is loading', async (t) => {
  const held: Route[] = [];
  const { tab } = await open(acme, (tab) =>
    answerApi(
      tab,
      (p) => p.startsWith('/api/v1/portal/'),
      async (route) => void held.push(route),
    ),
  );
  const want = {
    ...all('loading'),
    'caseflow-profile': 'loading',
    'caseflow-nav': 'pending',
    'caseflow-gate': 'pending',
  };
  const states = await statesIn(tab, 'default', want);
  await shoot(tab, 'loading');
  t.deepEqual(states, want);
  for (const { tag, loading: words } of [...loading, { tag: 'caseflow-profile', loading: 'Loading your profile…' }]) {
    t.is(await text(tab, `#default ${tag} [part~="message"]`), words, tag);
  }
  // Until the profile says which sections the contact may see, only the link without a section shows.
  t.deepEqual(await tab.locator('#default caseflow-nav a:visible').allTextContents(), ['Profile']);
  t.true(held.some((r) => new URL(r.request().url()).pathname === '/api/v1/portal/me'));
  await tab.close();
});

test.serial('empty: a contact with no invoice, payment or announcement sees the empty messages', async (t) => {
  const { tab, cspViolations } = await open(empty);
  const { 'caseflow-invoice': _one, ...lists } = all('empty');
  const want = { ...lists, 'caseflow-profile': 'ready', 'caseflow-nav': 'ready', 'caseflow-gate': 'granted' };
  const states = await statesIn(tab, 'default', want);
  await shoot(tab, 'empty');
  t.deepEqual(states, want);
  for (const { tag, empty: words } of loading.filter((w) => w.empty)) {
    t.is(await text(tab, `#default ${tag} [part~="message"]`), words, tag);
  }
  t.is(await tab.locator('#default caseflow-invoice').count(), 0);
  t.is(
    await text(tab, '#default [data-widget="caseflow-invoice"] .unavailable'),
    'This client has no invoice yet, so there is none to show.',
  );
  t.is(await text(tab, '#default caseflow-profile [data-field="name"]'), empty.contactName);
  t.deepEqual(cspViolations, []);
  await tab.close();
});

test.serial(
  'error: a 500 shows the server’s message and Retry, and Retry loads the data once the server answers',
  async (t) => {
    const { tab } = await open(acme, (tab) => answerApi(tab, portalData, envelope(acme, 500, serverError)));
    const states = await statesIn(tab, 'default', all('error'));
    await shoot(tab, 'error-500');
    t.deepEqual(states, all('error'));
    for (const { tag } of loading) {
      t.is(await text(tab, `#default ${tag} [part~="error"]`), serverError.message, tag);
      t.true(await part(tab, 'default', tag, 'retry').isVisible(), tag);
    }
    await tab.unrouteAll();
    await part(tab, 'default', 'caseflow-invoice-list', 'retry').click();
    await tab.waitForSelector('#default caseflow-invoice-list [part="base"][data-state="ready"]');
    t.is(await tab.locator('#default caseflow-invoice-list tr[part="row"]').count(), 6);
    t.is(await part(tab, 'default', 'caseflow-invoice-list', 'retry').count(), 0);
    await tab.close();
  },
);

test.serial('error: a 404 shows the server’s message without Retry: trying again cannot find it', async (t) => {
  // The one invoice is asked for under an id that does not exist: the server's own 404. The lists get a 404 too.
  const { tab } = await open(acme, (tab) =>
    answerApi(tab, portalData, (route) => {
      const url = new URL(route.request().url());
      if (!invoiceDetail.test(url.pathname)) return envelope(acme, 404, notFound)(route);
      url.pathname = `/api/v1/portal/invoices/${crypto.randomUUID()}`;
      return route.continue({ url: url.href });
    }),
  );
  const states = await statesIn(tab, 'default', all('error'));
  await shoot(tab, 'error-404');
  t.deepEqual(states, all('error'));
  for (const { tag } of loading) {
    t.is(
      await text(tab, `#default ${tag} [part~="error"]`),
      tag === 'caseflow-invoice' ? 'We could not find this invoice.' : notFound.message,
      tag,
    );
    t.is(await part(tab, 'default', tag, 'retry').count(), 0, tag);
  }
  await tab.close();
});

test.serial(
  'error: with no answer at all, the widgets say the server could not be reached and offer Retry',
  async (t) => {
    const { tab } = await open(acme, (tab) => answerApi(tab, portalData, (route) => route.abort('connectionrefused')));
    const states = await statesIn(tab, 'default', all('error'));
    await shoot(tab, 'error-no-answer');
    t.deepEqual(states, all('error'));
    for (const { tag } of loading) {
      t.is(
        await text(tab, `#default ${tag} [part~="error"]`),
        'Could not reach the server. Check your connection and try again.',
        tag,
      );
      t.true(await part(tab, 'default', tag, 'retry').isVisible(), tag);
    }
    await tab.close();
  },
);

test.serial('without a session: the sign-in form, and the link pages saying their link is incomplete', async (t) => {
  const { tab } = await open(acme);
  await tab.waitForSelector('#public caseflow-login #email');
  t.is(await text(tab, '#public caseflow-login [part~="submit"]'), 'Sign in');
  t.is(
    await text(tab, '#public caseflow-set-password [part~="error"]'),
    'This link is incomplete. Open it again from your email, or copy the whole address into your browser.',
  );
  t.is(
    await tab.locator('#public caseflow-set-password [part~="login-link"]').getAttribute('href'),
    `http://acme.localhost:${s.server.port}/clients/login`,
  );
  t.regex(
    (await text(tab, '#public caseflow-impersonate [part~="help"]')) ?? '',
    /^Ask for a new link with `?caseflow impersonate <client>`?: each link works once, for two minutes\.$/,
  );
  await tab.locator('#public').screenshot({ path: path.join(shots, 'public.png') });
  await tab.close();
});
