/**
 * The widgets in the reader's language, in Chromium, on a firm's own site that
 * embeds <caseflow-portal locale=…> with a token: the invoice list in Arabic
 * (right to left, mirrored, fitting every width, axe-clean), in Spanish (money
 * and dates in Spanish), switched live, and in English without fetching a
 * catalog. Screenshots in Arabic at 390 and 1280 px, light and dark, go to
 * test-output/widget-languages (and /tmp/shots15/wbill when that folder exists).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserTest, embedHead, launchChromium, outputDir } from '../helpers/browser.js';
import { axeViolations, sidewaysOverflow, WIDTHS } from '../helpers/page-checks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { aClient, aContact, anInvoiceRow, portalAs, updateSettings } from '../helpers/factories/index.js';

const test = browserTest();

let s: TestServer;
let browser: Browser;
let site: { origin: string; close(): Promise<void> };
let head = '';
let portalHost = '';
let token = '';
/** A contact of the same client who chose French in their profile. */
let frenchToken = '';
/** The euro invoice, for the invoice widget's page. */
let euroInvoiceId = '';
let shots: string[] = [];

const password = 'a long and lovely passphrase 15';

/**
 * The firm's page: `?locale=` and `?theme=` go onto <caseflow-portal>. Its
 * <html lang> is English, as most firms' sites are: the attribute must win.
 */
function firmPage(url: URL): string {
  const locale = url.searchParams.get('locale');
  const theme = url.searchParams.get('theme');
  const session = url.searchParams.get('contact') === 'french' ? frenchToken : token;
  return `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Law — Client area</title>${head}
<style>body { margin: 0; padding: 8px; }${theme === 'dark' ? ' body { background: #0b1220; }' : ''}</style></head>
<body><main><h1 style="font: 600 1.25rem system-ui; color: ${theme === 'dark' ? '#e5e7eb' : '#1f2937'}">Acme Law</h1>
<caseflow-portal base-url="${portalHost}" token="${session}"${locale ? ` locale="${locale}"` : ''}${theme ? ` theme="${theme}"` : ''}>
${
  url.searchParams.get('widget') === 'invoice'
    ? `<caseflow-invoice invoice-id="${euroInvoiceId}"></caseflow-invoice>`
    : '<caseflow-invoice-list></caseflow-invoice-list>'
}</caseflow-portal></main></body></html>`;
}

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(firmPage(new URL(req.url ?? '/', 'http://site')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  await updateSettings(s, 'acme', { allowed_origins: [site.origin] });
  portalHost = `http://acme.localhost:${s.server.port}`;
  head = await embedHead(s.baseUrl, portalHost, ['caseflow-invoice-list', 'caseflow-invoice']);
  // A client of its own: exactly two invoices, one in euros with a due date, one in dollars, paid, without.
  const client = await aClient(s, { name: 'Sara Haddad' });
  const contact = await aContact(s, { client, first_name: 'سارة', last_name: 'Haddad', password });
  ({ id: euroInvoiceId } = await anInvoiceRow(s, {
    client,
    number: 'LANG-0001',
    currency: 'EUR',
    total: 1234567,
    issue_date: '2026-03-05',
    due_date: '2027-04-04',
  }));
  await anInvoiceRow(s, {
    client,
    number: 'LANG-0002',
    currency: 'USD',
    total: 50000,
    amount_paid: 50000,
    status: 'paid',
    issue_date: '2026-02-01',
    due_date: null,
  });
  token = (await portalAs(s, contact, password)).token!;
  const french = await aContact(s, { client, first_name: 'Zoé', last_name: 'Ørsted', language: 'fr', password });
  frenchToken = (await portalAs(s, french, password)).token!;
  const folder = '/tmp/shots15/wbill';
  shots = [outputDir('widget-languages'), ...(fs.existsSync(folder) ? [folder] : [])];
});
test.after.always(async () => {
  await browser?.close();
  await site?.close();
  await s?.close();
});

