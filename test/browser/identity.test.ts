import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { AuthenticationError } from '../../sdk/errors.js';
import type { Contact } from '../../sdk/schemas/contacts.js';
import { passwordMessages } from '../../server/modules/portal-auth/passwords.js';
import { browserTest, launchChromium, outputDir } from '../helpers/browser.js';
import { firmAdmin, setPlan } from '../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.js';

// The client-facing identity screens, driven in Chromium against a real server,
// database and SMTP server. The tests run one after another: some change the
// firm's plan or a contact's permissions, which every page of that firm sees.
const test = browserTest().serial;

let s: TestServer;
let smtp: TestSmtp;
let browser: Browser;

test.before(async () => {
  smtp = await startSmtp();
  s = await startTestServer({ env: { SMTP_URL: smtp.url } });
  browser = await launchChromium();
});
test.after.always(async () => {
  await browser?.close();
  await s?.close();
  await smtp?.close();
});

// The server's own words, shown as they are.
const server = passwordMessages;

const origin = (firm: string) => `http://${firm}.localhost:${s.server.port}`;

/** A new tab that records script errors (HTTP error answers the test provokes are expected, not errors). */
async function openTab(): Promise<{ page: Page; errors: () => string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const expected = /^Failed to load resource: the server responded with a status of (400|401) /;
  return { page, errors: () => errors.filter((e) => !expected.test(e)) };
}

