/**
 * Money and dates, formatted the same way for every reader: the widgets, the
 * invoice PDF, emails and the CLI. Zod-free, so the browser bundle can carry it.
 *
 * Amounts are integers in the minor unit of their currency, whose ISO 4217
 * exponent is JPY 0, USD 2, KWD 3: the wire contract's rule, so the table of sdk/minor-units.ts
 * decides, not Intl's display data (which drops digits for IQD, RSD and others).
 * Which codes an invoice may use is sdk/currencies.ts's business: only the
 * server and the CLI check it, so the browser carries only the exponents.
 */

// The exponent table (sdk/minor-units.ts) and reading typed amounts
// (sdk/amounts.ts) sit in modules of their own, so a page that only shows
// amounts downloads neither the parsing nor, with the currency list of
// sdk/currencies.ts, any validation.
import { minorExponent } from './minor-units.js';

export { minorExponent } from './minor-units.js';
export { parseMajor, parseTypedAmount } from './amounts.js';
export { formatTimestampDate } from './timestamps.js';

// ---- money as plain text (messages, emails, the CLI) ------------------------

/** Minor units as a plain decimal in major units: (123450, 'USD') → "1234.50", (5, 'JPY') → "5". */
export function formatMinor(amount: number, currency: string): string {
  const exponent = minorExponent(currency);
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${amount < 0 ? '-' : ''}${whole}${fraction}`;
}

/** "1234.50 USD": how amounts appear in messages, emails and the CLI. */
export function formatMoney(amount: number, currency: string): string {
  return `${formatMinor(amount, currency)} ${currency}`;
}

// ---- money and dates in a locale (widgets, PDFs) ---------------------------

export interface LocalOptions {
  /** Western digits whatever the locale (the PDF's fonts have no others). */
  latinDigits?: boolean;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, key: string, make: () => F): F {
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

/**
 * Minor units in the locale, e.g. (123456, 'EUR', 'de-DE') → "1.234,56 €", with
 * exactly the currency's ISO digits; `display: 'code'` writes "USD 1,234.56".
 * The amount reaches Intl as an exact decimal string, never a float.
 */
export function formatLocalMoney(
  amount: number,
  currency: string,
  locale?: string,
  options: LocalOptions & { display?: 'symbol' | 'code' } = {},
): string {
  const display = options.display ?? 'symbol';
  const latn = options.latinDigits === true;
  const format = cached(numberFormats, `${locale ?? ''}|${currency}|${display}|${latn}`, () => {
    const exponent = minorExponent(currency);
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display,
      ...(latn ? { numberingSystem: 'latn' } : {}),
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
  });
  return format.format(formatMinor(amount, currency) as unknown as number);
}

/**
 * A calendar date ('YYYY-MM-DD', no time or zone) in the locale, e.g.
 * '2025-03-01' → "Mar 1, 2025" (en-US): built and shown at UTC midnight, so it
 * is the same day wherever it is read. Anything else is returned as it came.
 */
export function formatCalendarDate(value: string, locale?: string, options: LocalOptions = {}): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const latn = options.latinDigits === true;
  const format = cached(dateFormats, `date|${locale ?? ''}|${latn}`, () => {
    return new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeZone: 'UTC',
      ...(latn ? { numberingSystem: 'latn' } : {}),
    });
  });
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}
