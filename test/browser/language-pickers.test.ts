/**
 * The language pickers in Chromium: the login form's (switches the page at
 * once; on the hosted portal it leaves the `caseflow_language` cookie), the
 * profile's setting and the account menu's Language group (both saved as the
 * contact's own through PATCH /portal/me), and field errors in the reader's
 * language, chosen by the API's code. Widgets run on the firm's own site (an
 * embedding origin) where a test needs the page to stay put, and on the hosted
 * portal for the cookie. Screenshots in Arabic under test-output/language-pickers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserTest, embedHead, launchChromium, outputDir } from '../helpers/browser.js';
import { updateSettings } from '../helpers/factories/index.js';
import { axeViolations } from '../helpers/page-checks.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

const test = browserTest().serial;

let s: TestServer;
let browser: Browser;
let site: { origin: string; close(): Promise<void> };
let portalHost: string;
/** What the firm's site answers with, set by each test. */
let page = '';

/** The firm's own website: another origin that embeds the widgets. */
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
  site = await firmSite();
  await updateSettings(s, 'acme', { allowed_origins: [site.origin] });
  portalHost = `http://acme.localhost:${s.server.port}`;
});
test.after.always(async () => {
  await browser?.close();
  await site?.close();
  await s?.close();
});

/** A bearer session of Nora's, as the firm's backend would mint it for its own site. */
async function noraToken(): Promise<string> {
  const { session } = await s.portal('acme').auth.login({ ...demo.nora, transport: 'bearer' });
  return session.token!;
}

/** Nora's own language, as the API answers it. */
async function noraLanguage(): Promise<string | null> {
  return (await s.portal('acme', await noraToken()).me()).contact.language;
}

async function resetNora(): Promise<void> {
  await s.portal('acme', await noraToken()).updateProfile({ language: null });
}

/**
 * The firm's site with `widgets` in a portal: signed in as Nora with `token`, else with no session (a sign-in
 * there keeps its token in the tab: cross-origin answers never carry cookies). The page's language events
 * are kept in `window.changes`.
 */
async function openSite(widgets: string[], body: string, width = 1280, token?: string): Promise<Page> {
  page = `<!doctype html><html lang="en"><head><title>Acme Law — Client area</title>
${await embedHead(s.baseUrl, portalHost, widgets)}</head>
<body><caseflow-portal base-url="${portalHost}" ${token ? `token="${token}"` : 'token-storage="session"'}>${body}</caseflow-portal></body></html>`;
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
  const tab = await context.newPage();
  await tab.addInitScript(`
    window.changes = [];
    document.addEventListener('caseflow-language-changed', (e) => window.changes.push(e.detail));
  `);
  await tab.goto(site.origin);
  return tab;
}

const changes = (tab: Page) => tab.evaluate('window.changes') as Promise<unknown[]>;

