import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserTest, launchChromium, outputDir, logInOnHostedPortal } from '../helpers/browser.js';
import { setPlan } from '../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

// The identity pages (login, set-password, admin preview) and the navigation with
// the preview banner in light and dark mode, at a phone's and a laptop's width.
// The login page's portal is `theme="auto"`; the set-password and impersonate
// pages have no portal and take the tokens from portal.css on :root.
const test = browserTest().serial;

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

const origin = () => `http://acme.localhost:${s.server.port}`;
const screenshots = () => outputDir('browser/widgets-b');
// A token of the right shape: the pages show their form for it and spend nothing until submitted.
const unspentToken = `cfl_${'A'.repeat(43)}`;

type Scheme = 'light' | 'dark';
const schemes: Scheme[] = ['light', 'dark'];
const widths = [390, 1280];

// The tokens' values (sdk/theme.ts) as Chromium computes them.
const expected = {
  light: {
    surface: 'rgb(255, 255, 255)',
    text: 'rgb(31, 41, 55)',
    primary: 'rgb(29, 78, 216)',
    link: 'rgb(29, 78, 216)',
    border: 'rgb(209, 213, 219)',
  },
  dark: {
    surface: 'rgb(17, 26, 43)',
    text: 'rgb(229, 231, 235)',
    primary: 'rgb(29, 78, 216)',
    link: 'rgb(97, 131, 228)',
    border: 'rgb(51, 65, 85)',
  },
};

/** A new tab in the given colour scheme that records script errors (an expected status, by default the 401 of a page without session, is not one). */
async function openTab(scheme: Scheme, expectedStatus = '401'): Promise<{ page: Page; errors: () => string[] }> {
  const page = await browser.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const expectedError = new RegExp(
    `^Failed to load resource: the server responded with a status of ${expectedStatus} `,
  );
  return { page, errors: () => errors.filter((e) => !expectedError.test(e)) };
}

const computed = (
  locator: Locator,
  property: 'backgroundColor' | 'color' | 'borderInlineStartColor' | 'borderBlockStartColor',
) => locator.evaluate((element, name) => getComputedStyle(element)[name], property);

/** Whether the page is wider than its viewport (it must never scroll sideways). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Screenshots at each width in the current scheme; returns the widths at which the page scrolled sideways. */
async function shoot(page: Page, name: string, scheme: Scheme): Promise<number[]> {
  const overflowing: number[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    if (await scrollsSideways(page)) overflowing.push(width);
    await page.screenshot({ path: path.join(screenshots(), `${name}-${scheme}-${width}.png`), fullPage: true });
  }
  return overflowing;
}

