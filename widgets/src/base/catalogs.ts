/**
 * The catalogs other than English, each a chunk of its own (a dynamic import)
 * that only its readers download. This module is itself fetched only when a
 * page leaves English (base/localize.ts), so an English page carries none of it.
 */
import type { Catalog, TranslatedLanguage } from '../../../sdk/i18n.js';

const catalogs: Record<TranslatedLanguage, () => Promise<{ default: Catalog }>> = {
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  de: () => import('../locales/de.js'),
  ar: () => import('../locales/ar.js'),
};

/** The language's catalog, fetched on first use (the browser keeps the module afterwards). */
export async function catalogOf(language: TranslatedLanguage): Promise<Catalog> {
  return (await catalogs[language]()).default;
}
