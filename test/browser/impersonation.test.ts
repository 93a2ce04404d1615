import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { ImpersonationLink } from '../../sdk/schemas/impersonations.js';
import { browserTest, launchChromium, outputDir } from '../helpers/browser.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { setContact, setPlan } from '../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

// Login as client in Chromium: links made by `caseflow impersonate` (a real
// process with a real `caseflow login` profile) opened in tabs of one browser,
// next to a client's own cookie session. Serial: one browser, shared firms.
const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let adminEnv: NodeJS.ProcessEnv;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext();
  adminEnv = isolatedEnv();
  const login = await runCli(
    ['login', '--url', s.baseUrl, '--tenant', 'acme', '--email', demoStaff.ada.email, '--password-stdin'],
    adminEnv,
    { input: demoStaff.ada.password + '\n' },
  );
  if (login.code !== 0) throw new Error(login.stderr);
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

const origin = (firm: string) => `http://${firm}.localhost:${s.server.port}`;

/** `caseflow impersonate <number> --json`, as an admin would run it. */
async function impersonate(client: string, env = adminEnv): Promise<ImpersonationLink> {
  const result = await runCli(['impersonate', client, '--reason', 'browser test', '--json'], env);
  if (result.code !== 0) throw new Error(`caseflow impersonate exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ImpersonationLink;
}

/** The element's text with whitespace collapsed, once it equals `text` or after 10 s (whatever it is then). */
async function textOf(locator: Locator, text: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const seen = ((await locator.textContent({ timeout: 10_000 })) ?? '').replace(/\s+/g, ' ').trim();
    if (seen === text || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The invoice numbers the invoice list shows (on the Invoices page, opened first if need be), once it has rows. */
async function invoiceNumbers(page: Page): Promise<string[]> {
  if (new URL(page.url()).pathname !== '/clients/invoices')
    await page.goto(new URL('/clients/invoices', page.url()).href);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
  const numbers: string[] = [];
  for (const cell of await page.locator('caseflow-invoice-list tr[part="row"] [data-field="number"]').all()) {
    numbers.push((await cell.textContent())!.trim());
  }
  return numbers;
}

/** Opens a preview link in a new tab and presses the button, as the admin does. */
async function openPreview(link: ImpersonationLink): Promise<Page> {
  const page = await context.newPage();
  await page.goto(link.url);
  await page.click('caseflow-impersonate [part="submit"]');
  await page.waitForURL(`${origin('acme')}/clients/`);
  return page;
}

const banner = (page: Page) => page.locator('caseflow-preview-banner [part="banner"]');

test('two previews in two tabs each show their own client; a client’s own cookie session in a third tab is untouched', async (t) => {
  // Tab C: Nora logs in herself (cookie session).
  const own = await context.newPage();
  await own.goto(`${origin('acme')}/clients/login`);
  await own.fill('caseflow-login #email', demo.nora.email);
  await own.fill('caseflow-login #password', demo.nora.password);
  await own.click('caseflow-login [part="submit"]');
  await own.waitForURL(`${origin('acme')}/clients/`);
  const northwindInvoices = await invoiceNumbers(own);
  t.deepEqual(northwindInvoices, ['INV-0006', 'INV-0005', 'INV-0002', 'INV-0004', 'INV-0003', 'INV-0001']);
  const cookiesBefore = await context.cookies();
  t.is(cookiesBefore.length, 1);

  // Opening the link spends nothing: the page waits for the button.
  const northwindLink = await impersonate('1001');
  t.regex(northwindLink.url, new RegExp(`^${origin('acme')}/clients/impersonate#token=cfl_`));
  const a = await context.newPage();
  await a.goto(northwindLink.url);
  await a.waitForSelector('caseflow-impersonate [part="submit"]');
  const token = new URL(northwindLink.url).hash.slice('#token='.length);
  const [unspent] = await s.db.owner('one_time_tokens').where({ purpose: 'impersonation', used_at: null }).select('id');
  t.truthy(unspent);
  await a.click('caseflow-impersonate [part="submit"]');
  await a.waitForURL(`${origin('acme')}/clients/`);
  t.is(new URL(a.url()).hash, '');
  const b = await openPreview(await impersonate('1002'));

  t.deepEqual(await invoiceNumbers(a), northwindInvoices);
  t.is(
    await textOf(banner(a), 'Admin preview as Nora North · opened by Ada Admin; closing this tab ends it.'),
    'Admin preview as Nora North · opened by Ada Admin; closing this tab ends it.',
  );
  t.is(await banner(a).getAttribute('role'), 'status');
  t.deepEqual(await invoiceNumbers(b), ['INV-0007', 'INV-0008']);
  t.is(
    await textOf(banner(b), 'Admin preview as Gina Globex · opened by Ada Admin; closing this tab ends it.'),
    'Admin preview as Gina Globex · opened by Ada Admin; closing this tab ends it.',
  );
  // No stop action in a preview: the account menu has no Log out.
  await a.click('caseflow-account [part="button"]');
  t.true(await a.locator('caseflow-account [part="profile-link"]').isVisible());
  t.is(await a.locator('caseflow-account [part="logout"]').count(), 0);
  await own.click('caseflow-account [part="button"]');
  t.true(await own.locator('caseflow-account [part="logout"]').isVisible());

  // Reloads keep each tab's own preview; the cookie tab is still Nora herself.
  await a.reload();
  await b.reload();
  await own.reload();
  t.deepEqual(await invoiceNumbers(b), ['INV-0007', 'INV-0008']);
  t.deepEqual(await invoiceNumbers(a), northwindInvoices);
  t.is(
    await textOf(banner(a), 'Admin preview as Nora North · opened by Ada Admin; closing this tab ends it.'),
    'Admin preview as Nora North · opened by Ada Admin; closing this tab ends it.',
  );
  t.deepEqual(await invoiceNumbers(own), northwindInvoices);
  t.false(await own.locator('caseflow-preview-banner').isVisible());
  t.deepEqual(await context.cookies(), cookiesBefore);
  // The preview token is in the tab's sessionStorage, never in a cookie or another tab.
  t.regex((await a.evaluate(() => sessionStorage.getItem('caseflow.preview-token'))) ?? '', /^cfp_/);
  t.is(await own.evaluate(() => sessionStorage.getItem('caseflow.preview-token')), null);

  const sessions = await s.db
    .owner('sessions')
    .join('contacts', 'contacts.id', 'sessions.contact_id')
    .whereNull('sessions.revoked_at')
    .orderBy('sessions.created_at')
    .select('contacts.email', 'sessions.kind');
  t.deepEqual(sessions, [
    { email: demo.nora.email, kind: 'login' },
    { email: demo.nora.email, kind: 'preview' },
    { email: demo.gina.email, kind: 'preview' },
  ]);

  // The link was spent by the first tab: opening it again explains what to do.
  const again = await context.newPage();
  await again.goto(`${origin('acme')}/clients/impersonate#token=${token}`);
  await again.click('caseflow-impersonate [part="submit"]');
  const spent = 'This link has expired or was already used. Ask for a new one.';
  t.is(await textOf(again.locator('caseflow-impersonate [part="error"]'), spent), spent);
  await a.screenshot({ path: path.join(outputDir('browser'), 'impersonation-preview.png'), fullPage: true });

  // Afterwards the admin's CLI profile still works.
  const whoami = await runCli(['whoami', '--json'], adminEnv);
  t.is(whoami.code, 0, whoami.stderr);
  t.is(JSON.parse(whoami.stdout).principal.email, demoStaff.ada.email);
  const show = await runCli(['clients', 'show', '1001', '--json'], adminEnv);
  t.is(JSON.parse(show.stdout).name, 'Northwind Traders');
  for (const page of [a, b, own, again]) await page.close();
});

