// What the language pickers (login, profile, account menu) share: each
// language named in itself, and the switch itself.
import { LANGUAGES, type Language } from '../../../sdk/i18n.js';
import { useLanguage } from '../base/localize.js';
import { CaseflowLanguageChangedEvent } from '../events/caseflow-language-changed.js';

export { LANGUAGES };

/** Each language in its own words, never translated: a reader finds their own whatever the page shows. */
export const endonyms: Readonly<Record<Language, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  ar: 'العربية',
};

/** Whether a value from a form or an attribute names a shipped language. */
export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/**
 * Switches the page to `language` (its catalog loads first), then tells the
 * page with `caseflow-language-changed` from `source`.
 */
export async function switchLanguage(source: HTMLElement, language: Language, saved: boolean): Promise<void> {
  await useLanguage(language);
  source.dispatchEvent(new CaseflowLanguageChangedEvent({ language, saved }));
}