/** The page at `width` in a context of its own (axe needs one), with every script request it made. */
async function open(query: string, width = 1280): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.origin}/?${query}`);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
  return { page, requests, errors };
}

const list = 'caseflow-invoice-list';

/** Waits until the list's first column header reads `text` (the catalog arrives after the first render). */
const headerReads = (page: Page, text: string) =>
  page.waitForFunction(
    ([selector, wanted]) =>
      document.querySelector(selector!)?.shadowRoot?.querySelector('thead th')?.textContent?.trim() === wanted,
    [list, text],
  );

const texts = async (page: Page, selector: string) =>
  (await page.locator(`${list} ${selector}`).allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());

const row = (page: Page, number: string) => page.locator(`${list} tr[part="row"]`, { hasText: number });

test('with locale="ar" the invoice list speaks Arabic, right to left, its first column on the right', async (t) => {
  const { page, errors } = await open('locale=ar');
  await headerReads(page, 'الرقم');
  const portal = page.locator('caseflow-portal');
  t.is(await portal.getAttribute('lang'), 'ar');
  t.is(await portal.getAttribute('dir'), 'rtl');
  t.is(await page.locator(list).evaluate((el) => getComputedStyle(el).direction), 'rtl');
  t.deepEqual(await texts(page, 'thead th'), [
    'الرقم',
    'الحالة',
    'تاريخ الإصدار',
    'تاريخ الاستحقاق',
    'الإجمالي',
    'الرصيد المستحق',
    'الإجراءات',
  ]);
  t.is(await page.locator(`${list} [part="filter-label"]`).textContent(), 'عرض');
  t.deepEqual(await texts(page, '[part="filter"] option'), [
    'كل الفواتير',
    'غير مدفوع',
    'مدفوع جزئيًا',
    'متأخر السداد',
    'مدفوع',
    'ملغى',
  ]);
  t.deepEqual(await texts(page, '[part~="status"]'), ['مدفوع', 'غير مدفوع']); // newest first: LANG-0002 was written last
  const pdf = row(page, 'LANG-0001').locator('[part="pdf-link"]');
  t.is(await pdf.textContent(), 'PDF');
  t.is(await pdf.getAttribute('aria-label'), 'ملف PDF للفاتورة LANG-0001');
  t.is(
    await row(page, 'LANG-0002').locator('[data-field="due-date"] .visually-hidden').textContent(),
    'بدون تاريخ استحقاق',
  );
  // Money in Arabic, as Intl writes it for `ar` (the firm's locale is en-US: the bare language).
  const expected = await page.evaluate(() =>
    new Intl.NumberFormat('ar', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 }).format(12345.67),
  );
  t.is((await row(page, 'LANG-0001').locator('[data-field="total"]').textContent())?.trim(), expected);
  // Mirrored: the number (first column) at the right, the status left of it, the actions leftmost.
  const number = await row(page, 'LANG-0001').locator('[data-field="number"]').boundingBox();
  const status = await row(page, 'LANG-0001').locator('[data-field="status"]').boundingBox();
  const actions = await row(page, 'LANG-0001').locator('[data-field="actions"]').boundingBox();
  t.true(number!.x > status!.x, `number at ${number!.x}, status at ${status!.x}`);
  t.true(status!.x > actions!.x, `status at ${status!.x}, actions at ${actions!.x}`);
  const table = await page.locator(`${list} [part="table"]`).boundingBox();
  t.true(
    Math.abs(number!.x + number!.width - (table!.x + table!.width)) <= 2,
    'the number cell touches the right edge',
  );
  t.deepEqual(errors, []);
  await page.context().close();
});

for (const width of WIDTHS) {
  test(`at ${width} px the Arabic invoice list fits without sideways scrolling and has no axe violations`, async (t) => {
    const { page } = await open('locale=ar', width);
    await headerReads(page, 'الرقم');
    t.is(await sidewaysOverflow(page), 0);
    t.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
}

for (const width of [390, 1280]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the Arabic invoice list at ${width} px in ${theme} mode is photographed and fits`, async (t) => {
      const { page } = await open(`locale=ar&theme=${theme}`, width);
      await headerReads(page, 'الرقم');
      t.is(await page.locator('caseflow-portal').getAttribute('theme'), theme);
      t.is(await sidewaysOverflow(page), 0);
      const shot = await page.screenshot({ fullPage: true });
      for (const folder of shots) fs.writeFileSync(path.join(folder, `invoice-list-ar-${theme}-${width}.png`), shot);
      await page.context().close();
    });
  }
}

test('with locale="es" the headers are Spanish and a euro invoice reads 12.345,67 € issued 5 mar 2026', async (t) => {
  const { page } = await open('locale=es');
  await headerReads(page, 'Número');
  t.is(await page.locator('caseflow-portal').getAttribute('lang'), 'es');
  t.is(await page.locator('caseflow-portal').getAttribute('dir'), null);
  t.deepEqual(await texts(page, 'thead th'), [
    'Número',
    'Estado',
    'Emisión',
    'Vencimiento',
    'Total',
    'Saldo',
    'Acciones',
  ]);
  const euros = row(page, 'LANG-0001');
  t.is((await euros.locator('[data-field="total"]').textContent())?.trim(), '12.345,67\u00a0€');
  t.is((await euros.locator('[data-field="amount-due"]').textContent())?.trim(), '12.345,67\u00a0€');
  t.is((await euros.locator('[data-field="issue-date"]').textContent())?.trim(), '5 mar 2026');
  t.is((await euros.locator('[data-field="status"]').textContent())?.trim(), 'Sin pagar');
  t.is((await row(page, 'LANG-0002').locator('[data-field="total"]').textContent())?.trim(), '500,00\u00a0US$');
  await page.context().close();
});

