/**
 * The ISO 4217 currencies an invoice may use, checked where an amount enters
 * (the API's bodies, the CLI's options). Apart from sdk/format.ts so the
 * browser, which only shows amounts in currencies already checked, never
 * downloads the list.
 */
import { minorExponent } from './minor-units.js';

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
  return minorExponent(code);
}
