/**
 * <caseflow-invoice>, <caseflow-announcements> and <caseflow-profile> on the
 * widget base, in Chromium on the hosted portal: an invoice that does not exist
 * is an error with no Retry (trying again cannot help), a server failure offers
 * Retry and Retry loads the invoice, each failure is announced once with
 * `caseflow-error`, and the announcements' empty state. Screenshots in
 * test-output/widget-states.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserTest, launchChromium, outputDir, logInOnHostedPortal } from '../helpers/browser.js';
import { demo, startTestServer, type TestServer } from '../helpers/server.js';

const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
let origin: string;
let invoiceId: string;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  origin = `http://acme.localhost:${s.server.port}`;
  const tenant = await s.db.owner('tenants').where({ slug: 'acme' }).first();
  invoiceId = (await s.db.owner('invoices').where({ tenant_id: tenant.id, number: 'INV-0002' }).first()).id;
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

/** Nora signed in on the hosted portal; the widgets' `caseflow-error` details are kept in `window.seen`. */
async function nora(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  // Init scripts run outside the page's CSP. A string, not a function: tsx would rewrite a function's body.
  await page.addInitScript(`
    window.seen = [];
    document.addEventListener('caseflow-error', (e) => window.seen.push(e.detail));
  `);
  await logInOnHostedPortal(page, origin, demo.nora);
  return page;
}

const seen = (page: Page) => page.evaluate('window.seen') as Promise<Record<string, unknown>[]>;
const text = async (page: Page, selector: string) =>
  ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(outputDir('widget-states'), `${name}.png`), fullPage: true });

test('an invoice that does not exist is an error without Retry, announced once', async (t) => {
  const page = await nora();
  await page.goto(`${origin}/clients/invoices/00000000-0000-4000-8000-000000000000`);
  await page.waitForSelector('caseflow-invoice [part="base"][data-state="error"]');
  const error = 'We could not find this invoice.';
  t.is(await text(page, 'caseflow-invoice [part="error"]'), error);
  t.is(await page.locator('caseflow-invoice [part="retry"]').count(), 0);
  t.is(await page.locator('caseflow-invoice [part="header"]').count(), 0);
  t.is(await text(page, 'caseflow-invoice [part="message"]'), '');
  t.deepEqual(await seen(page), [{ code: 'resource_missing', message: error, status: 404, retryable: false }]);
  await shot(page, 'invoice-not-found');
  await page.context().close();
});

test('a server failure offers Retry, and Retry loads the invoice', async (t) => {
  const page = await nora();
  const api = `**/api/v1/portal/invoices/${invoiceId}`;
  await page.route(api, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'unavailable', message: 'The service is unavailable.' } }),
    }),
  );
  await page.goto(`${origin}/clients/invoices/${invoiceId}`);
  await page.waitForSelector('caseflow-invoice [part="base"][data-state="error"]');
  t.is(await page.locator('caseflow-invoice [part="retry"]').count(), 1);
  const [failure] = await seen(page);
  t.like(failure, { status: 503, retryable: true });
  await shot(page, 'invoice-retry');

  await page.unroute(api);
  await page.click('caseflow-invoice [part="retry"]');
  await page.waitForSelector('caseflow-invoice [part="base"][data-state="ready"]');
  t.is(await text(page, 'caseflow-invoice [part="number"]'), 'Invoice INV-0002');
  t.is(await text(page, 'caseflow-invoice [part="error"]'), '');
  t.is(await page.locator('caseflow-invoice [part="retry"]').count(), 0);
  t.is((await seen(page)).length, 1);
  await page.context().close();
});

test('with no announcements the list says so, and the home page hides its unread list', async (t) => {
  const page = await nora();
  t.true(await page.locator('caseflow-announcements[unread-only]').isHidden());
  await page.goto(`${origin}/clients/announcements`);
  await page.waitForSelector('caseflow-announcements [part="base"][data-state="empty"]');
  t.is(await text(page, 'caseflow-announcements [part="message"]'), 'No announcements from your firm yet.');
  t.is(await page.locator('caseflow-announcements [part="list"]').count(), 0);
  t.deepEqual(await seen(page), []);
  await shot(page, 'announcements-empty');
  await page.context().close();
});

test('the profile shows the contact once the portal knows them', async (t) => {
  const page = await nora();
  await page.goto(`${origin}/clients/profile`);
  await page.waitForSelector('caseflow-profile [part="base"][data-state="ready"]');
  t.deepEqual(await page.locator('caseflow-profile [part="term"]').allTextContents(), [
    'Name',
    'Email',
    'Client',
    'Firm',
  ]);
  t.is(await text(page, 'caseflow-profile [part="value"][data-field="email"]'), demo.nora.email);
  t.is(await text(page, 'caseflow-profile [part="message"]'), '');
  await page.context().close();
});
