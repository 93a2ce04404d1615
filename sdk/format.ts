/**
 * Money and dates, formatted the same way for every reader: the widgets, the
 * invoice PDF, emails and the CLI. Zod-free, so the browser bundle can carry it.
 *
 * Amounts are integers in the minor unit of their currency, whose ISO 4217
 * exponent is JPY 0, USD 2, KWD 3: the wire contract's rule, so the table below
 * decides, not Intl's display data (which drops digits for IQD, RSD and others).
 * Which codes an invoice may use is sdk/currencies.ts's business: only the
 * server and the CLI check it, so the browser carries only the exponents.
 */

// ---- currencies ---------------------------------------------------------------

/**
 * ISO 4217 minor-unit exponents that differ from 2 (the default). Zero-decimal
 * currencies count whole units (1 = ¥1), three-decimal ones thousandths (1 = 0.001 KWD).
 * CLF (4) and the other funds/metals codes are refused (sdk/currencies.ts): no invoice is issued in them.
 */
const EXPONENTS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

/**
 * The number of decimals of the currency's minor unit: JPY 0, USD 2, KWD 3.
 * For a currency already checked where it entered (the API, the CLI:
 * `isKnownCurrency` in sdk/currencies.ts, whose list the browser never needs);
 * `currencyExponent` there also refuses unknown codes.
 */
export function minorExponent(code: string): number {
  return EXPONENTS[code] ?? 2;
}

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

/**
 * A major-unit decimal ("150.00", "150") as minor units of `currency`; more
 * decimals than the currency has (e.g. "1.5" in JPY) is an error, never rounded.
 */
export function parseMajor(text: string, currency: string): number {
  const exponent = minorExponent(currency);
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not an amount such as 150.00`);
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) {
    throw new RangeError(`"${text}" has more decimals than ${currency} has (${exponent})`);
  }
  const value = Number(match[1]) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  if (!Number.isSafeInteger(value)) throw new RangeError(`"${text}" is too large`);
  return value;
}

/**
 * What a person typed in an amount field ("150", "150.5", "150,50") as minor
 * units, or NaN when it is not a plain positive amount of the currency (no
 * thousands separators: they are ambiguous).
 */
export function parseTypedAmount(text: string, currency: string): number {
  try {
    return parseMajor(text.trim().replace(/^(\d+),(\d+)$/, '$1.$2'), currency);
  } catch {
    return NaN;
  }
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

/**
 * An ISO timestamp as the date it was in `timeZone` (the firm's; the reader's
 * when none, or unknown), e.g. "Mar 1, 2025". Not a timestamp: returned as it came.
 */
export function formatTimestampDate(value: string, locale?: string, timeZone?: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const format = cached(dateFormats, `instant|${locale ?? ''}|${timeZone ?? ''}`, () => {
    try {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
    } catch {
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }); // unknown zone: the reader's
    }
  });
  return format.format(date);
}
