import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import type { WidgetManifest } from '../../sdk/widget-manifest.js';
import { browserTest, embedHead, launchChromium } from '../helpers/browser.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';
import { updateSettings } from '../helpers/factories/index.js';

/**
 * Subresource Integrity on a firm's page that shows only <caseflow-invoice-list>:
 * the entry's <script integrity> and the import map's `integrity` cover every
 * file it runs, so one changed byte in the entry or in a chunk it imports
 * stops the widget from being defined at all.
 */
const test = browserTest();

interface BuildManifest {
  version: string;
  entries: Record<string, { file: string; imports: string[]; dynamicImports: string[] }>;
  files: Record<string, { integrity: string }>;
}

const build = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../widgets/dist/manifest.json'), 'utf8'),
) as BuildManifest;
const sha384 = (content: Buffer) => `sha384-${createHash('sha384').update(content).digest('base64')}`;

let s: TestServer;
let browser: Browser;
let site: http.Server;
let siteOrigin = '';
let portalHost = '';
let token = '';

/** The firm's page: the <head> the manifest gives (import map + entry), and the list inside a portal. */
async function firmPage(head: string): Promise<string> {
  return `<!doctype html><html><head><title>Acme Law — Invoices</title>
${head}</head>
<body><caseflow-portal base-url="${portalHost}" token="${token}"><caseflow-invoice-list></caseflow-invoice-list></caseflow-portal></body></html>`;
}
let page = '';

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  site = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  portalHost = `http://acme.localhost:${s.server.port}`;
  await updateSettings(s, 'acme', { allowed_origins: [siteOrigin] });
  const ada = await s.staffLogin(demoStaff.ada);
  const key = await ada.apiKeys.create({ name: 'website SSO', role: 'staff', scopes: ['portal_sessions:mint'] });
  const [nora] = (await ada.contacts.list({ email: demo.nora.email })).data;
  ({ token } = await s.admin('acme', key.secret).portalSessions.create({ contact_id: nora!.id }));
  page = await firmPage(await embedHead(s.baseUrl, portalHost, ['caseflow-invoice-list']));
});
test.after.always(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  await s?.close();
});

/** A file with its last byte (the closing newline) turned into a space: still valid JavaScript. */
const changeLastByte = (content: Buffer) => Buffer.concat([content.subarray(0, -1), Buffer.from(' ')]);

/**
 * Answers the browser's request for a widget file with that file changed by one
 * byte, and the server's own headers (CORS, caching). Fetched from the bare API
 * host: Node cannot resolve the firm's `*.localhost` name, the browser's map can.
 */
async function tamper(route: Route): Promise<void> {
  const answer = await fetch(s.baseUrl + new URL(route.request().url()).pathname);
  const headers = Object.fromEntries(
    [...answer.headers].filter(([name]) => !['content-encoding', 'content-length'].includes(name)),
  );
  const body = changeLastByte(Buffer.from(await answer.arrayBuffer()));
  await route.fulfill({ status: answer.status, headers, body });
}

/** Opens the firm's page; answers whether the list got defined and the console's errors. */
async function open(tab: Page): Promise<{ defined: boolean; errors: string[] }> {
  const errors: string[] = [];
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(siteOrigin, { waitUntil: 'load' });
  // Module scripts run after load's network settles; give a refused one the time a good one needs.
  await tab.waitForFunction(() => document.readyState === 'complete');
  await tab.waitForTimeout(500);
  const defined = await tab.evaluate(() => customElements.get('caseflow-invoice-list') !== undefined);
  return { defined, errors };
}

const entryFile = build.entries['caseflow-invoice-list']!.file;
const coreChunk = build.entries['caseflow-invoice-list']!.imports.find((f) => /^chunks\/core\.[^.]+\.js$/.test(f))!;

test.serial(
  'untampered, the entry and its chunks pass their integrity checks and the list shows the invoices',
  async (t) => {
    const tab = await browser.newPage();
    const { defined, errors } = await open(tab);
    t.true(defined);
    await tab.waitForSelector('caseflow-invoice-list [part="base"][data-state="ready"]');
    t.is(await tab.locator('caseflow-invoice-list tr[part="row"]').count(), 6);
    t.deepEqual(
      errors.filter((e) => /integrity/i.test(e)),
      [],
    );
    await tab.close();
  },
);

test.serial(
  'a chunk with one byte changed (chunks/core.*.js) is refused by the import map integrity: the list is never defined',
  async (t) => {
    t.truthy(coreChunk, 'the invoice list imports the core chunk');
    const tab = await browser.newPage();
    await tab.route('**/assets/widgets/*/chunks/core.*.js', tamper);
    const { defined, errors } = await open(tab);
    t.false(defined);
    t.is(await tab.locator('caseflow-invoice-list tr[part="row"]').count(), 0);
    const refusal = errors.find((e) => /integrity/i.test(e) && e.includes(coreChunk));
    t.truthy(refusal, errors.join('\n'));
    t.log(refusal);
    await tab.close();
  },
);