/** The element's text with whitespace collapsed, once it equals `text` or after 10 s (whatever it is then). */
async function textOf(locator: Locator, text: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const seen = ((await locator.textContent({ timeout: 10_000 })) ?? '').replace(/\s+/g, ' ').trim();
    if (seen === text || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const texts = async (locator: Locator) => (await locator.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());

const shot = (tab: Page, name: string) =>
  tab.screenshot({ path: path.join(outputDir('language-pickers'), `${name}.png`), fullPage: true });

test('the login picker names each language in itself and switches the login form to Arabic at once', async (t) => {
  const tab = await openSite(['caseflow-login'], '<caseflow-login></caseflow-login>');
  const login = tab.locator('caseflow-login');
  await login.locator('[part="submit"]').waitFor();
  t.deepEqual(await texts(login.locator('[part="language"]')), [
    'English',
    'Español',
    'Français',
    'Deutsch',
    'العربية',
  ]);
  t.deepEqual(
    await login.locator('[part="language"]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('lang'))),
    ['en', 'es', 'fr', 'de', 'ar'],
  );
  t.is(await login.locator('[part="language"][aria-pressed="true"]').getAttribute('lang'), 'en');

  await login.locator('[part="language"][lang="ar"]').click();
  t.is(await textOf(login.locator('[part="submit"]'), 'تسجيل الدخول'), 'تسجيل الدخول');
  t.deepEqual(await texts(login.locator('[part="label"]')), ['البريد الإلكتروني', 'كلمة المرور']);
  t.is(await textOf(login.locator('[part="forgot-link"]'), 'هل نسيت كلمة المرور؟'), 'هل نسيت كلمة المرور؟');
  t.is(await textOf(login.locator('#languages-label'), 'اللغة'), 'اللغة');
  t.is(await login.locator('[part="language"][aria-pressed="true"]').getAttribute('lang'), 'ar');
  // The endonyms stay as they are in any language.
  t.deepEqual(await texts(login.locator('[part="language"]')), [
    'English',
    'Español',
    'Français',
    'Deutsch',
    'العربية',
  ]);
  t.deepEqual(await changes(tab), [{ language: 'ar', saved: false }]);
  // The portal takes the page's language as its own (and, with the runtime glue, turns right to left).
  t.is(await tab.getAttribute('caseflow-portal', 'locale'), 'ar');

  await login.locator('[part="forgot-link"]').click();
  t.is(
    await textOf(
      login.locator('#forgot-intro'),
      'أدخل البريد الإلكتروني الذي تسجّل الدخول به. سنرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
    ),
    'أدخل البريد الإلكتروني الذي تسجّل الدخول به. سنرسل إليك رابطًا لاختيار كلمة مرور جديدة.',
  );
  t.deepEqual(await axeViolations(tab), []);
  await tab.context().close();
});

test('on the hosted login page the picker sets the caseflow_language cookie for a year and reloads the page, unless the page is already in that language', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await tab.goto(`${portalHost}/clients/login`);
  await tab.locator('caseflow-login [part="submit"]').waitFor();
  const before = Date.now() / 1000;
  await Promise.all([
    tab.waitForEvent('framenavigated', { predicate: (frame) => frame === tab.mainFrame() }),
    tab.click('caseflow-login [part="language"][lang="ar"]'),
  ]);
  const [cookie] = (await context.cookies(portalHost)).filter((c) => c.name === 'caseflow_language');
  t.like(cookie, { value: 'ar', path: '/', sameSite: 'Lax', httpOnly: false });
  t.true(Math.abs(cookie!.expires - (before + 31_536_000)) < 60, `expires ${cookie!.expires}`);
  t.is(tab.url(), `${portalHost}/clients/login`);
  await tab.locator('caseflow-login [part="submit"]').waitFor();

  // The language the server rendered the page in: kept in the cookie, and no reload.
  const lang = await tab.evaluate(() => document.documentElement.lang.split('-')[0]!);
  await tab.evaluate('window.stayed = true');
  await tab.click(`caseflow-login [part="language"][lang="${lang}"]`);
  await tab.waitForFunction((l) => document.cookie.includes(`caseflow_language=${l}`), lang);
  await new Promise((resolve) => setTimeout(resolve, 500));
  t.is(await tab.evaluate('window.stayed'), true);
  await context.close();
});

test('the profile saves the chosen language through the API and shows the page in it', async (t) => {
  await resetNora();
  const tab = await openSite(['caseflow-profile'], '<caseflow-profile></caseflow-profile>', 1280, await noraToken());
  const profile = tab.locator('caseflow-profile');
  await profile.locator('[part="base"][data-state="ready"]').waitFor();
  t.is(await textOf(profile.locator('#language-heading'), 'Language'), 'Language');
  t.deepEqual(await texts(profile.locator('[part="language-select"] option')), [
    'English (the default of Acme Law)',
    'English',
    'Español',
    'Français',
    'Deutsch',
    'العربية',
  ]);
  t.is(await profile.locator('[part="language-select"]').inputValue(), '');

  await profile.locator('[part="language-select"]').selectOption('es');
  await profile.locator('[part="language-submit"]').click();
  t.is(
    await textOf(profile.locator('[part="language-message"]'), 'Se ha guardado su idioma.'),
    'Se ha guardado su idioma.',
  );
  t.is(await textOf(profile.locator('#details-heading'), 'Sus datos'), 'Sus datos');
  t.is(await textOf(profile.locator('[part="language-submit"]'), 'Guardar idioma'), 'Guardar idioma');
  t.is(await profile.locator('[part="language-select"]').inputValue(), 'es');
  t.is(await textOf(profile.locator('[part="language-error"]'), ''), '');
  t.deepEqual(await changes(tab), [{ language: 'es', saved: true }]);
  t.is(await noraLanguage(), 'es');

  // Back to the firm's default: saved as null, and the page follows the firm (English).
  await profile.locator('[part="language-select"]').selectOption('');
  await profile.locator('[part="language-submit"]').click();
  t.is(
    await textOf(profile.locator('[part="language-message"]'), 'Your language has been saved.'),
    'Your language has been saved.',
  );
  t.is(await noraLanguage(), null);
  await tab.context().close();
});

test('the account menu lists the five languages as radio items and saves the one chosen', async (t) => {
  await resetNora();
  const tab = await openSite(['caseflow-account'], '<caseflow-account></caseflow-account>', 1280, await noraToken());
  const account = tab.locator('caseflow-account');
  await account.locator('[part="button"]').click();
  const items = account.locator('[part="language"]');
  t.is(await account.locator('[part="languages"]').getAttribute('role'), 'group');
  t.is(await textOf(account.locator('#language-label'), 'Language'), 'Language');
  t.deepEqual(await texts(items), ['English', 'Español', 'Français', 'Deutsch', 'العربية']);
  t.deepEqual(
    await items.evaluateAll((list) => list.map((i) => [i.getAttribute('role'), i.getAttribute('aria-checked')])),
    [
      ['menuitemradio', 'true'],
      ['menuitemradio', 'false'],
      ['menuitemradio', 'false'],
      ['menuitemradio', 'false'],
      ['menuitemradio', 'false'],
    ],
  );

  await account.locator('[part="language"][lang="de"]').click();
  t.is(await textOf(account.locator('[part="logout"]'), 'Abmelden'), 'Abmelden');
  t.is(await account.locator('[part="language"][aria-checked="true"]').getAttribute('lang'), 'de');
  t.is(await account.locator('[part="menu"]').isVisible(), true);
  t.deepEqual(await changes(tab), [{ language: 'de', saved: true }]);
  t.is(await noraLanguage(), 'de');

  // The arrow keys move between the languages.
  await account.locator('[part="language"][lang="de"]').focus();
  await tab.keyboard.press('ArrowDown');
  t.is(await tab.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('lang')), 'ar');
  await tab.keyboard.press('ArrowDown');
  t.is(await tab.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('lang')), 'en');
  await resetNora();
  await tab.context().close();
});