/** The element's text with whitespace collapsed, once it equals `text` or after 10 s (whatever it is then). */
async function textOf(locator: Locator, text: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const seen = ((await locator.textContent({ timeout: 10_000 })) ?? '').replace(/\s+/g, ' ').trim();
    if (seen === text || Date.now() > deadline) return seen;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The emailed link of a given path, on the firm's host. */
function linkIn(mail: ReceivedMail, pathname: string): string {
  const match = /https?:\/\/\S+#token=cfl_[A-Za-z0-9_-]{43}/.exec(mail.text);
  if (!match) throw new Error(`no link in:\n${mail.text}`);
  const url = new URL(match[0]);
  if (url.pathname !== pathname) throw new Error(`the link goes to ${url.pathname}, not ${pathname}`);
  return match[0];
}

async function logIn(page: Page, firm: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin(firm)}/clients/login`);
  await page.fill('caseflow-login #email', email);
  await page.fill('caseflow-login #password', password);
  await page.click('caseflow-login [part="submit"]');
  await page.waitForURL(`${origin(firm)}/clients/`);
}

/** The labels of the navigation links the contact can see, once the navigation knows the profile. */
async function visibleNavLinks(page: Page): Promise<string[]> {
  await page.waitForSelector('caseflow-nav [part="base"]:not([data-state="pending"])');
  const labels: string[] = [];
  for (const link of await page.locator('caseflow-nav a').all()) {
    if (await link.isVisible()) labels.push((await link.textContent())!.trim());
  }
  return labels;
}

async function setPasswordOnPage(page: Page, password: string, repeat = password): Promise<void> {
  await page.fill('caseflow-set-password #new-password', password);
  await page.fill('caseflow-set-password #repeat-password', repeat);
  await page.click('caseflow-set-password [part="submit"]');
}

test('the identity pages carry the strict CSP: no inline script but the import map its hash allows', async (t) => {
  for (const pathname of [
    '/clients/login',
    '/clients/',
    '/clients/profile',
    '/clients/set-password',
    '/clients/reset-password',
    '/staff/set-password',
  ]) {
    const response = await fetch(`${s.baseUrl}${pathname}`, { headers: { 'caseflow-tenant': 'acme' } });
    t.is(response.status, 200, pathname);
    const csp = response.headers.get('content-security-policy')!;
    t.true(csp.includes("frame-ancestors 'none'"), pathname);
    t.is(response.headers.get('cache-control'), 'no-store', pathname);
    const html = await response.text();
    t.deepEqual(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g), ['<script type="importmap">'], pathname);
    const importMap = /<script type="importmap">(.*?)<\/script>/s.exec(html)![1]!;
    const hash = createHash('sha256').update(importMap).digest('base64');
    t.true(csp.includes(`script-src 'self' 'sha256-${hash}';`), pathname);
    t.false(html.includes('style='), pathname);
  }
});

test('a contact sets a new password from a reset link and logs in with it; the link works once', async (t) => {
  const password = 'violet-harbour-lantern-42';
  await s.portal('acme').auth.forgotPassword({ email: demo.nora.email });
  await s.server.jobs.drain();
  const mail = await smtp.waitFor(demo.nora.email);
  t.is(mail.subject, 'Reset your Acme Law portal password');
  const link = linkIn(mail, '/clients/reset-password');
  t.true(link.startsWith(`${origin('acme')}/clients/reset-password#token=`));

  const { page, errors } = await openTab();
  await page.goto(link);
  t.is(await page.title(), 'Reset your password · Acme Law');
  t.is(await page.locator('h1').textContent(), 'Reset your password');

  // Checked in the browser first: the two entries must match.
  await setPasswordOnPage(page, password, 'violet-harbour-lantern-43');
  const mismatch = 'The two passwords do not match.';
  t.is(await textOf(page.locator('caseflow-set-password [part="field-error"]'), mismatch), mismatch);
  t.is(await page.locator('caseflow-set-password #repeat-password').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: path.join(outputDir('browser'), 'identity-reset-form.png'), fullPage: true });
  // The server's refusal is shown beside the field, as it words it (its param's message), without a field path.
  await setPasswordOnPage(page, 'password123');
  const common = page.locator('caseflow-set-password #new-password-error');
  await common.waitFor();
  t.is(
    ((await common.textContent()) ?? '').trim(),
    'This password is one of the most common passwords; choose another.',
  );
  t.is(await page.locator('caseflow-set-password [part="error"]').textContent(), '');

  await setPasswordOnPage(page, password);
  t.is(
    await textOf(page.locator('caseflow-set-password [part="message"]'), 'Your password is set.'),
    'Your password is set.',
  );
  t.is(await page.locator('caseflow-set-password [part="login-link"]').textContent(), 'Log in');
  t.is(await page.locator('caseflow-set-password form').count(), 0);
  // The spent token has left the address bar.
  t.is(page.url(), `${origin('acme')}/clients/reset-password`);
  await page.screenshot({ path: path.join(outputDir('browser'), 'identity-reset-done.png'), fullPage: true });

  await page.click('caseflow-set-password [part="login-link"]');
  await page.waitForURL(`${origin('acme')}/clients/login`);
  await page.fill('caseflow-login #email', demo.nora.email);
  await page.fill('caseflow-login #password', password);
  await page.click('caseflow-login [part="submit"]');
  await page.waitForURL(`${origin('acme')}/clients/`);
  await page.goto(`${origin('acme')}/clients/invoices`);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
  t.is(await page.locator('caseflow-invoice-list tr[part="row"]').count(), 6);
  await t.throwsAsync(s.portal('acme').auth.login({ email: demo.nora.email, password: demo.nora.password }), {
    instanceOf: AuthenticationError,
  });

  // The same link again: the page still opens (it spends nothing), the submission fails.
  const again = await openTab();
  await again.page.goto(link);
  await setPasswordOnPage(again.page, 'another-harbour-lantern-7');
  t.is(
    await textOf(again.page.locator('caseflow-set-password [part="error"]'), server.linkInvalid),
    server.linkInvalid,
  );
  t.is(await again.page.locator('caseflow-set-password form').count(), 0);
  t.is(
    await textOf(
      again.page.locator('caseflow-set-password [part="help"]'),
      'Need a new link? Choose "Forgot password?" on the login page.',
    ),
    'Need a new link? Choose "Forgot password?" on the login page.',
  );
  t.deepEqual([...errors(), ...again.errors()], []);
  await page.close();
  await again.page.close();
});

