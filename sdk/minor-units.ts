/**
 * ISO 4217 minor units: the number of decimals of each currency's minor unit,
 * the wire contract's rule for every amount (sdk/format.ts re-exports it).
 */

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
