import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { browserTest, launchChromium, embedHead } from '../helpers/browser.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';
import { updateSettings } from '../helpers/factories/index.js';

const test = browserTest();

let s: TestServer;
let browser: Browser;
let allowed: { origin: string; close(): Promise<void> };
let other: { origin: string; close(): Promise<void> };
let page = '';

/** The firm's own website: another origin that embeds the widgets with a token its backend minted. */
async function firmSite(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  allowed = await firmSite();
  other = await firmSite();
  await updateSettings(s, 'acme', { allowed_origins: [allowed.origin] });
  const portalHost = `http://acme.localhost:${s.server.port}`;
  // The firm's backend mints a session per visit with its API key (never sent to the browser).
  const ada = await s.staffLogin(demoStaff.ada);
  const key = await ada.apiKeys.create({ name: 'website SSO', role: 'staff', scopes: ['portal_sessions:mint'] });
  const [nora] = (await ada.contacts.list({ email: demo.nora.email })).data;
  const { token } = await s.admin('acme', key.secret).portalSessions.create({ contact_id: nora!.id });
  page = `<!doctype html><html><head><title>Acme Law — Client area</title>
${await embedHead(s.baseUrl, portalHost, ['caseflow-invoice-list'])}</head>
<body><caseflow-portal base-url="${portalHost}" token="${token}"><caseflow-invoice-list></caseflow-invoice-list></caseflow-portal></body></html>`;
});
test.after.always(async () => {
  await browser?.close();
  await allowed?.close();
  await other?.close();
  await s?.close();
});

test('on an origin the firm allowed, the embedded widgets show the invoices of the contact the firm minted a session for', async (t) => {
  const tab = await browser.newPage();
  await tab.goto(allowed.origin);
  await tab.waitForSelector('caseflow-invoice-list tr[part="row"]');
  const numbers = await tab.locator('caseflow-invoice-list [data-field="number"]').allTextContents();
  t.deepEqual(
    numbers.map((n) => n.trim()),
    ['INV-0006', 'INV-0005', 'INV-0002', 'INV-0004', 'INV-0003', 'INV-0001'],
  );
  await tab.close();
});

test('on an origin the firm did not allow, the browser refuses the answers: no invoice is shown', async (t) => {
  const tab = await browser.newPage();
  const corsErrors: string[] = [];
  tab.on('console', (m) => m.type() === 'error' && corsErrors.push(m.text()));
  await tab.goto(other.origin);
  await tab.waitForSelector('caseflow-invoice-list [part="base"][data-state="error"]');
  t.is(await tab.locator('caseflow-invoice-list tr[part="row"]').count(), 0);
  t.true(
    corsErrors.some((e) => /CORS/.test(e)),
    corsErrors.join('\n'),
  );
  await tab.close();
});
