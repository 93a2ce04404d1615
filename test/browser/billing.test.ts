/**
 * Billing in the hosted portal, in Chromium: invoices with their badges and
 * PDFs, the invoice and payments pages, and paying online through the local
 * fake Stripe Checkout page — "Payment pending" until the webhook lands, then
 * "Paid". Serial: the Stripe tests change the firm's settings.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserTest, launchChromium, outputDir, embedHead, logInOnHostedPortal } from '../helpers/browser.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';
import { updateSettings } from '../helpers/factories/index.js';
import { connectStripe, sentInvoice } from '../helpers/stripe.js';

const test = browserTest();

let s: TestServer;
let browser: Browser;
let origin: string;

test.before(async () => {
  s = await startTestServer({ stripe: true });
  browser = await launchChromium();
  origin = `http://acme.localhost:${s.server.port}`;
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

/** Nora, signed in on the hosted portal; the widgets' events are kept in sessionStorage (they survive the trip to Stripe). */
async function signedIn(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Only the portal's own pages count (the fake Checkout page has no favicon); the login
  // page's portal asks for /me before anyone signed in: that 401 is expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && page.url().startsWith(origin) && !m.text().includes('401')) errors.push(m.text());
  });
  // Init scripts run outside the page's CSP. A string, not a function: tsx would rewrite a function's body.
  await page.addInitScript(`
    for (const type of ['caseflow-checkout-started', 'caseflow-paid']) {
      document.addEventListener(type, (e) => {
        const seen = JSON.parse(sessionStorage.getItem('test.events') || '[]');
        seen.push({ type, detail: e.detail });
        sessionStorage.setItem('test.events', JSON.stringify(seen));
      });
    }
  `);
  await logInOnHostedPortal(page, origin, demo.nora);
  await page.goto(`${origin}/clients/invoices`);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
  return { page, errors };
}

const events = async (page: Page) =>
  JSON.parse((await page.evaluate('sessionStorage.getItem("test.events")')) ?? '[]') as {
    type: string;
    detail: Record<string, unknown>;
  }[];

const row = (page: Page, id: string) => page.locator(`caseflow-invoice-list tr[part="row"][data-invoice-id="${id}"]`);

test.serial('without Stripe: badges, balances, PDF downloads and no Pay button', async (t) => {
  const { page, errors } = await signedIn();
  const rows: string[][] = [];
  for (const r of await page.locator('caseflow-invoice-list tr[part="row"]').all()) {
    const cells = ['number', 'status', 'amount-due'];
    rows.push(
      await Promise.all(cells.map(async (f) => (await r.locator(`[data-field="${f}"]`).textContent())!.trim())),
    );
  }
  t.deepEqual(rows, [
    ['INV-0006', 'Unpaid', '€214.20'],
    ['INV-0005', 'Unpaid', '$116.93'],
    ['INV-0002', 'Partially paid', '$1,125.00'],
    ['INV-0004', 'Cancelled', '$0.00'],
    ['INV-0003', 'Overdue', '$750.00'],
    ['INV-0001', 'Paid', '$0.00'],
  ]);
  t.is(await page.locator('caseflow-invoice-list [part~="pay"]').count(), 0);

  // The status filter asks the API for that state only.
  await page.selectOption('caseflow-invoice-list #status-filter', 'overdue');
  await page.waitForSelector('caseflow-invoice-list tr[part="row"][data-status="overdue"]');
  t.deepEqual(
    (await page.locator('caseflow-invoice-list [data-field="number"]').allTextContents()).map((n) => n.trim()),
    ['INV-0003'],
  );

  const download = page.waitForEvent('download');
  await page.click('caseflow-invoice-list tr[data-status="overdue"] [part="pdf-link"]');
  const file = await download;
  t.is(file.suggestedFilename(), 'INV-0003.pdf');
  t.is(
    fs
      .readFileSync((await file.path())!)
      .subarray(0, 5)
      .toString('latin1'),
    '%PDF-',
  );

  // The invoice's own page: lines, totals, the firm's note.
  await page.click('caseflow-invoice-list [part="invoice-link"]');
  await page.waitForSelector('caseflow-invoice [part="base"][data-state="ready"]');
  t.regex(page.url(), /\/clients\/invoices\/[0-9a-f-]{36}$/);
  t.is((await page.locator('caseflow-invoice [part="note"]').textContent())!.trim(), 'Thank you for your business.');
  t.is((await page.locator('caseflow-invoice [data-field="amount-due"]').textContent())!.trim(), '$750.00');
  t.is(await page.locator('caseflow-invoice [part~="pay"]').count(), 0);

  // Payments, across invoices.
  await page.click('caseflow-nav a[href="/clients/payments"]');
  await page.waitForSelector('caseflow-payment-history tr[part="row"]');
  t.deepEqual(
    (await page.locator('caseflow-payment-history [data-field="invoice"]').allTextContents()).map((n) => n.trim()),
    ['INV-0002', 'INV-0001'],
  );
  t.deepEqual(
    (await page.locator('caseflow-payment-history [data-field="amount"]').allTextContents()).map((n) => n.trim()),
    ['$500.00', '$1,350.00'],
  );
  await page.screenshot({ path: path.join(outputDir('browser'), 'billing-payments.png'), fullPage: true });
  t.deepEqual(errors, []);
  await page.context().close();
});

