/**
 * The hosted portal's widgets in light and dark mode, in Chromium. The hosted
 * pages' portal is `theme="auto"`, so the system setting (emulated here)
 * decides: the invoice's tables take the dark tokens' exact colours, every
 * invoice status badge keeps 4.5:1 contrast in both modes, and neither the
 * invoice page nor the profile page scrolls sideways. Screenshots of each page
 * at 390 px and 1280 px, light and dark, go to test-output/widget-themes.
 */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { contrast } from '../../sdk/theme.js';
import { browserTest, launchChromium, outputDir, logInOnHostedPortal } from '../helpers/browser.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
let origin: string;
/** Nora's INV-0006 (euros, lines with tax) and INV-0002 (partly paid: lines, a payment, a balance). */
let invoiceIds: Record<'INV-0006' | 'INV-0002', string>;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  origin = `http://acme.localhost:${s.server.port}`;
  const tenant = await s.db.owner('tenants').where({ slug: 'acme' }).first();
  const invoice = async (number: string) =>
    (await s.db.owner('invoices').where({ tenant_id: tenant.id, number }).first()).id as string;
  // INV-0002 last: the payments table is checked on it.
  invoiceIds = { 'INV-0006': await invoice('INV-0006'), 'INV-0002': await invoice('INV-0002') };
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

type Scheme = 'light' | 'dark';

/** The tokens' colours as Chromium computes them (sdk/theme.ts: text, surface, background). */
const expected: Record<Scheme, { text: string; surface: string; background: string }> = {
  light: { text: 'rgb(31, 41, 55)', surface: 'rgb(255, 255, 255)', background: 'rgb(245, 247, 250)' },
  dark: { text: 'rgb(229, 231, 235)', surface: 'rgb(17, 26, 43)', background: 'rgb(11, 18, 32)' },
};

/** Nora signed in herself (cookie session) on the hosted portal, in a window `width` px wide. */
async function nora(width: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('401')) errors.push(m.text());
  });
  await logInOnHostedPortal(page, origin, demo.nora);
  return { page, errors };
}

const colours = (locator: Locator) =>
  locator.evaluate((el) => {
    const style = getComputedStyle(el);
    return { text: style.color, background: style.backgroundColor };
  });

/** How far the page sticks out sideways (0 when nothing does: wide tables scroll in their own box). */
const overflow = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

