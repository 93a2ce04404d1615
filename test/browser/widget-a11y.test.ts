/**
 * The client widgets as a person meets them, in Chromium on the hosted portal:
 * axe-core finds no WCAG 2.1 AA violation in any state (loading, empty, error,
 * list, detail, forms with errors, dark), no page scrolls sideways from 320 px
 * to 1,280 px, and narrow tables become labelled stacked rows. Screenshots at
 * 390 and 1,280 px, light and dark, in test-output/widgets.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserTest, launchChromium, logInOnHostedPortal, outputDir } from '../helpers/browser.js';
import { axeViolations, sidewaysOverflow, WIDTHS } from '../helpers/page-checks.js';
import { demo, startTestServer, type TestServer } from '../helpers/server.js';

const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
let origin: string;
let invoiceId: string;

const instructions = {
  bank_details: 'Acme Law LLP\nSort code 12-34-56\nAccount 12345678',
  remit_to: 'Acme Law LLP\n1 High Street\nLondon',
  notes: 'Quote the invoice number as your reference.',
};

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  origin = `http://acme.localhost:${s.server.port}`;
  const tenant = await s.db.owner('tenants').where({ slug: 'acme' }).first();
  const invoice = await s.db.owner('invoices').where({ tenant_id: tenant.id, number: 'INV-0005' }).first();
  invoiceId = invoice.id;
  await s.db
    .owner('tenants')
    .where({ id: tenant.id })
    .update({
      payment_bank_details: instructions.bank_details,
      payment_remit_to: instructions.remit_to,
      payment_notes: instructions.notes,
      payment_instructions_updated_at: new Date('2026-11-20T10:00:00Z'),
    });
  // INV-0005 (a taxed line and an untaxed one): two payments that arrived in different ways.
  const base = {
    tenant_id: tenant.id,
    client_id: invoice.client_id,
    invoice_id: invoice.id,
    currency: invoice.currency,
    method: 'manual',
  };
  await s.db.owner('payments').insert([
    { ...base, amount: 1000, mode: 'bank_transfer', paid_at: new Date('2026-11-02T09:00:00Z') },
    { ...base, amount: 500, mode: 'check', paid_at: new Date('2026-11-03T09:00:00Z') },
  ]);
  await s.db.owner('invoices').where({ id: invoice.id }).update({ amount_paid: 1500, status: 'partially_paid' });
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

async function page(width: number, dark = false): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme: dark ? 'dark' : 'light',
  });
  return context.newPage();
}

async function nora(width = 1280, dark = false): Promise<Page> {
  const p = await page(width, dark);
  await logInOnHostedPortal(p, origin, demo.nora);
  return p;
}

const shot = (p: Page, name: string) =>
  p.screenshot({ path: path.join(outputDir('widgets'), `${name}.png`), fullPage: true });
const text = async (p: Page, selector: string) =>
  ((await p.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

const listReady = 'caseflow-invoice-list [part="base"][data-state="ready"]';
const detailReady = 'caseflow-invoice [part="base"][data-state="ready"]';
const paymentsReady = 'caseflow-payment-history [part="base"][data-state="ready"]';

test('the invoice list, the invoice and the payments have no axe violations, light and dark', async (t) => {
  for (const dark of [false, true]) {
    const p = await nora(1280, dark);
    await p.goto(`${origin}/clients/invoices`);
    await p.waitForSelector(listReady);
    t.deepEqual(await axeViolations(p), [], `list${dark ? ' dark' : ''}`);
    await p.goto(`${origin}/clients/invoices/${invoiceId}`);
    await p.waitForSelector(detailReady);
    t.deepEqual(await axeViolations(p), [], `detail${dark ? ' dark' : ''}`);
    await p.goto(`${origin}/clients/payments`);
    await p.waitForSelector(paymentsReady);
    t.deepEqual(await axeViolations(p), [], `payments${dark ? ' dark' : ''}`);
    await p.context().close();
  }
});

test('no page scrolls sideways from 320 px to 1,280 px, and screenshots at 390 and 1,280 px', async (t) => {
  const pages: [string, string, string][] = [
    ['list', '/clients/invoices', listReady],
    ['detail', `/clients/invoices/${invoiceId}`, detailReady],
    ['payments', '/clients/payments', paymentsReady],
  ];
  for (const dark of [false, true]) {
    const p = await nora(1280, dark);
    for (const width of WIDTHS) {
      await p.setViewportSize({ width, height: 900 });
      for (const [name, url, ready] of pages) {
        await p.goto(`${origin}${url}`);
        await p.waitForSelector(ready);
        t.is(await sidewaysOverflow(p), 0, `${name} at ${width} px${dark ? ' dark' : ''}`);
        if (width === 390 || width === 1280) await shot(p, `${name}-${width}${dark ? '-dark' : ''}`);
      }
    }
    await p.context().close();
  }
});

test('on a phone each invoice is a card of labelled values, its number on one line', async (t) => {
  const p = await nora(390);
  await p.goto(`${origin}/clients/invoices`);
  await p.waitForSelector(listReady);
  const row = p.locator('caseflow-invoice-list [part="row"]').first();
  t.is(await row.evaluate((el) => getComputedStyle(el).display), 'block');
  const labels = await row
    .locator('[data-label]')
    .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content));
  t.deepEqual(labels, [
    '"Number" / ""',
    '"Status" / ""',
    '"Issued" / ""',
    '"Due" / ""',
    '"Total" / ""',
    '"Balance" / ""',
  ]);
  const number = row.locator('[data-field="number"] a');
  const box = (await number.boundingBox())!;
  t.true(box.height >= 44, `the number's link is ${box.height} px tall`);
  t.is(await number.evaluate((el) => el.getClientRects().length), 1, 'the number is on one line');
  const pdf = (await row.locator('[part="pdf-link"]').boundingBox())!;
  t.true(pdf.height >= 44 && pdf.width >= 44, `the PDF button is ${pdf.width} × ${pdf.height} px`);
  await p.context().close();
});

test('the invoice shows one heading, the tax rate, totals under the amounts and named payment methods', async (t) => {
  const p = await nora(1280);
  await p.goto(`${origin}/clients/invoices/${invoiceId}`);
  await p.waitForSelector(detailReady);
  const heading = p.locator('caseflow-invoice [role="heading"][aria-level="1"]');
  t.is(await heading.count(), 1);
  t.is(await text(p, 'caseflow-invoice [role="heading"][aria-level="1"]'), 'Invoice INV-0005');
  const rates = await p.locator('caseflow-invoice [data-field="tax-rate"]').allTextContents();
  t.deepEqual(
    rates.map((rate) => rate.trim()),
    ['No tax', '8.875%'],
  );
  // The balance's right edge is the Amount column's right edge.
  const amountHeader = (await p.locator('caseflow-invoice .lines thead th:last-child').boundingBox())!;
  const balance = (await p.locator('caseflow-invoice [part="total"][data-field="amount-due"]').boundingBox())!;
  t.is(Math.round(balance.x + balance.width), Math.round(amountHeader.x + amountHeader.width));
  const methods = await p.locator('caseflow-invoice [part="payment"] [data-field="method"]').allTextContents();
  t.deepEqual(
    methods.map((m) => m.replace(/\s+/g, ' ').trim()),
    ['Bank transfer', 'Check'],
  );
  await p.context().close();
});

test('an invoice with a balance shows how to pay as the firm wrote it, with the date it was updated', async (t) => {
  const p = await nora(1280);
  await p.goto(`${origin}/clients/invoices/${invoiceId}`);
  await p.waitForSelector(detailReady);
  t.is(await text(p, 'caseflow-invoice [part="instructions"] [role="heading"]'), 'How to pay');
  const parts = await p.locator('caseflow-invoice [part="instruction"]').allInnerTexts();
  t.deepEqual(parts, [instructions.bank_details, instructions.remit_to, instructions.notes]);
  t.regex(
    await text(p, 'caseflow-invoice [part="instructions-updated"]'),
    /^Updated \d+ Nov 2026$|^Updated Nov 20, 2026$/,
  );
  t.deepEqual(await axeViolations(p), []);
  await p.context().close();
});

test('loading, empty, 500 and 404 states have no axe violations; an unknown invoice offers a way back, no Retry', async (t) => {
  const p = await nora(390);
  // Loading: the answer is held.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await p.route('**/api/v1/portal/invoices?*', async (route) => {
    await held;
    // The page may have gone on by then: nothing left to answer.
    await route.continue().catch(() => undefined);
  });
  await p.goto(`${origin}/clients/invoices`);
  await p.waitForSelector('caseflow-invoice-list [part="base"][data-state="loading"]');
  t.deepEqual(await axeViolations(p), [], 'loading');
  await shot(p, 'list-loading-390');
  release();
  await p.unroute('**/api/v1/portal/invoices?*');
  // Empty.
  await p.route('**/api/v1/portal/invoices?*', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ data: [], has_more: false, next_cursor: null }),
    }),
  );
  await p.goto(`${origin}/clients/invoices`);
  await p.waitForSelector('caseflow-invoice-list [part="base"][data-state="empty"]');
  t.deepEqual(await axeViolations(p), [], 'empty');
  await p.unroute('**/api/v1/portal/invoices?*');
  // A server failure.
  await p.route('**/api/v1/portal/invoices?*', (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/json',
      body: JSON.stringify({ error: { type: 'api_error', code: 'internal', message: 'Something went wrong.' } }),
    }),
  );
  await p.goto(`${origin}/clients/invoices`);
  await p.waitForSelector('caseflow-invoice-list [part="base"][data-state="error"]');
  t.deepEqual(await axeViolations(p), [], '500');
  await shot(p, 'list-error-390');
  await p.unroute('**/api/v1/portal/invoices?*');
  // An invoice that does not exist.
  await p.goto(`${origin}/clients/invoices/00000000-0000-4000-8000-000000000000`);
  await p.waitForSelector('caseflow-invoice [part="base"][data-state="error"]');
  t.is(await text(p, 'caseflow-invoice [part="error"]'), 'We could not find this invoice.');
  t.is(await p.locator('caseflow-invoice [part="retry"]').count(), 0);
  t.is(await text(p, 'caseflow-invoice [part="back-link"]'), 'Back to your invoices');
  t.deepEqual(await axeViolations(p), [], '404');
  await shot(p, 'invoice-not-found-390');
  // The way back leads to the invoices.
  await p.click('caseflow-invoice [part="back-link"]');
  await p.waitForSelector(listReady);
  t.is(new URL(p.url()).pathname, '/clients/invoices');
  await p.context().close();
});

