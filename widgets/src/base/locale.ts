/**
 * A locale Intl accepts, or undefined (the browser's own). A typo in a `locale`
 * attribute or a firm setting must not make Intl throw and blank the widget.
 */
export function usableLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}
