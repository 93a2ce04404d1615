import type { Browser } from 'playwright-core';
import { browserTest, embedHead, launchChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// A firm's page that places the identity widgets without a <caseflow-portal>
// around them: those that need one say so; set-password and impersonate, whose
// pages have no session, work on their own.
const test = browserTest();

let s: TestServer;
let browser: Browser;

test.before(async () => {
  s = await startTestServer();
  browser = await launchChromium();
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
});

const tags = ['login', 'nav', 'gate', 'preview-banner', 'set-password', 'impersonate'];
const token = `cfl_${'A'.repeat(43)}`;

test('outside a portal, login, nav, gate and the preview banner say so; set-password and impersonate work alone', async (t) => {
  const origin = `http://acme.localhost:${s.server.port}`;
  const head = await embedHead(
    s.baseUrl,
    origin,
    tags.map((tag) => `caseflow-${tag}`),
  );
  const body = tags.map((tag) => `<caseflow-${tag}></caseflow-${tag}>`).join('\n');
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A page of the firm's own on the portal's host (so the widgets' files are same-origin).
  await page.route(`${origin}/outside`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${origin}/outside#token=${token}`);

  for (const tag of ['login', 'nav', 'gate', 'preview-banner']) {
    const message = page.locator(`caseflow-${tag} [part="error"]`);
    t.is(await message.textContent(), `<caseflow-${tag}> must be placed inside <caseflow-portal>.`, tag);
    t.true(await message.isVisible(), tag);
  }
  t.is(await page.locator('caseflow-login form').count(), 0);
  t.is(await page.locator('caseflow-set-password [part="base"]').getAttribute('data-state'), 'form');
  t.is(await page.locator('caseflow-set-password [part="error"]').textContent(), '');
  t.is(await page.locator('caseflow-impersonate [part="base"]').getAttribute('data-state'), 'ready');
  t.true(await page.locator('caseflow-impersonate [part="submit"]').isVisible());
  t.deepEqual(errors, []);
  await page.close();
});