test('the login form with a wrong password has no axe violations and announces the failure', async (t) => {
  for (const dark of [false, true]) {
    const p = await page(390, dark);
    await p.goto(`${origin}/clients/login`);
    await p.fill('caseflow-login #email', demo.nora.email);
    await p.fill('caseflow-login #password', 'not the password at all');
    await p.click('caseflow-login [part="submit"]');
    await p.waitForSelector('caseflow-login [part="error"]:not(:empty)');
    t.deepEqual(await axeViolations(p), [], `login${dark ? ' dark' : ''}`);
    await shot(p, `login-error-390${dark ? '-dark' : ''}`);
    await p.context().close();
  }
});

/** A well-formed link token (the form only checks its shape; the server refuses the password before the link). */
const token = `cfl_${'A'.repeat(43)}`;

test('set-password states the rules up front, and a common password is refused beside its field', async (t) => {
  for (const dark of [false, true]) {
    const p = await page(390, dark);
    await p.goto(`${origin}/clients/set-password#token=${token}`);
    await p.waitForSelector('caseflow-set-password [part="hint"]');
    t.is(
      await text(p, 'caseflow-set-password [part="hint"]'),
      'Use 8 to 256 characters, and not one of the most common passwords. A passphrase of several words is fine.',
    );
    await p.fill('caseflow-set-password #new-password', 'password123');
    await p.fill('caseflow-set-password #repeat-password', 'password123');
    await p.click('caseflow-set-password [part="submit"]');
    const message = p.locator('caseflow-set-password [part="field-error"]');
    await message.waitFor();
    const said = (await message.textContent()) ?? '';
    t.regex(said, /common/);
    t.notRegex(said, /body\.|password:|Invalid/);
    const input = p.locator('caseflow-set-password #new-password');
    t.is(await input.getAttribute('aria-invalid'), 'true');
    t.is(await input.getAttribute('aria-describedby'), 'password-hint new-password-error error');
    t.true(await input.evaluate((el) => el.matches(':focus')), 'focus is on the refused field');
    t.is(await text(p, 'caseflow-set-password [part="error"]'), '');
    t.deepEqual(await axeViolations(p), [], `set-password${dark ? ' dark' : ''}`);
    await shot(p, `set-password-error-390${dark ? '-dark' : ''}`);
    await p.context().close();
  }
});

