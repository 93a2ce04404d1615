/**
 * The one localization layer, shared by the widgets and the server: which
 * languages ship, which one a reader gets, and `msg()`, the translator.
 *
 * A message's id is its English text, written in the code where it is used:
 * `msg('Amount due: {amount}', { amount })`. English therefore needs no catalog
 * (it ships in the code itself), and a catalog maps that English text to the
 * translation, placeholders and all: `{ 'Amount due: {amount}': 'Importe: {amount}' }`.
 * The catalogs' test (test/i18n) reads every `msg('…')` of the code and fails on
 * an id missing from a catalog, an entry no code uses, a translation identical
 * to English (unless allow-listed) or a placeholder lost in translation.
 *
 * Zod-free and tiny: the browser's base bundle carries it.
 */

/** The languages the portal ships, English first (the source language). */
export const LANGUAGES = ['en', 'es', 'fr', 'de', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The languages with a catalog of their own (English is the code's own text). */
export type TranslatedLanguage = Exclude<Language, 'en'>;

/** English text → translation. */
export type Catalog = Readonly<Record<string, string>>;

/** The values of a message's `{placeholders}`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Translates an English message, filling its `{placeholders}`. */
export type Msg = (english: string, params?: MessageParams) => string;

/** The shipped language of a BCP 47 tag ('es-MX' → 'es'), or undefined. */
export function languageOf(tag: string | null | undefined): Language | undefined {
  const primary = tag?.split(/[-_]/)[0]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as Language) : undefined;
}

/** The first candidate in a shipped language (a contact's choice, a firm's default, the browser's), else English. */
export function pickLanguage(...candidates: readonly (string | null | undefined)[]): Language {
  for (const tag of candidates) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}

/** Arabic is written right to left. */
export function isRightToLeft(language: Language): boolean {
  return language === 'ar';
}

/**
 * The locale numbers, money and dates are formatted in: the firm's own (say
 * es-MX) when the reader's language is its language, else the language alone.
 */
export function formattingLocale(language: Language, firmLocale: string | null | undefined): string {
  return languageOf(firmLocale) === language && firmLocale ? firmLocale : language;
}

/** Fills `{name}` placeholders; one without a value stays as written. */
export function interpolate(template: string, params?: MessageParams): string {
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : template;
}

/** The translator of one catalog (none: English). */
export function translator(catalog?: Catalog): Msg {
  return (english, params) => interpolate(catalog?.[english] ?? english, params);
}