test('a contact sets a first password from a welcome link and logs in with it', async (t) => {
  const password = 'juniper-compass-meadow-8';
  const ned = await s.db.owner('contacts').where({ email: 'ned@northwind.example' }).first<{ id: string }>('id');
  const admin = await s.staffLogin(demoStaff.ada);
  await admin.contacts.enablePortalAccess(ned!.id, { send_welcome: true });
  await s.server.jobs.drain();
  const mail = await smtp.waitFor('ned@northwind.example');
  t.is(mail.subject, 'Your client portal at Acme Law');
  const link = linkIn(mail, '/clients/set-password');

  const { page, errors } = await openTab();
  await page.goto(link);
  t.is(await page.title(), 'Choose your password · Acme Law');
  await setPasswordOnPage(page, password);
  t.is(
    await textOf(page.locator('caseflow-set-password [part="message"]'), 'Your password is set.'),
    'Your password is set.',
  );

  await logIn(page, 'acme', 'ned@northwind.example', password);
  t.deepEqual(await visibleNavLinks(page), ['Home', 'Invoices', 'Payments', 'Announcements', 'Profile']);
  await page.goto(`${origin('acme')}/clients/invoices`);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
  t.deepEqual(errors(), []);
  await page.close();
});

test('a set-password page opened without a whole token says so and shows no form', async (t) => {
  const { page, errors } = await openTab();
  const incomplete =
    'This link is incomplete. Open it again from your email, or copy the whole address into your browser.';
  for (const pathname of ['/clients/set-password', '/clients/reset-password#token=cfl_cut-in-half']) {
    await page.goto(`${origin('acme')}${pathname}`);
    t.is(await textOf(page.locator('caseflow-set-password [part="error"]'), incomplete), incomplete, pathname);
    t.is(await page.locator('caseflow-set-password form').count(), 0, pathname);
  }
  await page.goto(`${origin('acme')}/staff/set-password`);
  t.is(await textOf(page.locator('caseflow-set-password [part="error"]'), incomplete), incomplete);
  t.is(
    await page.locator('caseflow-set-password [part="help"]').textContent(),
    'Need a new link? Ask an administrator of your firm to send you a new invitation.',
  );
  t.deepEqual(errors(), []);
  await page.close();
});

test('an invited staff user sets a password on the staff page and can then log in', async (t) => {
  const password = 'granite-otter-window-51';
  const admin = await s.staffLogin(demoStaff.ada);
  await admin.staff.invite({ email: 'sue@acme-law.example', first_name: 'Sue', last_name: 'Smith', role: 'staff' });
  await s.server.jobs.drain();
  const link = linkIn(await smtp.waitFor('sue@acme-law.example'), '/staff/set-password');

  const { page, errors } = await openTab();
  await page.goto(link);
  t.is(await page.title(), 'Choose your password · Acme Law');
  await setPasswordOnPage(page, password);
  t.is(
    await textOf(page.locator('caseflow-set-password [part="message"]'), 'Your password is set.'),
    'Your password is set.',
  );
  t.is(
    await page.locator('caseflow-set-password [part="help"]').textContent(),
    'You can now sign in from the command line: caseflow login',
  );
  const sue = await s.staffLogin({ firm: 'acme', email: 'sue@acme-law.example', password });
  t.is((await sue.me()).principal.email, 'sue@acme-law.example');
  t.deepEqual(errors(), []);
  await page.close();
});

test('"Forgot password?" on the login form gives the same answer for any email', async (t) => {
  const { page, errors } = await openTab();
  await page.goto(`${origin('acme')}/clients/login`);
  for (const email of ['nobody@unknown.example', demo.gina.email]) {
    await page.fill('caseflow-login #email', email);
    await page.click('caseflow-login [part="forgot-link"]');
    // The email typed so far comes along.
    t.is(await page.inputValue('caseflow-login #email'), email);
    t.is(
      await page.locator('caseflow-login #forgot-intro').textContent(),
      'Enter the email you sign in with. We will send you a link to choose a new password.',
    );
    await page.click('caseflow-login [part="submit"]');
    t.is(await textOf(page.locator('caseflow-login [part="message"]'), server.resetRequested), server.resetRequested);
    t.is(await page.locator('caseflow-login form').count(), 0);
    await page.screenshot({ path: path.join(outputDir('browser'), 'identity-forgot-sent.png'), fullPage: true });
    await page.click('caseflow-login [part="back-link"]');
    await page.waitForSelector('caseflow-login #password');
    t.is(await page.locator('caseflow-login [part="message"]').textContent(), '');
  }
  await s.server.jobs.drain();
  t.is((await smtp.waitFor(demo.gina.email)).subject, 'Reset your Acme Law portal password');
  t.false(smtp.messages.some((m) => m.to.includes('nobody@unknown.example')));
  t.deepEqual(errors(), []);
  await page.close();
});

