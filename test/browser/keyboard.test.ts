/**
 * A client who uses only a keyboard (Tab, Enter) in Chromium on the hosted
 * portal: signs in, opens an invoice from the list and downloads its PDF; each
 * control shows a visible focus ring, and on the invoice's page focus starts
 * at the invoice itself.
 */
import type { Browser, Page } from 'playwright-core';
import { browserTest, launchChromium } from '../helpers/browser.js';
import { demo, startTestServer, type TestServer } from '../helpers/server.js';

const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
let origin: string;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  origin = `http://acme.localhost:${s.server.port}`;
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

/** The focused element, through shadow roots: its tag, id, part, text and whether its focus ring shows. */
function focused(page: Page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return undefined;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      part: el.getAttribute('part') ?? '',
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

type Focused = NonNullable<Awaited<ReturnType<typeof focused>>>;

/** Presses Tab until `wanted` holds of the focused element (at most 40 times), and returns it. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean): Promise<Focused> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && wanted(now)) return now;
  }
  throw new Error('Tab never reached the element');
}

test('keyboard only: sign in, open an invoice, download its PDF, with focus visible and landing on the invoice', async (t) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${origin}/clients/login`);
  await page.waitForSelector('caseflow-login #email');

  const email = await tabTo(page, (f) => f.id === 'email');
  t.true(email.ring, 'the email field shows its focus');
  await page.keyboard.type(demo.nora.email);
  await page.keyboard.press('Tab');
  t.is((await focused(page))?.id, 'password');
  await page.keyboard.type(demo.nora.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${origin}/clients/`);
  // On a phone the navigation is a menu button: open it, then follow Invoices.
  const menu = await tabTo(page, (f) => f.part === 'toggle');
  t.true(menu.ring, 'the menu button shows its focus');
  await page.keyboard.press('Enter');
  const invoices = await tabTo(page, (f) => f.tag === 'a' && f.text === 'Invoices');
  t.true(invoices.ring, 'the Invoices link shows its focus');
  await page.keyboard.press('Enter');
  await page.waitForURL(`${origin}/clients/invoices`);
  await page.waitForSelector('caseflow-invoice-list [part="base"][data-state="ready"]');

  const link = await tabTo(page, (f) => f.part === 'invoice-link' && f.text === 'INV-0002');
  t.true(link.ring, 'the invoice link shows its focus');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/clients\/invoices\/[0-9a-f-]{36}$/);
  await page.waitForSelector('caseflow-invoice [part="base"][data-state="ready"]');
  await page.waitForFunction(() => {
    const root = document.querySelector('caseflow-invoice')?.shadowRoot;
    return root?.activeElement?.getAttribute('part') === 'number';
  });
  t.like(await focused(page), { part: 'number', text: 'Invoice INV-0002' });

  const pdf = await tabTo(page, (f) => f.part === 'pdf-link');
  t.true(pdf.ring, 'the PDF button shows its focus');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  t.is(download.suggestedFilename(), 'INV-0002.pdf');
  const bytes = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  t.is(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  await context.close();
});