test('changing the portal’s locale attribute re-renders the widgets in the new language and direction', async (t) => {
  const { page } = await open('locale=es');
  await headerReads(page, 'Número');
  await page.locator('caseflow-portal').evaluate((portal) => portal.setAttribute('locale', 'ar'));
  await headerReads(page, 'الرقم');
  t.is(await page.locator('caseflow-portal').getAttribute('dir'), 'rtl');
  t.is((await row(page, 'LANG-0001').locator('[data-field="status"]').textContent())?.trim(), 'غير مدفوع');
  await page.locator('caseflow-portal').evaluate((portal) => portal.setAttribute('locale', 'en'));
  await headerReads(page, 'Number');
  t.is(await page.locator('caseflow-portal').getAttribute('lang'), 'en');
  t.not(await page.locator('caseflow-portal').getAttribute('dir'), 'rtl');
  t.is(await page.locator(list).evaluate((el) => getComputedStyle(el).direction), 'ltr');
  t.is((await row(page, 'LANG-0001').locator('[data-field="total"]').textContent())?.trim(), '€12,345.67');
  await page.context().close();
});

test('an English page fetches no catalog: neither the catalog switch nor any language chunk', async (t) => {
  const { page, requests } = await open('');
  t.is(await page.locator('caseflow-portal').getAttribute('lang'), 'en');
  t.deepEqual(await texts(page, 'thead th'), ['Number', 'Status', 'Issued', 'Due', 'Total', 'Balance', 'Actions']);
  // Give a late lazy import its chance to show before counting.
  await page.waitForLoadState('networkidle');
  const scripts = requests.filter((url) => url.endsWith('.js')).map((url) => url.replace(/^.*\/(chunks\/)?/, '$1'));
  t.true(scripts.length > 0);
  t.deepEqual(
    scripts.filter((file) => /^chunks\/(catalogs|es|fr|de|ar)\./.test(file)),
    [],
  );
  await page.context().close();
});

test('a Spanish page fetches the catalog switch and the Spanish catalog only', async (t) => {
  const { page, requests } = await open('locale=es');
  await headerReads(page, 'Número');
  const catalogs = requests
    .map((url) => /\/chunks\/(catalogs|es|fr|de|ar)\.[\w-]+\.js$/.exec(url)?.[1])
    .filter((name) => name !== undefined);
  t.deepEqual(catalogs.sort(), ['catalogs', 'es']);
  await page.context().close();
});

test('without a locale attribute the contact’s own language wins over the page’s English and the firm’s en-US', async (t) => {
  const { page } = await open('contact=french');
  await headerReads(page, 'Numéro');
  t.is(await page.locator('caseflow-portal').getAttribute('lang'), 'fr');
  t.is((await row(page, 'LANG-0001').locator('[data-field="total"]').textContent())?.trim(), '12\u202f345,67\u00a0€');
  t.is((await row(page, 'LANG-0001').locator('[data-field="status"]').textContent())?.trim(), 'Impayé');
  await page.context().close();
});

test('the locale attribute wins over the contact’s own language', async (t) => {
  const { page } = await open('contact=french&locale=de');
  await headerReads(page, 'Nummer');
  t.is(await page.locator('caseflow-portal').getAttribute('lang'), 'de');
  t.is((await row(page, 'LANG-0001').locator('[data-field="issue-date"]').textContent())?.trim(), '05.03.2026');
  await page.context().close();
});

for (const width of [390, 1280]) {
  test(`the invoice in Arabic at ${width} px: its heading, totals and facts in Arabic, fitting, axe-clean, photographed`, async (t) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/?widget=invoice&locale=ar`);
    await page.waitForSelector('caseflow-invoice [part="base"][data-state="ready"]');
    await page.waitForFunction(
      () =>
        document
          .querySelector('caseflow-invoice')
          ?.shadowRoot?.querySelector('[part="number"]')
          ?.textContent?.trim() === 'الفاتورة LANG-0001',
    );
    const labels = await page.locator('caseflow-invoice [part="facts"] dt').allTextContents();
    t.deepEqual(
      labels.map((label) => label.trim()),
      ['تاريخ الإصدار', 'تاريخ الاستحقاق'],
    );
    t.is(await sidewaysOverflow(page), 0);
    t.deepEqual(await axeViolations(page), []);
    const shot = await page.screenshot({ fullPage: true });
    for (const folder of shots) fs.writeFileSync(path.join(folder, `invoice-ar-light-${width}.png`), shot);
    await context.close();
  });
}