for (const scheme of schemes) {
  test(`in ${scheme} mode the login form's inputs and button take the ${scheme} tokens`, async (t) => {
    const { page, errors } = await openTab(scheme);
    await page.goto(`${origin()}/clients/login`);
    const email = page.locator('caseflow-login #email');
    await email.waitFor();
    t.is(await computed(email, 'backgroundColor'), expected[scheme].surface);
    t.is(await computed(email, 'color'), expected[scheme].text);
    t.is(await computed(page.locator('caseflow-login [part~="label"]').first(), 'color'), expected[scheme].text);
    t.is(await computed(page.locator('caseflow-login [part="submit"]'), 'backgroundColor'), expected[scheme].primary);
    // The link-like button in the link colour: the primary one is too dark to read on the dark page.
    t.is(await computed(page.locator('caseflow-login [part="forgot-link"]'), 'color'), expected[scheme].link);
    t.deepEqual(await shoot(page, 'login', scheme), []);

    await page.click('caseflow-login [part="forgot-link"]');
    await page.locator('caseflow-login [part~="forgot-form"]').waitFor();
    t.deepEqual(await shoot(page, 'login-forgot', scheme), []);
    t.deepEqual(errors(), []);
    await page.close();
  });

  test(`in ${scheme} mode the set-password page, which has no portal, takes the ${scheme} tokens from the page`, async (t) => {
    const { page, errors } = await openTab(scheme);
    await page.goto(`${origin()}/clients/set-password#token=${unspentToken}`);
    const input = page.locator('caseflow-set-password #new-password');
    await input.waitFor();
    t.is(await computed(input, 'backgroundColor'), expected[scheme].surface);
    t.is(await computed(input, 'color'), expected[scheme].text);
    t.is(await page.locator('caseflow-set-password [part="base"]').getAttribute('data-state'), 'form');
    t.deepEqual(await shoot(page, 'set-password', scheme), []);

    await page.goto(`${origin()}/clients/set-password`);
    await page.locator('caseflow-set-password [part="base"][data-state="incomplete"]').waitFor();
    t.is(await computed(page.locator('caseflow-set-password [part="login-link"]'), 'color'), expected[scheme].link);
    await page.goto(`${origin()}/staff/set-password`);
    await page.locator('caseflow-set-password [part="base"][data-state="incomplete"]').waitFor();
    t.deepEqual(await shoot(page, 'set-password-incomplete', scheme), []);
    t.deepEqual(errors(), []);
    await page.close();
  });

  test(`in ${scheme} mode the admin preview page shows its button, and its help with the command in code`, async (t) => {
    const { page, errors } = await openTab(scheme);
    await page.goto(`${origin()}/clients/impersonate#token=${unspentToken}`);
    const submit = page.locator('caseflow-impersonate [part="submit"]');
    await submit.waitFor();
    t.is(await computed(submit, 'backgroundColor'), expected[scheme].primary);
    t.is(await computed(page.locator('caseflow-impersonate [part="intro"]'), 'color'), expected[scheme].text);
    t.deepEqual(await shoot(page, 'impersonate', scheme), []);

    await page.goto(`${origin()}/clients/impersonate`);
    await page.locator('caseflow-impersonate [part="base"][data-state="incomplete"]').waitFor();
    t.is(await page.locator('caseflow-impersonate [part="help"] code').textContent(), 'caseflow impersonate <client>');
    t.deepEqual(await shoot(page, 'impersonate-incomplete', scheme), []);
    t.deepEqual(errors(), []);
    await page.close();
  });

  test(`in ${scheme} mode a preview shows the banner above the navigation in the ${scheme} tokens`, async (t) => {
    const ada = await s.staffLogin(demoStaff.ada);
    const acme = (await s.db.owner('tenants').where({ slug: 'acme' }).first()).id as string;
    const northwind = (await s.db.owner('clients').where({ tenant_id: acme, number: 1001 }).first()).id as string;
    const link = await ada.impersonations.create(northwind, { reason: 'theme check' });

    const { page, errors } = await openTab(scheme);
    await page.goto(link.url);
    await page.click('caseflow-impersonate [part="submit"]');
    await page.waitForURL(`${origin()}/clients/`);
    const banner = page.locator('caseflow-preview-banner [part="banner"]');
    await banner.waitFor();
    await page.click('caseflow-nav a[href="/clients/invoices"]');
    await page.waitForURL(`${origin()}/clients/invoices`);
    await banner.waitFor();
    await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
    t.is(await computed(banner, 'color'), expected[scheme].text);
    t.is(await computed(page.locator('caseflow-nav a[aria-current="page"]'), 'color'), expected[scheme].text);
    // Screenshots only: the invoice list's table is not this test's subject.
    await shoot(page, 'preview-invoices', scheme);

    // The profile page has the same banner and navigation, and nothing else wide.
    await page.click('caseflow-nav a[href="/clients/profile"]');
    await page.waitForURL(`${origin()}/clients/profile`);
    await banner.waitFor();
    t.is(await page.locator('caseflow-nav a[aria-current="page"]').textContent(), 'Profile');
    t.deepEqual(await shoot(page, 'preview-nav', scheme), []);
    t.deepEqual(errors(), []);
    await page.close();
  });

  test(`in ${scheme} mode the navigation's upgrade prompt on the solo plan takes the ${scheme} tokens`, async (t) => {
    await setPlan(s, 'acme', 'solo');
    t.teardown(() => setPlan(s, 'acme', 'growth'));
    // On solo the API answers 402 to what the plan lacks (the home's summary asks for it).
    const { page, errors } = await openTab(scheme, '(401|402)');
    await logInOnHostedPortal(page, origin(), demo.gina);
    const upgrade = page.locator('caseflow-nav [part="upgrade"]');
    await upgrade.waitFor();
    t.is(await computed(upgrade, 'backgroundColor'), expected[scheme].surface);
    t.is(await computed(upgrade, 'color'), expected[scheme].text);
    t.is(await computed(upgrade, 'borderInlineStartColor'), expected[scheme].primary);
    t.is(await computed(upgrade, 'borderBlockStartColor'), expected[scheme].border);
    t.deepEqual(await shoot(page, 'nav-solo', scheme), []);
    t.deepEqual(errors(), []);
    await page.close();
  });
}
