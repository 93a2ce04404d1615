/**
 * ISO 4217 currencies as the wire contract uses them: amounts are integers in
 * the currency's minor unit, whose exponent is JPY 0, USD 2, KWD 3. Shared by
 * the server (validation, emails) and the CLI (amounts typed in major units).
 */
/**
 * ISO 4217 minor-unit exponents that differ from 2 (the default). Zero-decimal
 * currencies count whole units (1 = ¥1), three-decimal ones thousandths (1 = 0.001 KWD).
 * CLF (4) and the other funds/metals codes are refused: no invoice is issued in them.
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

/** The active ISO 4217 codes an invoice may use (funds, metals and test codes left out). */
const CURRENCIES = new Set(
  (
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD ' +
    'CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD ' +
    'GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT ' +
    'LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR ' +
    'NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP ' +
    'STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XCG ' +
    'XOF XPF YER ZAR ZMW ZWG'
  ).split(' '),
);

export const moneyMessages = {
  unknownCurrency: (code: string) =>
    `"${code}" is not an ISO 4217 currency an invoice can use (e.g. USD, EUR, JPY, KWD).`,
};

/** Whether `code` is an active ISO 4217 currency we invoice in. */
export function isKnownCurrency(code: string): boolean {
  return CURRENCIES.has(code);
}

/** The number of decimals of the currency's minor unit: JPY 0, USD 2, KWD 3. Throws for unknown codes. */
export function currencyExponent(code: string): number {
  if (!CURRENCIES.has(code)) throw new RangeError(moneyMessages.unknownCurrency(code));
  return EXPONENTS[code] ?? 2;
}

/** Minor units as a plain decimal in major units: (123450, 'USD') → "1234.50", (5, 'JPY') → "5". */
export function formatMinor(amount: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${amount < 0 ? '-' : ''}${whole}${fraction}`;
}

/** "1234.50 USD": how amounts appear in messages and emails. */
export function formatMoney(amount: number, currency: string): string {
  return `${formatMinor(amount, currency)} ${currency}`;
}

/**
 * A major-unit decimal ("150.00", "150") as minor units of `currency`; more
 * decimals than the currency has (e.g. "1.5" in JPY) is an error, never rounded.
 */
export function parseMajor(text: string, currency: string): number {
  const exponent = currencyExponent(currency);
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