test('field errors are shown in Spanish, chosen by the code, with the server’s words for a code the form does not know', async (t) => {
  const tab = await openSite(['caseflow-login'], '<caseflow-login></caseflow-login>');
  const login = tab.locator('caseflow-login');
  await login.locator('[part="language"][lang="es"]').click();
  t.is(await textOf(login.locator('[part="submit"]'), 'Iniciar sesión'), 'Iniciar sesión');

  // The server's own refusal of a malformed address (code invalid_format), beside the email field.
  await login.locator('#email').fill('not-an-address');
  await login.locator('#password').fill('whatever-it-is');
  await login.locator('[part="submit"]').click();
  t.is(
    await textOf(
      login.locator('#email-error'),
      'Introduzca una dirección de correo electrónico como nombre@example.com.',
    ),
    'Introduzca una dirección de correo electrónico como nombre@example.com.',
  );

  // An answer naming a required field, and a code the form has no sentence for.
  await tab.route('**/api/v1/portal/auth/login', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          type: 'invalid_request_error',
          code: 'parameter_invalid',
          message: '2 fields need attention.',
          request_id: 'req_test',
          params: [
            { path: 'body.email', code: 'required', message: 'Email address is required.' },
            { path: 'body.password', code: 'not_multiple', message: 'Password must be a multiple of 2.' },
          ],
        },
      }),
    }),
  );
  await login.locator('[part="submit"]').click();
  t.is(
    await textOf(login.locator('#email-error'), 'Rellene el campo «Correo electrónico».'),
    'Rellene el campo «Correo electrónico».',
  );
  t.is(
    await textOf(login.locator('#password-error'), 'Password must be a multiple of 2.'),
    'Password must be a multiple of 2.',
  );
  t.is(await login.locator('#email').getAttribute('aria-invalid'), 'true');
  await tab.context().close();
});

