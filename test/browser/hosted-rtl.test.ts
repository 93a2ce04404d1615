import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserTest, launchChromium, logInOnHostedPortal } from '../helpers/browser.js';
import { aContact, anAnnouncement, updateSettings } from '../helpers/factories/index.js';
import { WIDTHS, axeViolations, settled, sidewaysOverflow } from '../helpers/page-checks.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

// Every hosted page for a client who reads Arabic, in Chromium at each width:
// the document is right to left, nothing scrolls sideways, the frame is
// mirrored (the firm's logo and name on the right, the navigation on the
// right of the content) and no two pieces of text in the header, navigation
// or footer overlap. Screenshots at 390 and 1,280 px go to /tmp/shots15/spages/.
// The widgets speak Arabic once their catalogs land; this checks the frame.
// Serial: one browser, two cores shared by several people.
const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
/** Samira, a contact of Northwind whose own language is Arabic, signed in. */
let signedIn: BrowserContext;
/** Someone without a session who picked Arabic on the login page (the picker's cookie). */
let anonymous: BrowserContext;
let invoiceId: string;

const SCREENSHOT_WIDTHS = new Set<number>([390, 1280]);
const shots = '/tmp/shots15/spages';
const origin = () => `http://acme.localhost:${s.server.port}`;

test.before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  s = await startTestServer();
  await updateSettings(s, 'acme', {
    address: 'Acme Law LLP\n1 Fleet Street\nLondon EC4Y 1AA\nUnited Kingdom',
    phone: '+44 20 7946 0000',
    email: 'client-services@acme-law.example',
    website: 'https://www.acme-law.example',
  });
  await anAnnouncement(s, { title: 'Our office is closed on 24 December', body: 'We reopen on 27 December.' });
  const ada = await s.staffLogin(demoStaff.ada);
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  const nora = await portal.me();
  const password = 'samira-portal-password-2026';
  const samira = await aContact(s, {
    admin: ada,
    client: nora.client.id,
    first_name: 'سميرة',
    last_name: 'الحسيني',
    language: 'ar',
    permissions: ['invoices'],
    password,
  });
  invoiceId = (await portal.invoices.list({ limit: 100 })).data.find((i) => i.number === 'INV-0002')!.id;

  browser = await launchChromium();
  signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  await logInOnHostedPortal(page, origin(), { email: samira.email, password });
  await page.close();
  anonymous = await browser.newContext();
  await anonymous.addCookies([{ name: 'caseflow_language', value: 'ar', url: origin() }]);
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Pairs of text that overlap in the header, navigation and footer: every text
 * node (shadow roots included) by the boxes of its lines, compared with every
 * other's; half a pixel of touching is allowed.
 */
function overlappingText(page: Page): Promise<string[]> {
  // A string, not a function: the test's compiler would wrap named inner functions in a helper the page lacks.
  return page.evaluate(`(() => {
    const pieces = [];
    const walk = (root) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
          if (rects.length) pieces.push({ text: node.textContent.trim(), rects });
        } else if (node instanceof Element) {
          if (node.shadowRoot) walk(node.shadowRoot);
          walk(node);
        }
      }
    };
    for (const part of document.querySelectorAll('header, caseflow-nav, footer')) walk(part);
    const cross = (a, b) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
    const overlaps = [];
    pieces.forEach((a, i) =>
      pieces.slice(i + 1).forEach((b) => {
        if (a.rects.some((ra) => b.rects.some((rb) => cross(ra, rb)))) overlaps.push('"' + a.text + '" / "' + b.text + '"');
      }),
    );
    return overlaps;
  })()`);
}

const box = (page: Page, selector: string): Promise<Box | null> =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  }, selector);

interface HostedPage {
  name: string;
  path: () => string;
  signedIn: boolean;
  status?: number;
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
  { name: 'error-unknown-page', path: () => '/clients/nope', signedIn: true, status: 404 },
];