/**
 * The firm's own website on another origin (allowed to embed the widgets),
 * serving one page with <caseflow-invoice-list> and a session its backend minted for Nora.
 */
async function firmSite(dir: 'ltr' | 'rtl' = 'ltr'): Promise<{ origin: string; close(): Promise<void> }> {
  let html = '';
  const site = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  await updateSettings(s, 'acme', { allowed_origins: [siteOrigin] });
  const ada = await s.staffLogin(demoStaff.ada);
  const [nora] = (await ada.contacts.list({ email: demo.nora.email })).data;
  const { token } = await ada.portalSessions.create({ contact_id: nora!.id });
  html = `<!doctype html><html dir="${dir}"><head><title>Acme Law — Client area</title>
${await embedHead(s.baseUrl, origin, ['caseflow-invoice-list'])}</head>
<body><caseflow-portal base-url="${origin}" token="${token}"><caseflow-invoice-list></caseflow-invoice-list></caseflow-portal></body></html>`;
  return {
    origin: siteOrigin,
    close: async () => {
      await updateSettings(s, 'acme', { allowed_origins: [] });
      site.closeAllConnections();
      await new Promise<void>((resolve) => site.close(() => resolve()));
    },
  };
}

test.serial('embedded on the firm’s own site with a bearer session, the PDF link downloads the PDF', async (t) => {
  // Right to left, to see the layout mirrored in the screenshot.
  const site = await firmSite('rtl');
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(site.origin);
    await page.waitForSelector('caseflow-invoice-list tr[part="row"][data-status="paid"]');
    const download = page.waitForEvent('download');
    await page.click('caseflow-invoice-list tr[data-status="paid"] [part="pdf-link"]');
    const file = await download;
    t.is(file.suggestedFilename(), 'INV-0001.pdf');
    t.is(
      fs
        .readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
    );
    await page.screenshot({ path: path.join(outputDir('browser'), 'billing-embedded-rtl.png'), fullPage: true });
    await context.close();
  } finally {
    await site.close();
  }
});

test.serial(
  'with Stripe: Pay, the fake Checkout page, back as "Payment pending", then "Paid" once the webhook lands',
  async (t) => {
    await connectStripe(s, 'acme');
    const invoice = await sentInvoice(s, { amount: 123_45 });
    const { page, errors } = await signedIn();
    await row(page, invoice.id).locator('[part~="pay"]').click();

    // Stripe's page (the fake's), on its own origin. The webhooks wait until released.
    await page.waitForURL(`${s.stripe!.baseUrl}/pay/**`);
    t.is(await page.textContent('[data-testid="description"]'), `Payment for Invoice ${invoice.number}`);
    t.is(await page.textContent('[data-testid="amount"]'), '12345 USD');
    s.stripe!.holdWebhooks = true;
    t.teardown(() => {
      s.stripe!.holdWebhooks = false;
    });
    await page.click('button:has-text("Pay")');

    await page.waitForURL(`${origin}/clients/invoices?caseflow_checkout=success&caseflow_invoice=${invoice.id}`);
    const badge = row(page, invoice.id).locator('[data-field="status"] [part~="status"]');
    await badge.locator('text=Payment pending').waitFor();
    t.is(
      await page.locator('caseflow-invoice-list [part="notice"]').textContent(),
      'Thank you. Your payment is being confirmed; this page updates when it is.',
    );
    await page.screenshot({ path: path.join(outputDir('browser'), 'billing-pending.png'), fullPage: true });

    s.stripe!.holdWebhooks = false;
    await s.stripe!.releaseWebhooks();
    await badge.locator('text=Paid').waitFor();
    t.is((await row(page, invoice.id).locator('[data-field="amount-due"]').textContent())!.trim(), '$0.00');
    t.is(await row(page, invoice.id).locator('[part~="pay"]').count(), 0);
    t.is(
      await page.locator('caseflow-invoice-list [part="notice"]').textContent(),
      `Payment received for invoice ${invoice.number}. Thank you.`,
    );
    // The return parameters are gone: a reload does not show the notice again.
    t.is(page.url(), `${origin}/clients/invoices`);

    const seen = await events(page);
    const session = [...s.stripe!.sessions.values()].find((x) => x.metadata?.invoice_id === invoice.id)!;
    t.deepEqual(seen, [
      { type: 'caseflow-checkout-started', detail: { invoice_id: invoice.id, session_id: session.id } },
      { type: 'caseflow-paid', detail: { invoice_id: invoice.id, amount_paid: 123_45, status: 'paid' } },
    ]);
    t.deepEqual(errors, []);
    await page.context().close();
  },
);

