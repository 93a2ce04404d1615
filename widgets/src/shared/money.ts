// Amounts travel as integers in the minor unit of their own currency (cents, yen,
// fils). The exponent comes from Intl's currency data, so JPY (0) and KWD (3) need
// no table of our own.

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Number of minor-unit digits of a currency: 2 for USD, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string, locale?: string): number {
  return formatterFor(currency, locale).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Formats an amount in minor units, e.g. formatMinorUnits(123456, 'EUR', 'de-DE')
 * → "1.234,56 €". Dividing an integer by 10^exponent and formatting with exactly
 * that many digits always rounds back to the same integer, so floats are safe here.
 */
export function formatMinorUnits(amount: number, currency: string, locale?: string): string {
  const formatter = formatterFor(currency, locale);
  return formatter.format(amount / 10 ** currencyExponent(currency, locale));
}

/**
 * Reads an amount typed in major units ("150", "150.5", "150,50") as minor
 * units of `currency`; NaN when it is not a plain positive decimal or has more
 * decimals than the currency (no thousands separators: they are ambiguous).
 */
export function parseMajorUnits(text: string, currency: string, locale?: string): number {
  const match = /^\s*(\d{1,15})(?:[.,](\d+))?\s*$/.exec(text);
  const exponent = currencyExponent(currency, locale);
  if (!match || (match[2]?.length ?? 0) > exponent) return NaN;
  return Number(match[1]) * 10 ** exponent + Number((match[2] ?? '').padEnd(exponent, '0') || 0);
}

/** Minor units as a plain decimal for an input's value: (12345, 'USD') → "123.45". */
export function minorToInput(amount: number, currency: string, locale?: string): string {
  const exponent = currencyExponent(currency, locale);
  return exponent ? (amount / 10 ** exponent).toFixed(exponent) : String(amount);
}