test('in the preview, announcements published before it opened are read; one marked read there reads as read but stores no read receipt', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const before = await ada.announcements.create({ title: 'Office move', body: 'We move on Monday.', publish: true });
  const page = await openPreview(await impersonate('1001'));
  const item = (id: string) => page.locator(`caseflow-announcements [part="item"][data-announcement-id="${id}"]`);
  // The home page lists unread announcements only: none, since opening the preview read them.
  await page.waitForSelector('caseflow-home [part="base"][data-state="ready"]');
  t.true(await page.locator('caseflow-announcements').isHidden());
  await page.goto(`${origin('acme')}/clients/announcements`);
  await item(before.id).waitFor();
  t.is(await item(before.id).getAttribute('data-read'), 'true');

  const after = await ada.announcements.create({ title: 'Holiday hours', body: 'Closed on the 24th.', publish: true });
  await page.goto(`${origin('acme')}/clients/`);
  await item(after.id).waitFor();
  t.is(await item(before.id).count(), 0);
  t.is(await item(after.id).getAttribute('data-read'), 'false');
  t.is(await item(after.id).locator('[part="unread"]').textContent(), 'New');
  await item(after.id).locator('[part="mark-read"]').click();
  await page.waitForSelector(
    `caseflow-announcements [part="item"][data-announcement-id="${after.id}"][data-read="true"]`,
  );
  // DESIGN §2: a preview records no read receipt; the client still sees it new.
  t.deepEqual(await s.db.owner('announcement_reads').where({ announcement_id: after.id }).select('contact_id'), []);
  t.deepEqual(
    await s.db.owner('audit_events').where({ action: 'announcement.read', subject_id: after.id }).select('id'),
    [],
  );
  await page.close();
});

test('on the solo plan the preview opens and the portal shows the upgrade prompt', async (t) => {
  await setPlan(s, 'acme', 'solo');
  try {
    const page = await openPreview(await impersonate('1001'));
    const upgrade = "Your firm's plan does not include the client portal. Please ask Acme Law to upgrade.";
    t.is(await textOf(page.locator('caseflow-nav [part="upgrade"]'), upgrade), upgrade);
    t.is(await page.locator('caseflow-invoice-list').count(), 0);
    t.is(
      await textOf(banner(page), 'Admin preview as Nora North · opened by Ada Admin; closing this tab ends it.'),
      'Admin preview as Nora North · opened by Ada Admin; closing this tab ends it.',
    );
    await page.close();
  } finally {
    await setPlan(s, 'acme', 'growth');
  }
});

test('a preview that ends (the contact deactivated) sends the tab to the login page and is forgotten', async (t) => {
  const page = await openPreview(await impersonate('1002'));
  await invoiceNumbers(page);
  const gina = await s.db.owner('contacts').where({ email: demo.gina.email }).first();
  await setContact(s, gina, { active: false });
  try {
    await page.reload();
    await page.waitForURL(`${origin('acme')}/clients/login`);
    t.is(await page.evaluate(() => sessionStorage.getItem('caseflow.preview-token')), null);
  } finally {
    await setContact(s, gina, { active: true });
  }
  await page.close();
});
