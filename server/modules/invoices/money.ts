/**
 * Invoice arithmetic, exact. Amounts are integers in the currency's minor unit
 * (ISO 4217 exponent: JPY 0, USD 2, KWD 3). The rounding rule: each line's amount is quantity × unit
 * price and its tax is amount × rate, each rounded half away from zero to the
 * currency's minor unit, per line; the invoice's subtotal, tax and total are the
 * sums of the rounded line figures. Quantities and rates are decimals with at
 * most four places, so everything is computed in scaled integers (BigInt).
 */

const SCALE = 10_000n;

function scaled(decimal: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(decimal.trim());
  if (!match) throw new RangeError(`"${decimal}" is not a decimal with at most 4 places`);
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole!) * SCALE + BigInt(fraction.padEnd(4, '0'));
  return sign ? -value : value;
}

/** Divides and rounds half away from zero. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

export interface LineFigures {
  amount: number;
  tax: number;
}

export function lineFigures(quantity: string, unitPrice: number, taxRatePercent = '0'): LineFigures {
  const amount = divRound(scaled(quantity) * BigInt(unitPrice), SCALE);
  const tax = divRound(amount * scaled(taxRatePercent), 100n * SCALE);
  return { amount: Number(amount), tax: Number(tax) };
}

export function invoiceTotals(lines: LineFigures[]): { subtotal: number; tax: number; total: number } {
  const subtotal = lines.reduce((sum, l) => sum + l.amount, 0);
  const tax = lines.reduce((sum, l) => sum + l.tax, 0);
  return { subtotal, tax, total: subtotal + tax };
}
