// What the language pickers (login, profile, account menu) share: each
// language named in itself, and the switch itself.
// Little is imported from the shared core: each binding another chunk imports
// is one more export of the core, which even the invoice list page downloads.
import { pickLanguage, type Language } from '../../../sdk/i18n.js';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';
import type { CaseflowPortal } from '../components/portal/portal.js';
import { currentLanguage, onLanguageChange, useLanguage } from '../base/localize.js';
import { CaseflowLanguageChangedEvent } from '../events/caseflow-language-changed.js';

/** Each language in its own words, never translated: a reader finds their own whatever the page shows. */
export const endonyms: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ar: 'العربية',
};

/** Whether a value from a form or an attribute names a shipped language. */
export const isLanguage = (value: unknown): value is Language => Object.hasOwn(endonyms, String(value));

/** The shipped languages in the pickers' order (sdk/i18n.ts LANGUAGES, English first). */
export const LANGUAGES = Object.keys(endonyms) as Language[];

/** How long a switch may wait for its catalog before the page is told anyway (offline: it stays as it is). */
const catalogWait = 10_000;

/** Resolves once the page shows `language` (at once if it does), or after `catalogWait`. */
function languageShown(language: Language): Promise<void> {
  if (currentLanguage() === language) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = onLanguageChange(() => {
      if (currentLanguage() === language) done();
    });
    const timer = setTimeout(done, catalogWait);
  });
}

/** Switches the page to `language` (its catalog loads first), then tells the page from `source`. */
async function switchTo(source: HTMLElement, language: Language, saved: boolean): Promise<void> {
  const shown = languageShown(language);
  void useLanguage(language);
  await shown;
  source.dispatchEvent(new CaseflowLanguageChangedEvent({ language, saved }));
}

/**
 * A language chosen before anyone signed in (the login form): it becomes the
 * page's, through the portal's `locale` (which also turns the portal right to
 * left for Arabic), and nothing is saved.
 */
export async function choosePageLanguage(source: HTMLElement, language: Language): Promise<void> {
  source.closest('caseflow-portal')?.setAttribute('locale', language);
  await switchTo(source, language, false);
}

/**
 * The profile as the API answered a saved language: the portal takes it (and
 * with it picks the page's language and direction); the page then switches to
 * the language the portal picked. `null` (the firm's default) is the firm's
 * language, else the browser's.
 */
export async function applySavedLanguage(source: HTMLElement, profile: PortalProfile): Promise<void> {
  const portal: CaseflowPortal | null = source.closest('caseflow-portal');
  if (portal) portal.profile = profile;
  const language = pickLanguage(portal?.lang, profile.contact.language, profile.firm.locale, ...navigator.languages);
  await switchTo(source, language, true);
}

/**
 * For a widget with no portal around it (the set-password and preview pages,
 * which have no session): the page's language is its `<html lang>` (the hosted
 * pages' server sets it), else the browser's, else English.
 */
export function usePageLanguage(): void {
  void useLanguage(pickLanguage(document.documentElement.lang, ...navigator.languages));
}

/**
 * A value inside a sentence keeps its own order where `element` reads right to
 * left (Arabic, or a page's `dir="rtl"`): money isolated left to right (LRI …
 * PDI), so its currency sign stays with it; dates and codes first-strong (FSI …
 * PDI), as Intl's Arabic dates carry right-to-left marks of their own. Either
 * way the sentence's commas and words never reorder it. Left to right: as it is.
 */
export function isolate(element: Element, text: string, kind: 'money' | 'other'): string {
  if (!element.matches(':dir(rtl)')) return text;
  return `${kind === 'money' ? '\u2066' : '\u2068'}${text}\u2069`;
}
