/**
 * Changing the page's language: the catalogs other than English, each a chunk
 * of its own (a dynamic import) that only its readers download. This module is
 * itself fetched only when a page leaves English (base/localize.ts), so an
 * English page carries none of it.
 */
import type { Catalog, Language, TranslatedLanguage } from '../../../sdk/i18n.js';
import { setLanguage } from './localize.js';

const catalogs: Record<TranslatedLanguage, () => Promise<{ default: Catalog }>> = {
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  de: () => import('../locales/de.js'),
  ar: () => import('../locales/ar.js'),
};

/** Loads the language's catalog (none for English), then switches the page to it. */
export async function switchTo(language: Language): Promise<void> {
  setLanguage(language, language === 'en' ? undefined : (await catalogs[language]()).default);
}