test('the profile refuses a common new password beside its field, with no axe violations', async (t) => {
  for (const dark of [false, true]) {
    const p = await nora(390, dark);
    await p.goto(`${origin}/clients/profile`);
    await p.fill('caseflow-profile #current-password', demo.nora.password);
    await p.fill('caseflow-profile #new-password', 'password123');
    await p.fill('caseflow-profile #repeat-password', 'password123');
    await p.click('caseflow-profile [part="submit"]');
    const message = p.locator('caseflow-profile [part="field-error"]');
    await message.waitFor();
    t.regex((await message.textContent()) ?? '', /common/);
    t.is(await p.locator('caseflow-profile #new-password').getAttribute('aria-invalid'), 'true');
    t.deepEqual(await axeViolations(p), [], `profile${dark ? ' dark' : ''}`);
    await shot(p, `profile-error-390${dark ? '-dark' : ''}`);
    await p.context().close();
  }
});

test('sign-in with an overlong email says so beside the email field', async (t) => {
  const p = await page(390);
  await p.goto(`${origin}/clients/login`);
  await p.fill('caseflow-login #email', `${'a'.repeat(250)}@example.com`);
  await p.fill('caseflow-login #password', 'whatever-it-is');
  await p.click('caseflow-login [part="submit"]');
  const message = p.locator('caseflow-login [part="field-error"]');
  await message.waitFor();
  t.notRegex((await message.textContent()) ?? '', /body\./);
  const email = p.locator('caseflow-login #email');
  t.is(await email.getAttribute('aria-invalid'), 'true');
  t.is(await email.getAttribute('aria-describedby'), 'email-error error');
  t.deepEqual(await axeViolations(p), [], 'login 400');
  await p.context().close();
});
