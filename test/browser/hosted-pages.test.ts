import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { browserTest, launchChromium, logInOnHostedPortal, outputDir } from '../helpers/browser.js';
import { anAnnouncement, updateFirm, updateSettings } from '../helpers/factories/index.js';
import { WIDTHS, axeViolations, settled, sidewaysOverflow } from '../helpers/page-checks.js';
import { demo, startTestServer, type TestServer } from '../helpers/server.js';

// Every hosted page, as a client's browser shows it: at each width from a
// small phone to a desktop, light and dark, no sideways scrolling and no axe
// violation; screenshots at 390 and 1,280 px to look at. Serial: one browser,
// two cores shared by several people.
const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
const signedIn: Record<Scheme, BrowserContext> = {} as never;
const anonymous: Record<Scheme, BrowserContext> = {} as never;
let invoiceId: string;

type Scheme = 'light' | 'dark';
const SCHEMES: Scheme[] = ['light', 'dark'];
const SCREENSHOT_WIDTHS = new Set<number>([390, 1280]);
const shots = () => outputDir('hosted-pages');

const origin = (firm = 'acme') => `http://${firm}.localhost:${s.server.port}`;

test.before(async () => {
  s = await startTestServer();
  // Real-looking footer details, a long word in the name and email to wrap.
  await updateFirm(s, 'acme', { name: 'Acme Law Partners Attorneys-at-Law-and-Solicitors' });
  await updateSettings(s, 'acme', {
    address: 'Acme Law LLP\n1 Fleet Street\nLondon EC4Y 1AA\nUnited Kingdom',
    phone: '+44 20 7946 0000',
    email: 'client-services.department@acme-law-partners.example',
    website: 'https://www.acme-law-partners.example',
  });
  await anAnnouncement(s, {
    title: 'Our office is closed on 24 December',
    body: 'We reopen on 27 December. For anything urgent, call the number at the foot of this page.',
  });
  await anAnnouncement(s, { title: 'New client portal', body: 'Your invoices and payments are now here.' });
  browser = await launchChromium();
  for (const scheme of SCHEMES) {
    anonymous[scheme] = await browser.newContext({ colorScheme: scheme });
    signedIn[scheme] = await browser.newContext({ colorScheme: scheme });
    const page = await signedIn[scheme].newPage();
    await logInOnHostedPortal(page, origin(), demo.nora);
    await page.close();
  }
  const portal = s.portal('acme');
  await portal.auth.login({ email: demo.nora.email, password: demo.nora.password });
  invoiceId = (await portal.invoices.list({ limit: 100 })).data.find((i) => i.number === 'INV-0002')!.id;
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

interface HostedPage {
  name: string;
  path: () => string;
  signedIn: boolean;
  status?: number;
  host?: string;
}

const pages: HostedPage[] = [
  { name: 'login', path: () => '/clients/login', signedIn: false },
  { name: 'home', path: () => '/clients/', signedIn: true },
  { name: 'invoices', path: () => '/clients/invoices', signedIn: true },
  { name: 'invoice', path: () => `/clients/invoices/${invoiceId}`, signedIn: true },
  { name: 'payments', path: () => '/clients/payments', signedIn: true },
  { name: 'announcements', path: () => '/clients/announcements', signedIn: true },
  { name: 'profile', path: () => '/clients/profile', signedIn: true },
  { name: 'set-password', path: () => '/clients/set-password', signedIn: false },
  { name: 'reset-password', path: () => '/clients/reset-password', signedIn: false },
  { name: 'staff-set-password', path: () => '/staff/set-password', signedIn: false },
  { name: 'impersonate', path: () => '/clients/impersonate', signedIn: false },
  { name: 'error-unknown-page', path: () => '/clients/nope', signedIn: true, status: 404 },
  { name: 'error-bad-id', path: () => '/clients/invoices/not-a-uuid', signedIn: true, status: 404 },
  { name: 'error-unknown-firm', path: () => '/clients/', signedIn: false, status: 404, host: 'nofirm' },
];

for (const hosted of pages) {
  test(`the ${hosted.name} page fits every width from 320 to 1,280 px without an axe violation, light and dark`, async (t) => {
    const problems: string[] = [];
    for (const scheme of SCHEMES) {
      const page = await (hosted.signedIn ? signedIn : anonymous)[scheme].newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        const response = await page.goto(`${origin(hosted.host)}${hosted.path()}`);
        t.is(response!.status(), hosted.status ?? 200);
        await settled(page);
        if (!hosted.signedIn || hosted.status) t.is(new URL(page.url()).pathname, hosted.path());
        const overflow = await sidewaysOverflow(page);
        if (overflow !== 0) problems.push(`${scheme} ${width}px: scrolls ${overflow}px sideways`);
        for (const violation of await axeViolations(page)) problems.push(`${scheme} ${width}px: ${violation}`);
        if (SCREENSHOT_WIDTHS.has(width))
          await page.screenshot({ path: path.join(shots(), `${hosted.name}-${width}-${scheme}.png`), fullPage: true });
      }
      t.deepEqual(errors, []);
      await page.close();
    }
    t.deepEqual(problems, []);
  });
}

test('every page has one banner, one navigation, one main and one contentinfo landmark, and the skip link first', async (t) => {
  const page = await signedIn.light.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${origin()}/clients/`);
  await settled(page);
  const count = (selector: string) => page.locator(selector).count();
  t.deepEqual(
    [await count('header'), await count('caseflow-nav nav'), await count('main'), await count('footer')],
    [1, 1, 1, 1],
  );
  await page.keyboard.press('Tab');
  t.is(await page.evaluate('document.activeElement.textContent'), 'Skip to content');
  await page.keyboard.press('Enter');
  t.is(await page.evaluate('document.activeElement.id'), 'main');
  await page.close();
});

test('the footer shows the firm’s address on several lines, its phone, email and website as links', async (t) => {
  const page = await signedIn.light.newPage();
  await page.goto(`${origin()}/clients/profile`);
  await settled(page);
  t.is(
    await page.locator('footer address').innerText(),
    'Acme Law LLP\n1 Fleet Street\nLondon EC4Y 1AA\nUnited Kingdom',
  );
  const links: [string, string][] = [];
  for (const link of await page.locator('footer .cf-contact a').all())
    links.push([(await link.locator('.cf-value').textContent())!, (await link.getAttribute('href'))!]);
  t.deepEqual(links, [
    ['+44 20 7946 0000', 'tel:+442079460000'],
    [
      'client-services.department@acme-law-partners.example',
      'mailto:client-services.department@acme-law-partners.example',
    ],
    ['www.acme-law-partners.example', 'https://www.acme-law-partners.example/'],
  ]);
  await page.close();
});

test('the home page links to every announcement, also when none is unread; read ones stay listed without the New badge', async (t) => {
  const page = await signedIn.light.newPage();
  await page.goto(`${origin()}/clients/`);
  await settled(page);
  t.is(await page.locator('main .cf-all a[href="/clients/announcements"]').textContent(), 'All announcements');
  await page.goto(`${origin()}/clients/announcements`);
  await settled(page);
  const items = page.locator('caseflow-announcements [part="item"]');
  const total = await items.count();
  t.true(total > 0);
  // Read them all: each stays in the list, its badge gone.
  for (;;) {
    const button = page.locator('caseflow-announcements [part="mark-read"]:not([disabled])').first();
    if (!(await button.count())) break;
    await button.click();
    await page.waitForTimeout(200);
  }
  t.is(await items.count(), total);
  t.is(await page.locator('caseflow-announcements [part="unread"]').count(), 0);
  t.is(await page.locator('caseflow-nav a[aria-current="page"]').textContent(), 'Announcements');
  await page.goto(`${origin()}/clients/`);
  await settled(page);
  t.true(await page.locator('caseflow-announcements[unread-only]').isHidden());
  t.true(await page.locator('main .cf-all a[href="/clients/announcements"]').isVisible());
});

test('on a phone the navigation is a menu button: Enter opens it, Escape closes it and gives focus back', async (t) => {
  const page = await signedIn.light.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${origin()}/clients/invoices`);
  await settled(page);
  const toggle = page.locator('caseflow-nav [part="toggle"]');
  const links = page.locator('caseflow-nav [part="links"]');
  t.is(await toggle.getAttribute('aria-expanded'), 'false');
  t.is(await toggle.getAttribute('aria-controls'), 'links');
  t.true(await links.isHidden());
  await toggle.focus();
  await page.keyboard.press('Enter');
  t.is(await toggle.getAttribute('aria-expanded'), 'true');
  t.deepEqual(await page.locator('caseflow-nav a:visible').allTextContents(), [
    'Home',
    'Invoices',
    'Payments',
    'Announcements',
    'Profile',
  ]);
  t.is(await page.locator('caseflow-nav a[aria-current="page"]').textContent(), 'Invoices');
  await page.screenshot({ path: path.join(shots(), 'nav-menu-open-390-light.png') });
  await page.keyboard.press('Tab');
  t.is(await page.evaluate('document.activeElement.textContent'), 'Home');
  await page.keyboard.press('Escape');
  t.is(await toggle.getAttribute('aria-expanded'), 'false');
  t.true(await links.isHidden());
  t.is(await page.evaluate('document.activeElement.shadowRoot?.activeElement?.getAttribute("part")'), 'toggle');

  // On a desktop the links are always there and the button is not.
  await page.setViewportSize({ width: 1280, height: 800 });
  t.true(await toggle.isHidden());
  t.true(await links.isVisible());
  await page.close();
});

