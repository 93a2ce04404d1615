/**
 * Amounts as people write them, read into minor units of their currency (the
 * CLI's options, the invoice widget's amount field); sdk/format.ts re-exports them.
 */
import { minorExponent } from './minor-units.js';

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
