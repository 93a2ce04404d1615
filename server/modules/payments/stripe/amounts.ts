/**
 * Our amounts are ISO 4217 minor units; Stripe's are "the smallest currency
 * unit" with a few documented exceptions (docs.stripe.com/currencies):
 * - ISK and UGX are zero-decimal in ISO 4217 but Stripe still takes them as
 *   two-decimal values whose last two digits are 00;
 * - three-decimal currencies (BHD, JOD, KWD, OMR, TND) are sent in thousandths,
 *   but the last digit must be 0, so an amount like 12.345 KWD cannot be charged.
 */
const TWO_DECIMAL_ON_STRIPE = new Set(['ISK', 'UGX']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

/** The amount to send to Stripe, or null when Stripe cannot charge exactly this amount. */
export function toStripeAmount(amount: number, currency: string): number | null {
  if (TWO_DECIMAL_ON_STRIPE.has(currency)) return amount * 100;
  if (THREE_DECIMAL.has(currency) && amount % 10 !== 0) return null;
  return amount;
}

/** An amount Stripe reports, back in the currency's ISO minor units. */
export function fromStripeAmount(amount: number, currency: string): number {
  if (TWO_DECIMAL_ON_STRIPE.has(currency)) return Math.round(amount / 100);
  return amount;
}