/** A computed colour (`rgb(…)` or, from color-mix, `color(srgb …)`) as hex; only opaque ones can be compared. */
function hexOf(computed: string): string {
  const rgb = computed.match(/^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/);
  const srgb = computed.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/);
  const match = rgb ?? srgb;
  if (!match || (match[4] !== undefined && Number(match[4]) !== 1))
    throw new Error(`not an opaque colour: ${computed}`);
  const scale = rgb ? 1 : 255;
  return `#${[match[1], match[2], match[3]]
    .map((c) =>
      Math.round(Number(c) * scale)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The line cells (description, quantity, unit price, tax, amount) lying beyond their table's visible box. */
const figuresOutside = (page: Page) =>
  page.locator('caseflow-invoice table[part="lines"]').evaluate((table) => {
    const box = table.parentElement!.getBoundingClientRect();
    return [...table.querySelectorAll('tbody td')]
      .filter((cell) => {
        const r = cell.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5;
      })
      .map((cell) => `${cell.getAttribute('data-field')}: ${cell.textContent!.trim()}`);
  });

/** Pairs of the widget's blocks (its base's children) drawn over each other, named by part or tag. */
const overlapping = (base: Locator) =>
  base.evaluate((el) => {
    const blocks = [...el.children]
      .map((child) => ({ name: child.getAttribute('part') ?? child.localName, box: child.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const pairs: string[] = [];
    blocks.forEach((a, i) =>
      blocks.slice(i + 1).forEach((b) => {
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 0.5 && y > 0.5) pairs.push(`${a.name} / ${b.name}`);
      }),
    );
    return pairs;
  });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(outputDir('widget-themes'), `${name}.png`), fullPage: true });

for (const width of [390, 1280]) {
  test(`at ${width} px the invoice and profile pages take the light and dark tokens and fit the screen`, async (t) => {
    const { page, errors } = await nora(width);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const want = expected[scheme];

      for (const [number, id] of Object.entries(invoiceIds)) {
        await page.goto(`${origin}/clients/invoices/${id}`);
        await page.waitForSelector('caseflow-invoice [part="base"][data-state="ready"]');
        t.deepEqual(await colours(page.locator('html')), { text: want.text, background: want.background }, scheme);
        t.deepEqual(
          await colours(page.locator('caseflow-invoice table[part="lines"]')),
          { text: want.text, background: want.surface },
          `${scheme} ${number} lines`,
        );
        t.is(await overflow(page), 0, `${scheme} ${number}`);
        // Every figure of every line is on screen: none hides off the edge of its table.
        t.deepEqual(await figuresOutside(page), [], `${scheme} ${number}`);
        t.deepEqual(await overlapping(page.locator('caseflow-invoice [part="base"]')), [], `${scheme} ${number}`);
        await shot(page, `invoice-${number}-${width}-${scheme}`);
      }
      t.deepEqual(
        await colours(page.locator('caseflow-invoice table[part="payments"]')),
        { text: want.text, background: want.surface },
        `${scheme} payments`,
      );

      await page.goto(`${origin}/clients/profile`);
      await page.waitForSelector('caseflow-profile [part="base"][data-state="ready"]');
      t.deepEqual(
        await colours(page.locator('caseflow-profile [part="details"]')),
        { text: want.text, background: want.surface },
        `${scheme} profile`,
      );
      t.is(await overflow(page), 0, `${scheme} profile page`);
      await shot(page, `profile-${width}-${scheme}`);
    }
    t.deepEqual(errors, []);
    await page.context().close();
  });
}

test('every invoice status badge contrasts at least 4.5:1 with its own background, light and dark', async (t) => {
  const { page, errors } = await nora(1280);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${origin}/clients/invoices`);
    await page.waitForSelector('caseflow-invoice-list [part="base"][data-state="ready"]');
    const ratios: Record<string, number> = {};
    for (const badge of await page.locator('caseflow-invoice-list [part~="status"]').all()) {
      const status = (await badge.getAttribute('part'))!.split(' ')[1]!;
      const { text, background } = await colours(badge);
      ratios[status] = Math.round(contrast(hexOf(text), hexOf(background)) * 100) / 100;
    }
    t.deepEqual(
      Object.keys(ratios).sort(),
      ['status-cancelled', 'status-overdue', 'status-paid', 'status-partially_paid', 'status-unpaid'],
      scheme,
    );
    for (const [status, ratio] of Object.entries(ratios)) t.true(ratio >= 4.5, `${scheme} ${status}: ${ratio}:1`);
    t.log(scheme, ratios);
    await shot(page, `invoices-1280-${scheme}`);
  }
  t.deepEqual(errors, []);
  await page.context().close();
});

test('the announcements page in light and dark: cards on the surface, the New badge readable', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  await ada.announcements.create({
    title: 'Office move',
    body: 'We move on Monday.\nSame phone number.',
    publish: true,
  });
  await ada.announcements.create({ title: 'Holiday hours', body: 'Closed on the 24th.', publish: true });
  const { page, errors } = await nora(1280);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${origin}/clients/announcements`);
    await page.waitForSelector('caseflow-announcements [part="base"][data-state="ready"]');
    const want = expected[scheme];
    const items = page.locator('caseflow-announcements [part="item"]');
    t.deepEqual(
      (await items.locator('[part="title"]').allTextContents()).map((title) => title.replace(/\s+/g, ' ').trim()),
      ['Holiday hoursNew', 'Office moveNew'],
    );
    t.deepEqual(await colours(items.first()), { text: want.text, background: want.surface }, scheme);
    const badge = await colours(items.first().locator('[part="unread"]'));
    const ratio = contrast(hexOf(badge.text), hexOf(want.surface));
    t.true(ratio >= 4.5, `${scheme} New badge: ${ratio.toFixed(2)}:1`);
    t.deepEqual(await overlapping(page.locator('caseflow-announcements [part="base"]')), [], scheme);
    await shot(page, `announcements-1280-${scheme}`);
  }
  t.deepEqual(errors, []);
  await page.context().close();
});
