import { msg } from '../base/localize.js';

/**
 * Whether the page reads English: every other catalog has its own word for
 * "Language". (Not currentLanguage(): importing it here would make the shared
 * core export it, which the invoice list page, on its budget, pays for.)
 */
export const pageIsEnglish = (): boolean => msg('Language') === 'Language';

/**
 * The API words its answers in English. On an English page its sentence is
 * shown as it came; on any other, the widget's own translation of that same
 * sentence (the widget knows which answer it is by its code).
 */
export const inReadersLanguage = (serverWords: string, translated: string): string =>
  pageIsEnglish() ? serverWords : translated;

/** A single-use link refused as used, replaced or expired (`link_invalid`). */
export const linkInvalid = (serverWords: string): string =>
  inReadersLanguage(serverWords, msg('This link has expired or was already used. Ask for a new one.'));
