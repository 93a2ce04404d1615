/**
 * The server's side of the localization layer (sdk/i18n.ts): the catalogs of
 * the hosted pages and error pages, the emails and the PDFs, one folder per
 * language, one file per area. Each request or email takes the translator of
 * its reader's language: `const msg = messagesFor(language)`.
 */
import { translator, type Catalog, type Language, type Msg, type TranslatedLanguage } from '../../sdk/i18n.js';
import arEmail from './ar/email.js';
import arPages from './ar/pages.js';
import arPdf from './ar/pdf.js';
import deEmail from './de/email.js';
import dePages from './de/pages.js';
import dePdf from './de/pdf.js';
import esEmail from './es/email.js';
import esPages from './es/pages.js';
import esPdf from './es/pdf.js';
import frEmail from './fr/email.js';
import frPages from './fr/pages.js';
import frPdf from './fr/pdf.js';

export { pickLanguage, isRightToLeft, formattingLocale, type Language, type Msg } from '../../sdk/i18n.js';

/** Every area's entries of one language, merged. */
export const serverCatalogs: Record<TranslatedLanguage, Catalog> = {
  es: { ...esPages, ...esEmail, ...esPdf },
  fr: { ...frPages, ...frEmail, ...frPdf },
  de: { ...dePages, ...deEmail, ...dePdf },
  ar: { ...arPages, ...arEmail, ...arPdf },
};

const translators = new Map<Language, Msg>();

/** The translator of a language, made once. */
export function messagesFor(language: Language): Msg {
  let msg = translators.get(language);
  if (!msg) translators.set(language, (msg = translator(language === 'en' ? undefined : serverCatalogs[language])));
  return msg;
}
