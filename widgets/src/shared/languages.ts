// What the language pickers (login, profile, account menu) share: each
// language named in itself, and the switch itself.
// Little is imported from the shared core: each binding another chunk imports
// is one more export of the core, which even the invoice list page downloads.
import type { Language } from '../../../sdk/i18n.js';
import type { PortalProfile } from '../../../sdk/schemas/portal-auth.js';
import type { CaseflowPortal } from '../components/portal/portal.js';
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

/**
 * The first tag in a shipped language ('es-MX' → 'es'), else English: sdk/i18n.ts's
 * pickLanguage, which the core inlines into the portal as long as no other chunk imports it.
 */
export function shippedLanguage(...tags: readonly (string | null | undefined)[]): Language {
  for (const tag of tags) {
    const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The language the portal around `element` has chosen for the page (its `lang`), else the page's own. */
export const pageLanguage = (element: Element): Language =>
  shippedLanguage(element.closest('[lang]')?.getAttribute('lang'));

/** The shipped languages in the pickers' order (sdk/i18n.ts LANGUAGES, English first). */
export const LANGUAGES = Object.keys(endonyms) as Language[];

/** Tells the page from `source` that it is switching to `language` (its catalog may still be on its way). */
function announce(source: HTMLElement, language: Language, saved: boolean): void {
  source.dispatchEvent(new CaseflowLanguageChangedEvent({ language, saved }));
}

/**
 * A language chosen before anyone signed in (the login form): it becomes the
 * page's through the portal's `locale`, from which the portal switches every
 * widget inside (and turns right to left for Arabic); nothing is saved.
 */
export function choosePageLanguage(source: HTMLElement, language: Language): void {
  source.closest('caseflow-portal')?.setAttribute('locale', language);
  announce(source, language, false);
}

/**
 * The profile as the API answered a saved language: the portal takes it, and
 * with it picks the page's language and direction (`null`, the firm's default:
 * the firm's language, else the browser's). The language announced is the one
 * the portal picked.
 */
export function applySavedLanguage(source: HTMLElement, profile: PortalProfile): void {
  const portal: CaseflowPortal | null = source.closest('caseflow-portal');
  if (portal) portal.profile = profile;
  announce(source, isLanguage(portal?.lang) ? portal.lang : (profile.contact.language ?? 'en'), true);
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
