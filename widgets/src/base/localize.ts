/**
 * The widgets' side of the localization layer (sdk/i18n.ts): one language per
 * page, English built in, every other catalog a chunk of its own, loaded the
 * first time its language is chosen. The loading itself (base/catalogs.ts) is
 * fetched only by a page that leaves English. Widgets write `msg('Pay now')`
 * in `render()`; the base element re-renders them when the language changes.
 */
import { interpolate, type Catalog, type Language, type MessageParams } from '../../../sdk/i18n.js';

let current: Language = 'en';
/** The current language's catalog; none for English. */
let catalog: Catalog | undefined;
/** The language asked for last: a slower catalog arriving after a newer choice is dropped. */
let wanted: Language = 'en';
const listeners = new Set<() => void>();

/** The page's language. */
export function currentLanguage(): Language {
  return current;
}

/** Translates an English message of a widget into the page's language. */
export function msg(english: string, params?: MessageParams): string {
  return interpolate(catalog?.[english] ?? english, params);
}

/**
 * Switches the page to a language once its catalog has loaded; the last call
 * wins. If the code cannot be fetched (offline), the page stays as it is.
 */
export function useLanguage(language: Language): void {
  wanted = language;
  if (language !== current) import('./catalogs.js').then((m) => m.switchTo(language)).catch(() => {});
}

/** Makes `language` the page's language with its catalog, unless another was asked for meanwhile. */
export function setLanguage(language: Language, loaded: Catalog | undefined): void {
  if (wanted !== language) return;
  current = language;
  catalog = loaded;
  for (const listener of listeners) listener();
}

/** Calls `listener` after each change of language; returns the unsubscribe. */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
