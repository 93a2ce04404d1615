/**
 * Which language a reader of the server's words gets, and the locale and time
 * zone their numbers, money and dates are written in.
 *
 * A hosted page or an error page: the signed-in contact's own choice, else the
 * `caseflow_language` cookie the login page's picker sets, else the firm's
 * default locale, else what the browser asks for (Accept-Language), else
 * English. An email to a contact: the contact's choice, else the firm's
 * default, else English (an email has no browser). An email to staff: the
 * firm's default.
 */
import { formattingLocale, isRightToLeft, LANGUAGES, pickLanguage, type Language, type Msg } from '../../sdk/i18n.js';
import { messagesFor } from './index.js';

/** The cookie the login page's language picker sets (read by the pages of someone without a session). */
export const LANGUAGE_COOKIE = 'caseflow_language';

/** The firm's side of a reader's choice: its default locale (BCP 47) and its time zone (IANA). */
export interface FirmLocale {
  locale: string;
  timezone: string;
}

/** Everything a page or an email needs to speak to its reader. */
export interface Reader {
  language: Language;
  /** The translator of that language. */
  msg: Msg;
  /** What numbers, money and dates are formatted in (`formattingLocale`), also the document's `lang`. */
  locale: string;
  timeZone: string;
  dir: 'rtl' | 'ltr';
}

/** The reader of `language` at a firm: the firm's own locale (es-MX) when it speaks that language. */
export function readerOf(language: Language, firm: FirmLocale): Reader {
  return {
    language,
    msg: messagesFor(language),
    locale: formattingLocale(language, firm.locale),
    timeZone: firm.timezone,
    dir: isRightToLeft(language) ? 'rtl' : 'ltr',
  };
}

/**
 * The language tags of an Accept-Language header, most wanted first: q-values
 * honoured, ties kept in the header's order, `q=0` (not wanted) and `*` left out.
 */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      // A q-value that is no number (q=zero) makes the tag unwanted rather than most wanted.
      const q = params.map((p) => /^\s*q\s*=(.*)$/i.exec(p)?.[1]?.trim()).find((v) => v !== undefined);
      const quality = q === undefined ? 1 : /^[01](\.\d{0,3})?$/.test(q) ? Number(q) : 0;
      return { tag: tag.trim(), quality, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The cookie's value when it is exactly one of the shipped languages (anything else is ignored). */
export function cookieLanguage(value: string | null | undefined): Language | undefined {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : undefined;
}

/** What a page request tells about its reader. */
export interface PageRequest {
  /** The signed-in contact's own choice (null: none made; undefined: no session). */
  contactLanguage?: Language | null;
  /** The `caseflow_language` cookie. */
  cookie?: string | null;
  /** The firm's default locale (none on the page of an unknown firm). */
  firmLocale?: string | null;
  acceptLanguage?: string | null;
}

/** The language of a hosted page or an error page. */
export function pageLanguage(request: PageRequest): Language {
  return pickLanguage(
    request.contactLanguage,
    cookieLanguage(request.cookie),
    request.firmLocale,
    ...acceptedLanguages(request.acceptLanguage),
  );
}

/** The reader of an email to a contact: their choice, else the firm's default, else English. */
export function contactReader(contactLanguage: Language | null | undefined, firm: FirmLocale): Reader {
  return readerOf(pickLanguage(contactLanguage, firm.locale), firm);
}

/** The reader of an email to the firm's staff: the firm's default, else English. */
export function staffReader(firm: FirmLocale): Reader {
  return readerOf(pickLanguage(firm.locale), firm);
}

/** The parts of a Koa request the page's language is read from. */
export interface PageRequestContext {
  cookies: { get(name: string): string | undefined };
  get(header: string): string;
}

/**
 * The reader of a page request at a firm (none: an unknown firm's page): the
 * contact's language, the picker's cookie, the firm's locale, the browser's.
 */
export function requestReader(
  ctx: PageRequestContext,
  firm: { locale: string; timezone?: string } | undefined,
  contactLanguage?: Language | null,
): Reader {
  const language = pageLanguage({
    contactLanguage,
    cookie: ctx.cookies.get(LANGUAGE_COOKIE),
    firmLocale: firm?.locale,
    acceptLanguage: ctx.get('accept-language'),
  });
  return readerOf(language, { locale: firm?.locale ?? language, timezone: firm?.timezone ?? 'UTC' });
}