test.serial('with Stripe: cancelling on the Checkout page comes back with a short notice, nothing paid', async (t) => {
  const invoice = await sentInvoice(s, { amount: 42_00 });
  const { page } = await signedIn();
  await row(page, invoice.id).locator('[part~="pay"]').click();
  await page.waitForURL(`${s.stripe!.baseUrl}/pay/**`);
  await page.click('a:has-text("Cancel")');
  await page.waitForURL(`${origin}/clients/invoices`);
  await page.locator('caseflow-invoice-list [part="notice"]:has-text("Payment cancelled")').waitFor();
  t.is(
    (await page.locator('caseflow-invoice-list [part="notice"]').textContent())!.trim(),
    'Payment cancelled. You have not been charged.',
  );
  await row(page, invoice.id).waitFor();
  t.is((await row(page, invoice.id).locator('[data-field="status"]').textContent())!.trim(), 'Unpaid');
  t.is(await row(page, invoice.id).locator('[part~="pay"]').count(), 1);
  await page.context().close();
});

test.serial('with partial payments allowed, the invoice page pays the amount typed', async (t) => {
  await connectStripe(s, 'acme', { allow_partial_payments: true, partial_payment_minimum: 10_00 });
  const invoice = await sentInvoice(s, { amount: 300_00 });
  const { page, errors } = await signedIn();
  await page.goto(`${origin}/clients/invoices/${invoice.id}`);
  await page.waitForSelector('caseflow-invoice [part="amount-input"]');
  t.is(await page.inputValue('caseflow-invoice #pay-amount'), '300.00');
  t.is((await page.textContent('caseflow-invoice [part="amount-hint"]'))!.trim(), 'Between $10.00 and $300.00.');

  await page.fill('caseflow-invoice #pay-amount', '5');
  await page.click('caseflow-invoice [part="pay"]');
  t.is(
    (await page.textContent('caseflow-invoice [part="error"]'))!.trim(),
    'Enter an amount between $10.00 and $300.00.',
  );

  await page.fill('caseflow-invoice #pay-amount', '120.50');
  t.is((await page.textContent('caseflow-invoice [part="pay"]'))!.trim(), 'Pay $120.50');
  await page.click('caseflow-invoice [part="pay"]');
  await page.waitForURL(`${s.stripe!.baseUrl}/pay/**`);
  t.is(await page.textContent('[data-testid="amount"]'), '12050 USD');
  await page.click('button:has-text("Pay")');
  await page.waitForURL(`${origin}/clients/invoices/${invoice.id}**`);
  await page.locator('caseflow-invoice [part~="status-partially_paid"]').waitFor();
  t.is((await page.textContent('caseflow-invoice [data-field="amount-due"]'))!.trim(), '$179.50');
  t.deepEqual(
    (await page.locator('caseflow-invoice [part="payment"] [data-field="method"]').allTextContents()).map((m) =>
      m.trim(),
    ),
    ['Card'],
  );
  // The webhook had landed before the redirect: the widget saw it on its first look.
  t.deepEqual(
    (await events(page)).filter((e) => e.type === 'caseflow-paid'),
    [{ type: 'caseflow-paid', detail: { invoice_id: invoice.id, amount_paid: 120_50, status: 'partially_paid' } }],
  );
  t.is(page.url(), `${origin}/clients/invoices/${invoice.id}`);
  t.deepEqual(errors, []);
  await page.context().close();
});

test.serial(
  'embedded on the firm’s own site: Pay goes to Checkout and back to that site, where the invoice ends paid',
  async (t) => {
    const site = await firmSite();
    try {
      const invoice = await sentInvoice(s, { amount: 77_00 });
      const page = await browser.newPage();
      await page.goto(site.origin);
      await row(page, invoice.id).locator('[part~="pay"]').click();
      await page.waitForURL(`${s.stripe!.baseUrl}/pay/**`);
      await page.click('button:has-text("Pay")');
      await page.waitForURL(`${site.origin}/?caseflow_checkout=success&caseflow_invoice=${invoice.id}`);
      await row(page, invoice.id).locator('[part~="status-paid"]').waitFor();
      t.is((await row(page, invoice.id).locator('[data-field="amount-due"]').textContent())!.trim(), '$0.00');
      t.is(page.url(), `${site.origin}/`);
      await page.close();
    } finally {
      await site.close();
    }
  },
);