test('a contact of a firm on the solo plan sees the upgrade prompt and no sections', async (t) => {
  await setPlan(s, 'acme', 'solo');
  t.teardown(() => setPlan(s, 'acme', 'growth'));

  const { page, errors } = await openTab();
  await logIn(page, 'acme', demo.gina.email, demo.gina.password);
  const upgrade = "Your firm's plan does not include the client portal. Please ask Acme Law to upgrade.";
  t.is(await textOf(page.locator('caseflow-nav [part="upgrade"]'), upgrade), upgrade);
  t.deepEqual(await visibleNavLinks(page), ['Home', 'Announcements', 'Profile']);
  await page.goto(`${origin('acme')}/clients/invoices`);
  await page.waitForSelector('caseflow-gate[access="locked"]', { state: 'attached' });
  t.is(await page.locator('caseflow-invoice-list').count(), 0);
  t.is(await page.locator('h1').count(), 0);
  await page.screenshot({ path: path.join(outputDir('browser'), 'identity-solo.png'), fullPage: true });
  t.deepEqual(errors(), []);
  await page.close();
});

test('a contact without the invoices permission sees no Invoices section', async (t) => {
  const ada = await firmAdmin(s);
  const gina = await s.db
    .owner('contacts')
    .where({ email: demo.gina.email })
    .first<Pick<Contact, 'id' | 'permissions'>>();
  await ada.contacts.update(gina.id, {
    permissions: ['estimates', 'contracts', 'proposals', 'documents', 'vault', 'matters'],
  });
  t.teardown(() => ada.contacts.update(gina.id, { permissions: gina.permissions }));

  const { page, errors } = await openTab();
  await logIn(page, 'acme', demo.gina.email, demo.gina.password);
  t.deepEqual(await visibleNavLinks(page), ['Home', 'Announcements', 'Profile']);
  await page.goto(`${origin('acme')}/clients/invoices`);
  const denied = 'You do not have access to this part of the portal. Ask Acme Law if you need it.';
  t.is(await textOf(page.locator('caseflow-gate [part="message"]'), denied), denied);
  t.is(await page.locator('caseflow-invoice-list').count(), 0);
  t.is(await page.locator('caseflow-nav [part="upgrade"]').count(), 0);

  await page.click('caseflow-nav a[href="/clients/profile"]');
  await page.waitForURL(`${origin('acme')}/clients/profile`);
  t.deepEqual(await visibleNavLinks(page), ['Home', 'Announcements', 'Profile']);
  t.is(await page.locator('caseflow-nav a[aria-current="page"]').textContent(), 'Profile');
  t.deepEqual(errors(), []);
  await page.close();
});