test.serial(
  'the entry file with one byte changed is refused by its script integrity: the list is never defined',
  async (t) => {
    const tab = await browser.newPage();
    await tab.route(`**/assets/widgets/*/${entryFile}`, tamper);
    const { defined, errors } = await open(tab);
    t.false(defined);
    const refusal = errors.find((e) => /integrity/i.test(e) && e.includes(entryFile));
    t.truthy(refusal, errors.join('\n'));
    t.log(refusal);
    await tab.close();
  },
);

test.serial(
  'the same changed chunk runs once the import map names its new hash: the refusal above is the integrity check, not broken code',
  async (t) => {
    const core = await fetch(`${s.baseUrl}/assets/widgets/${build.version}/${coreChunk}`);
    const changed = changeLastByte(Buffer.from(await core.arrayBuffer()));
    const head = (await embedHead(s.baseUrl, portalHost, ['caseflow-invoice-list'])).replace(
      build.files[coreChunk]!.integrity,
      sha384(changed),
    );
    t.not(head, await embedHead(s.baseUrl, portalHost, ['caseflow-invoice-list']));
    const original = page;
    page = await firmPage(head);
    try {
      const tab = await browser.newPage();
      await tab.route('**/assets/widgets/*/chunks/core.*.js', tamper);
      const { defined } = await open(tab);
      t.true(defined);
      await tab.waitForSelector('caseflow-invoice-list [part="base"][data-state="ready"]');
      await tab.close();
    } finally {
      page = original;
    }
  },
);

test.serial(
  'every file the invoice-list page loads is one the manifest lists, with the integrity it declares and immutable caching',
  async (t) => {
    const tab = await browser.newPage();
    const loaded: { file: string; integrity: string; cacheControl: string | undefined }[] = [];
    const done: Promise<void>[] = [];
    tab.on('response', (response) => {
      const match = /\/assets\/widgets\/([^/]+)\/(.+)$/.exec(new URL(response.url()).pathname);
      if (!match) return;
      done.push(
        response.body().then((body) => {
          t.is(match[1], build.version);
          loaded.push({ file: match[2]!, integrity: sha384(body), cacheControl: response.headers()['cache-control'] });
        }),
      );
    });
    const { defined } = await open(tab);
    t.true(defined);
    await tab.waitForSelector('caseflow-invoice-list [part="base"][data-state="ready"]');
    await Promise.all(done);
    const expected = [entryFile, ...build.entries['caseflow-invoice-list']!.imports].sort();
    t.deepEqual(loaded.map((l) => l.file).sort(), expected);
    for (const l of loaded) {
      t.is(l.integrity, build.files[l.file]!.integrity, l.file);
      t.is(l.cacheControl, 'public, max-age=31536000, immutable', l.file);
    }
    await tab.close();
  },
);

test('the served manifest gives absolute URLs on the host asked, and its import map carries the integrity of every built file', async (t) => {
  const origin = s.baseUrl;
  const answer = await fetch(`${s.baseUrl}/assets/widgets/manifest.json`);
  const served = (await answer.json()) as WidgetManifest;
  const url = (file: string) => `${origin}/assets/widgets/${build.version}/${file}`;
  t.is(served.version, build.version);
  t.deepEqual(Object.keys(served.entries).sort(), Object.keys(build.entries).sort());
  for (const [name, entry] of Object.entries(build.entries)) {
    const { url: entryUrl, integrity, imports, dynamicImports } = served.entries[name]!;
    t.deepEqual(
      { entryUrl, integrity, imports, dynamicImports },
      {
        entryUrl: url(entry.file),
        integrity: build.files[entry.file]!.integrity,
        imports: entry.imports.map(url),
        dynamicImports: entry.dynamicImports.map(url),
      },
      name,
    );
  }
  t.deepEqual(served.importmap, {
    imports: {},
    integrity: Object.fromEntries(Object.entries(build.files).map(([file, f]) => [url(file), f.integrity])),
  });
  // Every file of the build, entries and chunks alike, is in the map.
  const onDisk = [
    ...fs.readdirSync(path.resolve(import.meta.dirname, '../../widgets/dist')).filter((f) => f.endsWith('.js')),
    ...fs.readdirSync(path.resolve(import.meta.dirname, '../../widgets/dist/chunks')).map((f) => `chunks/${f}`),
  ];
  t.deepEqual(Object.keys(served.importmap.integrity).sort(), onDisk.map(url).sort());
});

test('the bundled packages’ licences, stripped from the code, are served beside it as text', async (t) => {
  const served = (await (await fetch(`${s.baseUrl}/assets/widgets/manifest.json`)).json()) as WidgetManifest;
  t.is(served.licenses, `${s.baseUrl}/assets/widgets/${build.version}/THIRD-PARTY-LICENSES.txt`);
  const answer = await fetch(served.licenses);
  t.is(answer.status, 200);
  t.is(answer.headers.get('content-type'), 'text/plain; charset=utf-8');
  t.is(answer.headers.get('cache-control'), 'public, max-age=86400');
  const text = await answer.text();
  t.regex(text, /^lit-html@3\.\d+\.\d+$/m);
  t.true(text.includes('BSD 3-Clause License'));
});
