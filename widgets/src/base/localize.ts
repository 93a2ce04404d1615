/**
 * The widgets' side of the localization layer (sdk/i18n.ts): one language per
 * page, English built in, every other catalog a chunk of its own, loaded the
 * first time its language is chosen. Widgets write `msg('Pay now')` in
 * `render()`; the base element re-renders them when the language changes.
 */
import {
  translator,
  type Catalog,
  type Language,
  type MessageParams,
  type TranslatedLanguage,
} from '../../../sdk/i18n.js';

const catalogs: Record<TranslatedLanguage, () => Promise<{ default: Catalog }>> = {
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  de: () => import('../locales/de.js'),
  ar: () => import('../locales/ar.js'),
};

let current: Language = 'en';
let translate = translator();
let wanted: Language = 'en';
const listeners = new Set<() => void>();

/** The page's language. */
export function currentLanguage(): Language {
  return current;
}

/** Translates an English message of a widget into the page's language. */
export function msg(english: string, params?: MessageParams): string {
  return translate(english, params);
}

/**
 * Switches the page to a language once its catalog has loaded; the last call
 * wins. A catalog that cannot be fetched (offline) leaves the page as it is.
 */
export async function useLanguage(language: Language): Promise<void> {
  wanted = language;
  const catalog = language === 'en' ? undefined : (await catalogs[language]().catch(() => undefined))?.default;
  if (language !== 'en' && !catalog) return;
  if (wanted !== language || current === language) return;
  current = language;
  translate = translator(catalog);
  for (const listener of listeners) listener();
}

/** Calls `listener` after each change of language; returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
