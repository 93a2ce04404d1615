/**
 * The currency table and money formatting live in sdk/format.ts (zod-free, so
 * widgets, PDFs, emails and the CLI share one module); re-exported here for the
 * contract's side, which validates codes and amounts with them.
 */
export { currencyExponent, formatMinor, formatMoney, isKnownCurrency, moneyMessages, parseMajor } from '../format.js';
