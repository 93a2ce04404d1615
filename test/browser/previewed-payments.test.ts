/**
 * A payment an admin made in a preview ("login as client") reads "by {admin},
 * previewing" to the client too (DESIGN §2): in Chromium, Nora's own session on
 * the hosted portal shows it beside the payment's method on the invoice page
 * and on the payments page, as text a screen reader reads with the method, and
 * the pages still fit a 320 px screen. Screenshots at 390 px and 1280 px.
 */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserTest, launchChromium, outputDir, logInOnHostedPortal } from '../helpers/browser.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
let origin: string;
/** Nora's INV-0002 (partly paid) and INV-0001 (paid), each with one payment. */
let previewedInvoice: string;
let ownInvoice: string;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  origin = `http://acme.localhost:${s.server.port}`;
  const db = s.db.owner;
  const tenant = await db('tenants').where({ slug: 'acme' }).first();
  const ada = await db('staff_users').where({ tenant_id: tenant.id, email: demoStaff.ada.email }).first();
  const nora = await db('contacts').where({ tenant_id: tenant.id, email: demo.nora.email }).first();
  const invoice = (number: string) => db('invoices').where({ tenant_id: tenant.id, number }).first();
  previewedInvoice = (await invoice('INV-0002')).id;
  ownInvoice = (await invoice('INV-0001')).id;
  // What the Stripe webhook records for a Checkout an admin opened while previewing as Nora:
  // an online payment by Nora's contact, with the admin beside it.
  const updated = await db('payments').where({ tenant_id: tenant.id, invoice_id: previewedInvoice }).update({
    method: 'stripe',
    mode: null,
    reference: null,
    stripe_payment_intent_id: 'pi_previewed_by_ada',
    contact_id: nora.id,
    previewed_by: ada.id,
  });
  if (updated !== 1) throw new Error(`expected one payment on INV-0002, updated ${updated}`);
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

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

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Nothing sticks out of the page sideways (a wide table scrolls inside its own box instead). */
const pageOverflow = (page: Page) =>
  page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;

/** Every line of the attribution lies inside its table cell, and it took more than one line (it wrapped, not overflowed). */
const wrapsInItsCell = (attribution: Locator) =>
  attribution.evaluate((span) => {
    const cell = span.closest('td')!.getBoundingClientRect();
    const lines = [...span.getClientRects()];
    const inside = lines.every((r) => r.left >= cell.left - 0.5 && r.right <= cell.right + 0.5);
    return inside && lines.length > 1;
  });

async function invoicePage(page: Page, id: string): Promise<void> {
  await page.goto(`${origin}/clients/invoices/${id}`);
  await page.waitForSelector('caseflow-invoice [part="base"][data-state="ready"]');
}

async function paymentsPage(page: Page): Promise<void> {
  await page.goto(`${origin}/clients/payments`);
  await page.waitForSelector('caseflow-payment-history [part="base"][data-state="ready"]');
}

test('the invoice page shows the payment as "Card — by Ada Admin, previewing", read as one cell', async (t) => {
  const { page, errors } = await nora(1280);
  await invoicePage(page, previewedInvoice);
  const payments = page.locator('caseflow-invoice tr[part="payment"]');
  t.is(await payments.count(), 1);
  t.is(await text(payments.locator('[data-field="method"]')), 'Card — by Ada Admin, previewing');
  t.is(await text(payments.locator('[part="previewed-by"]')), '— by Ada Admin, previewing');
  t.is(await text(payments.locator('[data-field="amount"]')), '$500.00');
  // A screen reader gets the attribution with the method, in the same cell.
  t.regex(await payments.ariaSnapshot(), /- cell "Card — by Ada Admin, previewing"/);
  await page.screenshot({ path: path.join(outputDir('browser'), 'previewed-invoice-1280.png'), fullPage: true });

  // The client's own payment (recorded by the firm) carries no attribution.
  await invoicePage(page, ownInvoice);
  t.is(await text(page.locator('caseflow-invoice tr[part="payment"] [data-field="method"]')), 'Bank transfer');
  t.is(await page.locator('caseflow-invoice [part="previewed-by"]').count(), 0);
  t.deepEqual(errors, []);
  await page.context().close();
});

test('the payments page shows the attribution on that payment only', async (t) => {
  const { page, errors } = await nora(1280);
  await paymentsPage(page);
  const rows: string[][] = [];
  for (const row of await page.locator('caseflow-payment-history tr[part="row"]').all()) {
    rows.push([await text(row.locator('[data-field="invoice"]')), await text(row.locator('[data-field="method"]'))]);
  }
  t.deepEqual(rows, [
    ['INV-0002', 'Card — by Ada Admin, previewing'],
    ['INV-0001', 'Bank transfer'],
  ]);
  const previewed = page.locator(`caseflow-payment-history tr[part="row"][data-invoice-id="${previewedInvoice}"]`);
  t.is(await previewed.getAttribute('data-method'), 'stripe');
  t.regex(await previewed.ariaSnapshot(), /- cell "Card — by Ada Admin, previewing"/);
  t.is(await page.locator('caseflow-payment-history [part="previewed-by"]').count(), 1);
  await page.screenshot({ path: path.join(outputDir('browser'), 'previewed-payments-1280.png'), fullPage: true });
  t.deepEqual(errors, []);
  await page.context().close();
});

for (const width of [390, 320]) {
  test(`at ${width} px neither page is wider than the screen and the attribution wraps inside its cell`, async (t) => {
    const { page, errors } = await nora(width);
    await invoicePage(page, previewedInvoice);
    const method = page.locator('caseflow-invoice tr[part="payment"] [data-field="method"]');
    t.is(await text(method), 'Card — by Ada Admin, previewing');
    t.is(await pageOverflow(page), 0);
    t.true(await wrapsInItsCell(page.locator('caseflow-invoice [part="previewed-by"]')));
    if (width === 390) {
      // The invoice's payments table still fits a phone without sideways scrolling.
      t.true(
        await page.locator('caseflow-invoice table[part="payments"]').evaluate((table) => {
          const scroller = table.parentElement!;
          return scroller.scrollWidth <= scroller.clientWidth;
        }),
      );
    }
    if (width === 390) {
      await page.screenshot({ path: path.join(outputDir('browser'), 'previewed-invoice-390.png'), fullPage: true });
    }

    await paymentsPage(page);
    const row = page.locator(`caseflow-payment-history tr[part="row"][data-invoice-id="${previewedInvoice}"]`);
    t.is(await text(row.locator('[data-field="method"]')), 'Card — by Ada Admin, previewing');
    t.is(await pageOverflow(page), 0);
    t.true(await wrapsInItsCell(row.locator('[part="previewed-by"]')));
    if (width === 390) {
      await page.screenshot({ path: path.join(outputDir('browser'), 'previewed-payments-390.png'), fullPage: true });
    }
    t.deepEqual(errors, []);
    await page.context().close();
  });
}
