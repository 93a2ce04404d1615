import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { browserTest, launchChromium, outputDir } from '../helpers/browser.js';
import { demo, startTestServer, type TestServer } from '../helpers/server.js';

const test = browserTest();

let s: TestServer;
let browser: Browser;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

test('a contact logs in on the hosted portal and reads their invoices from the widget', async (t) => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

  const origin = `http://acme.localhost:${s.server.port}`;
  await page.goto(`${origin}/clients/`);
  // No session yet: the portal sends us to the login page.
  await page.waitForURL(`${origin}/clients/login`);
  t.is(await page.title(), 'Log in · Acme Law');

  await page.fill('caseflow-login #email', demo.nora.email);
  await page.fill('caseflow-login #password', 'wrong-password');
  await page.click('caseflow-login [part="submit"]');
  await page.waitForSelector('caseflow-login [part="error"]:has-text("Email or password is incorrect.")');

  await page.fill('caseflow-login #password', demo.nora.password);
  await page.click('caseflow-login [part="submit"]');
  await page.waitForURL(`${origin}/clients/`);
  await page.click('caseflow-nav a[href="/clients/invoices"]');
  await page.waitForURL(`${origin}/clients/invoices`);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');

  // Locators pierce the open shadow root (functions passed to evaluate would be mangled by tsx).
  const rows: string[][] = [];
  for (const row of await page.locator('caseflow-invoice-list tr[part="row"]').all()) {
    const fields = ['number', 'status', 'total', 'amount-due'];
    rows.push(
      await Promise.all(fields.map(async (f) => (await row.locator(`[data-field="${f}"]`).textContent())!.trim())),
    );
  }
  t.deepEqual(rows, [
    ['INV-0006', 'Unpaid', '€214.20', '€214.20'],
    ['INV-0005', 'Unpaid', '$116.93', '$116.93'],
    ['INV-0002', 'Partially paid', '$1,625.00', '$1,125.00'],
    ['INV-0004', 'Cancelled', '$250.00', '$0.00'],
    ['INV-0003', 'Overdue', '$750.00', '$750.00'],
    ['INV-0001', 'Paid', '$1,350.00', '$0.00'],
  ]);
  // The session is an HttpOnly cookie: invisible to scripts.
  t.is(await page.evaluate(() => document.cookie), '');
  await page.screenshot({ path: path.join(outputDir('browser'), 'portal-invoices.png'), fullPage: true });

  await page.click('caseflow-account [part="button"]');
  await page.click('caseflow-account [part="logout"]');
  await page.waitForURL(`${origin}/clients/login`);
  t.deepEqual(
    errors.filter((e) => !e.includes('401')),
    [],
  );
  await page.close();
});

test('the hosted pages carry a strict CSP: the one inline script is the import map, allowed by its hash', async (t) => {
  const page = await browser.newPage();
  const response = await page.goto(`http://acme.localhost:${s.server.port}/clients/login`);
  const csp = response!.headers()['content-security-policy']!;
  const inline = await page.$$eval('script:not([src])', (scripts) =>
    scripts.map((x) => [x.getAttribute('type'), x.textContent!]),
  );
  t.is(inline.length, 1);
  t.is(inline[0]![0], 'importmap');
  const hash = createHash('sha256').update(inline[0]![1]!).digest('base64');
  t.true(csp.includes(`script-src 'self' 'sha256-${hash}';`), csp);
  t.true(csp.includes("frame-ancestors 'none'"));
  await page.close();
});