test('the account menu shows the contact’s name and opens by keyboard; Tab moves out, Escape returns, Log out signs out', async (t) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logInOnHostedPortal(page, origin(), demo.nora);
  await settled(page);
  const button = page.locator('caseflow-account [part="button"]');
  const menu = page.locator('caseflow-account [part="menu"]');
  t.is((await button.textContent())!.trim(), 'Nora North');
  t.is(await button.getAttribute('aria-expanded'), 'false');
  t.true(await menu.isHidden());

  await button.focus();
  await page.keyboard.press('Space');
  t.is(await button.getAttribute('aria-expanded'), 'true');
  t.deepEqual(
    (await page.locator('caseflow-account [part="menu"] li').allTextContents()).map((x) =>
      x.replace(/\s+/g, ' ').trim(),
    ),
    ['Profile', 'Language English Español Français Deutsch العربية', 'Log out'],
  );
  t.is(await page.locator('caseflow-account [part="profile-link"]').getAttribute('href'), '/clients/profile');
  await page.screenshot({ path: path.join(shots(), 'account-menu-open-1280-light.png') });
  await page.keyboard.press('Escape');
  t.true(await menu.isHidden());
  const focusedPart = 'document.activeElement.shadowRoot?.activeElement?.getAttribute("part")';
  t.is(await page.evaluate(focusedPart), 'button');

  await page.keyboard.press('Enter');
  t.true(await menu.isVisible());
  await page.keyboard.press('Tab');
  t.is(await page.evaluate(focusedPart), 'profile-link');
  await page.keyboard.press('Tab');
  t.is(await page.evaluate(focusedPart), 'language');
  await page.keyboard.press('Tab');
  t.is(await page.evaluate(focusedPart), 'logout');
  await page.keyboard.press('Tab');
  t.true(await menu.isHidden());

  await button.focus();
  await page.keyboard.press('Enter');
  let logouts = 0;
  await page.exposeFunction('sawLogout', () => logouts++);
  await page.evaluate('document.addEventListener("caseflow-logout", () => window.sawLogout())');
  await page.locator('caseflow-account [part="logout"]').press('Enter');
  await page.waitForURL(`${origin()}/clients/login`);
  t.is(logouts, 1);
  t.deepEqual(await context.cookies(), []);
  await context.close();
});
