/**
 * The language of the hosted pages and error pages, over HTTP: the firm's
 * locale by default, the login picker's cookie, Accept-Language with its
 * q-values for a firm whose locale is no shipped language, and a signed-in
 * contact's own language before all of them. The page's <html lang dir>, its
 * title and its frame follow.
 */
import test from 'ava';
import type { Language } from '../../../sdk/i18n.js';
import { aClient, aContact, aFirm } from '../../helpers/factories/index.js';
import { rawRequest } from '../../helpers/http.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer();
});
test.after.always(() => s?.close());

const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function page(path: string, o: { firm?: string; cookie?: string; acceptLanguage?: string } = {}) {
  const answer = await rawRequest(s.server.port, {
    path,
    host: `${o.firm ?? 'acme'}.localhost:${s.server.port}`,
    headers: {
      accept: browserAccept,
      ...(o.cookie ? { cookie: o.cookie } : {}),
      ...(o.acceptLanguage ? { 'accept-language': o.acceptLanguage } : {}),
    },
  });
  return {
    status: answer.status,
    vary: answer.headers.vary,
    html: /<html [^>]*>/.exec(answer.text)?.[0],
    title: /<title>([^<]*)<\/title>/.exec(answer.text)?.[1],
    heading: /<h1>([^<]*)<\/h1>/.exec(answer.text)?.[1],
    skip: /<a class="cf-skip" href="#main">([^<]*)<\/a>/.exec(answer.text)?.[1],
    text: answer.text,
  };
}

/** A contact of Acme who chose `language` (null: none), with a session token to send as the portal's cookie. */
async function signedIn(language: Language | null): Promise<string> {
  const ada = await s.staffLogin(demoStaff.ada);
  const client = await aClient(s, { admin: ada });
  const password = 'a-long-portal-password-2026';
  const contact = await aContact(s, { admin: ada, client, language, password });
  const portal = s.portal('acme');
  const { session } = await portal.auth.login({ email: contact.email, password });
  return session.token!;
}

test('the login page is in the firm’s language by default: English for Acme (en-US)', async (t) => {
  const answer = await page('/clients/login');
  t.like(answer, {
    status: 200,
    html: '<html lang="en-US" dir="ltr">',
    title: 'Log in · Acme Law',
    heading: 'Client portal',
    skip: 'Skip to content',
  });
  t.regex(answer.vary ?? '', /Accept-Language/);
  t.regex(answer.vary ?? '', /Cookie/);
});

test('the login picker’s cookie chooses the page’s language, right to left for Arabic', async (t) => {
  t.like(await page('/clients/login', { cookie: 'caseflow_language=ar' }), {
    html: '<html lang="ar" dir="rtl">',
    title: 'تسجيل الدخول · Acme Law',
    heading: 'بوابة العملاء',
    skip: 'انتقل إلى المحتوى',
  });
  t.like(await page('/clients/login', { cookie: 'other=1; caseflow_language=es' }), {
    html: '<html lang="es" dir="ltr">',
    title: 'Iniciar sesión · Acme Law',
    heading: 'Portal de clientes',
  });
  // Anything but one of the five is ignored: the firm's language stays.
  for (const value of ['es-MX', 'AR', 'pt', '']) {
    t.like(await page('/clients/login', { cookie: `caseflow_language=${value}` }), {
      html: '<html lang="en-US" dir="ltr">',
    });
  }
});

test('a firm whose locale is a shipped language shows it, formatted in its own locale tag', async (t) => {
  const { tenant } = await aFirm(s, { locale: 'es-MX' });
  t.like(await page('/clients/login', { firm: tenant.slug, acceptLanguage: 'de' }), {
    html: '<html lang="es-MX" dir="ltr">',
    heading: 'Portal de clientes',
  });
  // The cookie still wins over the firm's default.
  t.like(await page('/clients/login', { firm: tenant.slug, cookie: 'caseflow_language=fr' }), {
    html: '<html lang="fr" dir="ltr">',
    heading: 'Portail client',
  });
});

test('a firm whose locale is no shipped language takes the browser’s best shipped language by q-value', async (t) => {
  const { tenant } = await aFirm(s, { locale: 'pt-BR' });
  const firm = tenant.slug;
  t.like(await page('/clients/login', { firm, acceptLanguage: 'pt-BR, de;q=0.5, fr;q=0.8' }), {
    html: '<html lang="fr" dir="ltr">',
    heading: 'Portail client',
  });
  t.like(await page('/clients/login', { firm, acceptLanguage: 'ar;q=0.9, de;q=0.3' }), {
    html: '<html lang="ar" dir="rtl">',
  });
  t.like(await page('/clients/login', { firm, acceptLanguage: 'pt-BR, ja;q=0.9' }), {
    html: '<html lang="en" dir="ltr">',
    heading: 'Client portal',
  });
  t.like(await page('/clients/login', { firm }), { html: '<html lang="en" dir="ltr">' });
});

test('a signed-in contact’s own language comes before the cookie, on every page and on an error page', async (t) => {
  const token = await signedIn('de');
  const cookie = `caseflow_portal=${token}; caseflow_language=ar`;
  const home = await page('/clients/', { cookie });
  t.like(home, {
    status: 200,
    html: '<html lang="de" dir="ltr">',
    title: 'Startseite · Acme Law',
    heading: 'Startseite',
  });
  t.true(home.text.includes('<caseflow-nav class="cf-nav" label="Mandantenportal">'));
  t.true(home.text.includes('<a href="/clients/invoices" data-section="invoices">Rechnungen</a>'));
  t.true(home.text.includes('<a href="/clients/" aria-current="page">Startseite</a>'));
  t.like(await page('/clients/nope', { cookie }), {
    status: 404,
    html: '<html lang="de" dir="ltr">',
    title: 'Seite nicht gefunden · Acme Law',
    heading: 'Seite nicht gefunden',
  });
});

test('a contact with no language of their own gets the cookie’s; an ended session is read as no session', async (t) => {
  const token = await signedIn(null);
  t.like(await page('/clients/invoices', { cookie: `caseflow_portal=${token}; caseflow_language=ar` }), {
    html: '<html lang="ar" dir="rtl">',
    title: 'الفواتير · Acme Law',
  });
  t.like(await page('/clients/invoices', { cookie: `caseflow_portal=${token}` }), {
    html: '<html lang="en-US" dir="ltr">',
    title: 'Invoices · Acme Law',
  });
  const ended = await signedIn('de');
  await s.portal('acme', ended).auth.logout();
  t.like(await page('/clients/', { cookie: `caseflow_portal=${ended}; caseflow_language=es` }), {
    status: 200,
    html: '<html lang="es" dir="ltr">',
    heading: 'Inicio',
  });
});

test('the page of an unknown firm follows the cookie and the browser, with no firm to ask', async (t) => {
  t.like(await page('/clients/', { firm: 'nofirm', acceptLanguage: 'de-CH, en;q=0.5' }), {
    status: 404,
    html: '<html lang="de" dir="ltr">',
    heading: 'Unter dieser Adresse ist keine Kanzlei erreichbar',
  });
  t.like(await page('/clients/', { firm: 'nofirm', cookie: 'caseflow_language=ar' }), {
    html: '<html lang="ar" dir="rtl">',
    heading: 'لا يوجد مكتب على هذا العنوان',
  });
});