for (const hosted of pages) {
  test(`the ${hosted.name} page in Arabic is right to left, mirrored and fits from 320 to 1,280 px`, async (t) => {
    const page = await (hosted.signedIn ? signedIn : anonymous).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const problems: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const response = await page.goto(`${origin()}${hosted.path()}`);
      t.is(response!.status(), hosted.status ?? 200);
      await settled(page);
      t.is(new URL(page.url()).pathname, hosted.path());
      t.deepEqual(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang]), [
        'rtl',
        'ar',
      ]);
      const overflow = await sidewaysOverflow(page);
      if (overflow > 0) problems.push(`${width}px: scrolls ${overflow}px sideways`);
      for (const pair of await overlappingText(page)) problems.push(`${width}px: text overlaps: ${pair}`);

      // The firm's logo and name sit at the right-hand end of the header.
      const header = (await box(page, 'header'))!;
      const brand = (await box(page, '.cf-brand'))!;
      if (header.right - brand.right > 32) problems.push(`${width}px: the firm's name is not at the right`);
      const account = await box(page, 'caseflow-account');
      if (account && width >= 768 && !(account.right <= brand.left))
        problems.push(`${width}px: the account menu is not left of the firm's name`);
      if (width === 1280 && hosted.signedIn && !hosted.status) {
        // The navigation is the right-hand column, its links beginning at the right.
        const nav = (await box(page, 'caseflow-nav'))!;
        const main = (await box(page, 'main'))!;
        if (!(nav.left >= main.right)) problems.push(`1280px: the navigation is not right of the content`);
        const links = await page.locator('caseflow-nav a').evaluateAll((as) =>
          as.map((a) => {
            const r = a.getBoundingClientRect();
            return { left: r.left, right: r.right };
          }),
        );
        if (!(links.length > 1 && links[0]!.right >= links.at(-1)!.right && links[0]!.right > nav.right - 16))
          problems.push(`1280px: the first link does not start at the right: ${JSON.stringify(links)}`);
      }
      if (SCREENSHOT_WIDTHS.has(width)) {
        for (const violation of await axeViolations(page)) problems.push(`${width}px: ${violation}`);
        await page.screenshot({ path: path.join(shots, `${hosted.name}-${width}.png`), fullPage: true });
      }
    }
    t.deepEqual(errors, []);
    t.deepEqual(problems, []);
    await page.close();
  });
}

test('in dark mode the Arabic pages are axe-clean and fit a phone', async (t) => {
  const dark = await browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 800 } });
  await dark.addCookies(await signedIn.cookies());
  const page = await dark.newPage();
  const problems: string[] = [];
  for (const hosted of pages.filter((p) => p.signedIn && !p.status)) {
    await page.goto(`${origin()}${hosted.path()}`);
    await settled(page);
    t.is(await page.evaluate(() => document.documentElement.dir), 'rtl');
    for (const violation of await axeViolations(page)) problems.push(`${hosted.name}: ${violation}`);
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) problems.push(`${hosted.name}: scrolls ${overflow}px sideways`);
    await page.screenshot({ path: path.join(shots, `${hosted.name}-dark-390.png`), fullPage: true });
  }
  t.deepEqual(problems, []);
  await dark.close();
});

test('the skip link in Arabic is at the top right, in Arabic, and leads to the content', async (t) => {
  const page = await signedIn.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${origin()}/clients/`);
  await settled(page);
  await page.keyboard.press('Tab');
  t.is(await page.evaluate('document.activeElement.textContent'), 'انتقل إلى المحتوى');
  const skip = (await box(page, '.cf-skip'))!;
  t.true(skip.right > 1280 - 32 && skip.top >= 0, JSON.stringify(skip));
  await page.screenshot({ path: path.join(shots, 'skip-link-1280.png') });
  await page.keyboard.press('Enter');
  t.is(await page.evaluate('document.activeElement.id'), 'main');
  await page.close();
});

test('on a phone the Arabic menu opens with its links right-aligned, the current page marked', async (t) => {
  const page = await signedIn.newPage();
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${origin()}/clients/invoices`);
  await settled(page);
  await page.locator('caseflow-nav [part="toggle"]').click();
  t.deepEqual(await page.locator('caseflow-nav a:visible').allTextContents(), [
    'الرئيسية',
    'الفواتير',
    'المدفوعات',
    'الإعلانات',
    'الملف الشخصي',
  ]);
  t.is(await page.locator('caseflow-nav a[aria-current="page"]').textContent(), 'الفواتير');
  const nav = (await box(page, 'caseflow-nav'))!;
  const first = (await box(page, 'caseflow-nav a'))!;
  t.true(nav.right - first.right < 16, `${JSON.stringify(nav)} ${JSON.stringify(first)}`);
  t.deepEqual(await overlappingText(page), []);
  await page.screenshot({ path: path.join(shots, 'nav-menu-open-390.png'), fullPage: true });
  await page.close();
});