test('login, profile and the open account menu in Arabic, at 390 and 1,280 px', async (t) => {
  await s.portal('acme', await noraToken()).updateProfile({ language: 'ar' });
  for (const width of [390, 1280]) {
    const login = await openSite(['caseflow-login'], '<caseflow-login></caseflow-login>', width);
    await login.click('caseflow-login [part="language"][lang="ar"]');
    t.is(await textOf(login.locator('caseflow-login [part="submit"]'), 'تسجيل الدخول'), 'تسجيل الدخول');
    await shot(login, `login-ar-${width}`);
    await login.context().close();

    const signedIn = await openSite(
      ['caseflow-account', 'caseflow-profile'],
      '<header style="display:flex;justify-content:flex-end;padding:8px"><caseflow-account></caseflow-account></header>' +
        '<main style="padding:8px"><caseflow-profile></caseflow-profile></main>',
      width,
      await noraToken(),
    );
    // Nora's own language is Arabic: with the runtime glue the portal picks it; without, the menu does.
    await signedIn.locator('caseflow-profile [part="base"][data-state="ready"]').waitFor();
    await signedIn.click('caseflow-account [part="button"]');
    await signedIn.click('caseflow-account [part="language"][lang="ar"]');
    t.is(await textOf(signedIn.locator('caseflow-account [part="logout"]'), 'تسجيل الخروج'), 'تسجيل الخروج');
    t.is(await textOf(signedIn.locator('caseflow-profile #details-heading'), 'بياناتك'), 'بياناتك');
    await shot(signedIn, `account-menu-and-profile-ar-${width}`);
    await signedIn.context().close();
  }
  await resetNora();
});

test('in an admin preview the language setting is disabled and says why, and the account menu has no Language', async (t) => {
  const ada = await s.staffLogin(demoStaff.ada);
  const northwind = await s.db.owner('clients').where({ name: 'Northwind Traders' }).first<{ id: string }>('id');
  const link = await ada.impersonations.create(northwind!.id, { reason: 'check the language setting' });
  const token = new URL(link.url).hash.replace(/^#token=/, '');
  const { session } = await s.portal('acme').auth.redeemImpersonation({ token });
  const tab = await openSite(
    ['caseflow-account', 'caseflow-profile'],
    '<caseflow-account></caseflow-account><caseflow-profile></caseflow-profile>',
    1280,
    session.token!,
  );
  const profile = tab.locator('caseflow-profile');
  await profile.locator('[part="base"][data-state="ready"]').waitFor();
  t.true(await profile.locator('[part="language-select"]').isDisabled());
  t.is(await profile.locator('[part="language-submit"]').count(), 0);
  t.is(
    await textOf(
      profile.locator('#language-preview'),
      'You are previewing the portal as this contact: their language cannot be changed here.',
    ),
    'You are previewing the portal as this contact: their language cannot be changed here.',
  );
  await tab.click('caseflow-account [part="button"]');
  t.is(await tab.locator('caseflow-account [part="languages"]').count(), 0);
  await tab.context().close();
});
