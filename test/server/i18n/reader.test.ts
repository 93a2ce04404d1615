/**
 * Which language a reader of the server's words gets (server/i18n/reader.ts):
 * the Accept-Language header read with its q-values, the login picker's cookie
 * only when it names a shipped language, and the order contact → cookie →
 * firm → browser → English; emails to a contact skip the browser, emails to
 * staff read the firm's.
 */
import test from 'ava';
import {
  acceptedLanguages,
  contactReader,
  cookieLanguage,
  pageLanguage,
  readerOf,
  staffReader,
} from '../../../server/i18n/reader.js';

test('Accept-Language is read most wanted first: q-values honoured, ties in order, q=0 and * left out', (t) => {
  t.deepEqual(acceptedLanguages('pt-BR, de;q=0.5, fr;q=0.8, *;q=0.1'), ['pt-BR', 'fr', 'de']);
  t.deepEqual(acceptedLanguages('es;q=0.9,ar;q=0.9,de;q=0'), ['es', 'ar']);
  t.deepEqual(acceptedLanguages(' fr-CA ; q=1.0 , en ;q=0.7'), ['fr-CA', 'en']);
  t.deepEqual(acceptedLanguages('de;q=zero, es'), ['es']);
  t.deepEqual(acceptedLanguages(''), []);
  t.deepEqual(acceptedLanguages(undefined), []);
});

test('the cookie counts only when it is exactly one of the five languages', (t) => {
  t.is(cookieLanguage('ar'), 'ar');
  t.is(cookieLanguage('es'), 'es');
  t.is(cookieLanguage('es-MX'), undefined);
  t.is(cookieLanguage('AR'), undefined);
  t.is(cookieLanguage('pt'), undefined);
  t.is(cookieLanguage(undefined), undefined);
});

test('a page takes the contact’s language, then the cookie, then the firm’s, then the browser’s, then English', (t) => {
  const all = { contactLanguage: 'de', cookie: 'ar', firmLocale: 'es-MX', acceptLanguage: 'fr' } as const;
  t.is(pageLanguage(all), 'de');
  t.is(pageLanguage({ ...all, contactLanguage: null }), 'ar');
  t.is(pageLanguage({ ...all, contactLanguage: null, cookie: 'klingon' }), 'es');
  t.is(pageLanguage({ ...all, contactLanguage: undefined, cookie: undefined, firmLocale: 'pt-BR' }), 'fr');
  t.is(pageLanguage({ firmLocale: 'pt-BR', acceptLanguage: 'pt-BR, ja;q=0.9, de;q=0.2, es;q=0.4' }), 'es');
  t.is(pageLanguage({ firmLocale: 'pt-BR', acceptLanguage: 'pt-BR, ja' }), 'en');
  t.is(pageLanguage({}), 'en');
});

test('a reader formats in the firm’s own locale when it speaks the firm’s language, else in the bare language', (t) => {
  const firm = { locale: 'es-MX', timezone: 'America/Mexico_City' };
  const es = readerOf('es', firm);
  t.like(es, { language: 'es', locale: 'es-MX', timeZone: 'America/Mexico_City', dir: 'ltr' });
  t.is(es.msg('Invoices'), 'Facturas');
  t.like(readerOf('ar', firm), { language: 'ar', locale: 'ar', dir: 'rtl' });
  t.is(readerOf('ar', firm).msg('Invoices'), 'الفواتير');
  t.like(readerOf('en', firm), { locale: 'en', dir: 'ltr' });
});

test('an email to a contact is in their language, else the firm’s, else English; to staff in the firm’s', (t) => {
  const firm = { locale: 'de-AT', timezone: 'Europe/Vienna' };
  t.like(contactReader('fr', firm), { language: 'fr', locale: 'fr' });
  t.like(contactReader(null, firm), { language: 'de', locale: 'de-AT' });
  t.like(contactReader(null, { locale: 'pt-BR', timezone: 'UTC' }), { language: 'en', locale: 'en' });
  t.like(staffReader(firm), { language: 'de', locale: 'de-AT', timeZone: 'Europe/Vienna' });
  t.like(staffReader({ locale: 'ja-JP', timezone: 'Asia/Tokyo' }), { language: 'en', locale: 'en' });
});