test('a contact changes their password on the profile page: other sessions end, the old password fails', async (t) => {
  const password = 'saffron-ledger-quarry-19';
  const other = s.portal('bluebird');
  await other.auth.login({ email: demo.ian.email, password: demo.ian.password });

  const { page, errors } = await openTab();
  await logIn(page, 'bluebird', demo.ian.email, demo.ian.password);
  await page.click('caseflow-nav a[href="/clients/profile"]');
  await page.waitForURL(`${origin('bluebird')}/clients/profile`);
  t.is(await page.title(), 'Profile · Bluebird Legal');
  await page.waitForSelector('caseflow-profile [part="value"]');
  const details: Record<string, string> = {};
  for (const value of await page.locator('caseflow-profile [part="value"]').all()) {
    details[(await value.getAttribute('data-field'))!] = (await value.textContent())!.trim();
  }
  t.deepEqual(details, {
    name: 'Ian Initech',
    email: 'ian@initech.example',
    client: 'Initech',
    firm: 'Bluebird Legal',
  });

  const change = async (current: string, next: string, repeat = next) => {
    await page.fill('caseflow-profile #current-password', current);
    await page.fill('caseflow-profile #new-password', next);
    await page.fill('caseflow-profile #repeat-password', repeat);
    await page.click('caseflow-profile [part="submit"]');
  };
  await change(demo.ian.password, 'short', 'short');
  t.is(
    await textOf(page.locator('caseflow-profile #new-password-error'), 'Use at least 8 characters.'),
    'Use at least 8 characters.',
  );
  await change('not-my-password', password);
  t.is(
    await textOf(page.locator('caseflow-profile #current-password-error'), server.currentPasswordWrong),
    server.currentPasswordWrong,
  );
  t.is(await page.locator('caseflow-profile #current-password').getAttribute('aria-invalid'), 'true');

  await change(demo.ian.password, password);
  const changed = 'Your password has been changed. Your other sessions have been signed out.';
  t.is(await textOf(page.locator('caseflow-profile [part="message"]'), changed), changed);
  t.is(await page.locator('caseflow-profile [part="error"]').textContent(), '');
  t.is(await page.inputValue('caseflow-profile #current-password'), '');
  await page.screenshot({ path: path.join(outputDir('browser'), 'identity-profile.png'), fullPage: true });

  // The other session has ended; this one goes on.
  await t.throwsAsync(other.me(), { instanceOf: AuthenticationError });
  await page.reload();
  await page.waitForSelector('caseflow-profile [part="value"]');

  await page.click('caseflow-account [part="button"]');
  await page.click('caseflow-account [part="logout"]');
  await page.waitForURL(`${origin('bluebird')}/clients/login`);
  await page.fill('caseflow-login #email', demo.ian.email);
  await page.fill('caseflow-login #password', demo.ian.password);
  await page.click('caseflow-login [part="submit"]');
  t.is(
    await textOf(page.locator('caseflow-login [part="error"]'), 'Email or password is incorrect.'),
    'Email or password is incorrect.',
  );
  await page.fill('caseflow-login #password', password);
  await page.click('caseflow-login [part="submit"]');
  await page.waitForURL(`${origin('bluebird')}/clients/`);
  await page.goto(`${origin('bluebird')}/clients/invoices`);
  await page.waitForSelector('caseflow-invoice-list tr[part="row"]');
  t.deepEqual(errors(), []);
  await page.close();
});

test("the hosted pages wear the firm's colour and logo", async (t) => {
  const ada = await firmAdmin(s, 'acme');
  const before = await ada.settings.retrieve();
  await ada.settings.update({ primary_color: '#0f766e' });
  // The logo is uploaded, then served from the firm's own host (no third party sees the visit).
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  // The demo's own logo goes back afterwards.
  const demoLogo = before.logo
    ? ((
        await s.db
          .owner('tenant_logos')
          .where({ sha256: before.logo.url.slice(14, 78) })
          .first('content')
      ).content as Buffer)
    : null;
  const { logo } = await ada.settings.uploadLogo({ bytes: png, type: 'image/png' });
  t.teardown(async () => {
    await ada.settings.update({ primary_color: before.primary_color });
    if (demoLogo) await ada.settings.uploadLogo({ bytes: demoLogo, type: before.logo!.media_type });
    else await ada.settings.deleteLogo();
  });

  const { page, errors } = await openTab();
  await page.goto(`${origin('acme')}/clients/login`);
  t.is(await page.locator('.cf-logo').getAttribute('src'), logo!.url);
  // The image loads from the firm's own host under the page's CSP (img-src 'self').
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('.cf-logo');
    return img !== null && img.complete && img.naturalWidth === 1;
  });
  const submit = page.locator('caseflow-login [part="submit"]');
  await submit.waitFor();
  t.is(await submit.evaluate((button) => getComputedStyle(button).backgroundColor), 'rgb(15, 118, 110)');
  t.deepEqual(errors(), []);
  await page.close();
});
