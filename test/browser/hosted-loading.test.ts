import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Contact } from '../../sdk/schemas/contacts.js';
import { browserTest, launchChromium, logInOnHostedPortal } from '../helpers/browser.js';
import { firmAdmin } from '../helpers/factories/index.js';
import { demo, startTestServer, type TestServer } from '../helpers/server.js';

// The hosted portal fetches a widget's code when the widget appears: a section
// inside <caseflow-gate> only when the gate lets the contact in.
const test = browserTest().serial;

let s: TestServer;
let browser: Browser;

interface BuildManifest {
  entries: Record<string, { file: string; imports: string[] }>;
}
const manifest = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../widgets/dist/manifest.json'), 'utf8'),
) as BuildManifest;
const fileOf = (entry: string) => manifest.entries[entry]!.file;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

const origin = () => `http://acme.localhost:${s.server.port}`;

/** Logs in on the hosted login page and returns the widget files the Invoices page then fetched. */
async function widgetFilesOfInvoices(email: string, password: string): Promise<{ page: Page; files: () => string[] }> {
  const page = await browser.newPage();
  const files: string[] = [];
  page.on('request', (request) => {
    const match = /\/assets\/widgets\/[^/]+\/(.+)$/.exec(new URL(request.url()).pathname);
    if (match) files.push(match[1]!);
  });
  await logInOnHostedPortal(page, origin(), { email: email, password: password });
  files.length = 0;
  await page.goto(`${origin()}/clients/invoices`);
  await page.waitForSelector('caseflow-gate[access="granted"], caseflow-gate[access="denied"]', { state: 'attached' });
  return { page, files: () => [...new Set(files)] };
}

test('a contact with the invoices permission gets the invoice list’s code once the gate opens', async (t) => {
  const { page, files } = await widgetFilesOfInvoices(demo.nora.email, demo.nora.password);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
  t.true(files().includes(fileOf('caseflow-invoice-list')));
  t.true(files().includes(fileOf('caseflow-gate')));
  // The home's code is on another page: never fetched here.
  t.false(files().includes(fileOf('caseflow-home')));
  // The invoice detail's code is on another page: never fetched here.
  t.false(files().includes(fileOf('caseflow-invoice')));
  await page.close();
});

test('a contact without it never downloads the invoice list’s code', async (t) => {
  const ada = await firmAdmin(s);
  const gina = await s.db
    .owner('contacts')
    .where({ email: demo.gina.email })
    .first<Pick<Contact, 'id' | 'permissions'>>();
  await ada.contacts.update(gina.id, { permissions: ['contracts', 'documents'] });
  t.teardown(() => ada.contacts.update(gina.id, { permissions: gina.permissions }));

  const { page, files } = await widgetFilesOfInvoices(demo.gina.email, demo.gina.password);
  await page.waitForSelector('caseflow-gate [part="message"]');
  t.is(await page.locator('caseflow-invoice-list').count(), 0);
  t.false(files().includes(fileOf('caseflow-invoice-list')));
  t.true(files().includes(fileOf('caseflow-gate')));
  await page.close();
});
