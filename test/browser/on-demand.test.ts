import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { browserTest, launchChromium, embedHead } from '../helpers/browser.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';
import { updateSettings } from '../helpers/factories/index.js';

// The invoice list page downloads only its entry and what it imports statically
// (its budget); the code only some visits run comes when it is needed, through
// the same import map, so its integrity is checked too.

const test = browserTest();

let s: TestServer;
let browser: Browser;
let site: { origin: string; close(): Promise<void> };
let page = '';
let staticFiles: string[] = [];

interface BuildManifest {
  entries: Record<string, { url: string; imports: string[] }>;
}

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  await updateSettings(s, 'acme', { allowed_origins: [site.origin] });
  const portalHost = `http://acme.localhost:${s.server.port}`;
  const ada = await s.staffLogin(demoStaff.ada);
  const key = await ada.apiKeys.create({ name: 'website SSO', role: 'staff', scopes: ['portal_sessions:mint'] });
  const [nora] = (await ada.contacts.list({ email: demo.nora.email })).data;
  const { token } = await s.admin('acme', key.secret).portalSessions.create({ contact_id: nora!.id });
  const served = (await (await fetch(`${s.baseUrl}/assets/widgets/manifest.json`)).json()) as BuildManifest;
  const entry = served.entries['caseflow-invoice-list']!;
  staticFiles = [entry.url, ...entry.imports].map((url) => new URL(url).pathname).sort();
  page = `<!doctype html><html><head><title>Acme Law</title>
${await embedHead(s.baseUrl, portalHost, ['caseflow-invoice-list'])}</head>
<body><caseflow-portal base-url="${portalHost}" token="${token}"><caseflow-invoice-list></caseflow-invoice-list></caseflow-portal></body></html>`;
});
test.after.always(async () => {
  await browser?.close();
  await site?.close();
  await s?.close();
});

/** The page with the invoices shown, and the widget files it fetched so far. */
async function open(): Promise<{ tab: Page; fetched: string[] }> {
  const tab = await browser.newPage();
  const fetched: string[] = [];
  tab.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/widgets/')) fetched.push(pathname);
  });
  await tab.goto(site.origin);
  await tab.waitForSelector('caseflow-invoice-list tr[part="row"]');
  return { tab, fetched };
}

const token = (tab: Page, name: string) =>
  tab.evaluate((n) => getComputedStyle(document.querySelector('caseflow-portal')!).getPropertyValue(n).trim(), name);

test.serial('a page with only the invoice list fetches its entry and static chunks, nothing else', async (t) => {
  const { tab, fetched } = await open();
  t.deepEqual([...new Set(fetched)].sort(), staticFiles);
  t.false(
    fetched.some((f) => /chunks\/(appearance|payment-watch|billing-actions)\./.test(f)),
    fetched.join('\n'),
  );
  // The tokens come from the portal's own stylesheet: light, then dark with its differing values.
  t.is(await token(tab, '--caseflow-color-link'), '#1d4ed8');
  t.is(await token(tab, '--caseflow-font-size-sm'), '0.875rem');
  await tab.evaluate(() => document.querySelector('caseflow-portal')!.setAttribute('theme', 'dark'));
  t.is(await token(tab, '--caseflow-color-link'), '#6183e4');
  t.is(await token(tab, '--caseflow-color-surface'), '#111a2b');
  t.is(await token(tab, '--caseflow-font-size-sm'), '0.875rem');
  await tab.close();
});

test.serial('an appearance fetches its colour code, integrity-checked, and derives the brand colours', async (t) => {
  const { tab, fetched } = await open();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  await tab.evaluate(() => {
    (document.querySelector('caseflow-portal') as HTMLElement & { appearance?: unknown }).appearance = {
      variables: { colorPrimary: '#fde68a', radius: '2px' },
    };
  });
  await tab.waitForFunction(
    () =>
      document.querySelector<HTMLElement>('caseflow-portal')!.style.getPropertyValue('--caseflow-color-on-primary') !==
      '',
  );
  const appearanceFile = fetched.find((f) => /chunks\/appearance\./.test(f));
  t.truthy(appearanceFile, fetched.join('\n'));
  // Fetched through the page's import map, which names its integrity: a changed file would not run.
  const integrity = await tab.evaluate(
    () =>
      (
        JSON.parse(document.querySelector('script[type="importmap"]')!.textContent!) as {
          integrity: Record<string, string>;
        }
      ).integrity,
  );
  t.regex(Object.entries(integrity).find(([url]) => new URL(url).pathname === appearanceFile)?.[1] ?? '', /^sha384-/);
  t.is(await token(tab, '--caseflow-color-primary'), '#fde68a');
  t.is(await token(tab, '--caseflow-color-on-primary'), '#111827');
  t.is(await token(tab, '--caseflow-color-link'), '#7f7345');
  t.is(await token(tab, '--caseflow-radius'), '2px');
  // Removing it removes what it set: the defaults apply again.
  await tab.evaluate(() => {
    (document.querySelector('caseflow-portal') as HTMLElement & { appearance?: unknown }).appearance = undefined;
  });
  await tab.waitForFunction(
    () =>
      document.querySelector<HTMLElement>('caseflow-portal')!.style.getPropertyValue('--caseflow-color-on-primary') ===
      '',
  );
  t.is(await token(tab, '--caseflow-color-primary'), '#1d4ed8');
  t.is(await token(tab, '--caseflow-radius'), '6px');
  t.deepEqual(errors, []);
  await tab.close();
});
