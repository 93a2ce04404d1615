import test from 'ava';
import { currencyExponent, isKnownCurrency } from '../../../sdk/currencies.js';
import { formatMinor, formatMoney, parseMajor } from '../../../sdk/format.js';
import { invoiceTotals, lineFigures } from '../../../server/modules/invoices/money.js';

test('line amounts are quantity × unit price rounded half away from zero to the minor unit', (t) => {
  t.deepEqual(lineFigures('0.25', 25000), { amount: 6250, tax: 0 });
  t.deepEqual(lineFigures('0.3333', 100), { amount: 33, tax: 0 }); // 33.33 → 33
  t.deepEqual(lineFigures('0.005', 100), { amount: 1, tax: 0 }); // 0.5 → 1 (half up)
  t.deepEqual(lineFigures('1', -1999, '10'), { amount: -1999, tax: -200 }); // discounts round away from zero
});

test('taxes are rounded per line, and totals are sums of the rounded lines', (t) => {
  const lines = [lineFigures('1', 4999, '8.875'), lineFigures('1', 4999, '8.875')];
  t.deepEqual(lines[0], { amount: 4999, tax: 444 }); // 443.66 → 444
  // Per-line rounding: 444 + 444 = 888, where taxing the sum (9998 × 8.875 % = 887.32) would give 887.
  t.deepEqual(invoiceTotals(lines), { subtotal: 9998, tax: 888, total: 10886 });
});

test('currencies without and with three minor digits: JPY and KWD amounts stay exact', (t) => {
  t.deepEqual(lineFigures('1.5', 3333, '10'), { amount: 5000, tax: 500 }); // ¥4999.5 → ¥5000
  t.deepEqual(lineFigures('2', 1250, '5'), { amount: 2500, tax: 125 }); // 2.500 KWD, tax 0.125
});

test('malformed decimals are refused', (t) => {
  t.throws(() => lineFigures('1.23456', 100), { message: '"1.23456" is not a decimal with at most 4 places' });
  t.throws(() => lineFigures('abc', 100), { instanceOf: RangeError });
});

test('ISO 4217 exponents: JPY 0, USD 2, KWD 3; unknown codes and CLF are refused', (t) => {
  t.is(currencyExponent('JPY'), 0);
  t.is(currencyExponent('KRW'), 0);
  t.is(currencyExponent('USD'), 2);
  t.is(currencyExponent('EUR'), 2);
  t.is(currencyExponent('KWD'), 3);
  t.is(currencyExponent('BHD'), 3);
  t.true(isKnownCurrency('GBP'));
  t.false(isKnownCurrency('CLF'));
  t.false(isKnownCurrency('XYZ'));
  t.throws(() => currencyExponent('XYZ'), {
    message: '"XYZ" is not an ISO 4217 currency an invoice can use (e.g. USD, EUR, JPY, KWD).',
  });
});

test('minor units are shown and parsed with the exponent, never rounded', (t) => {
  t.is(formatMoney(123450, 'USD'), '1234.50 USD');
  t.is(formatMoney(5, 'JPY'), '5 JPY');
  t.is(formatMoney(2658, 'KWD'), '2.658 KWD');
  t.is(formatMinor(7, 'USD'), '0.07');
  t.is(formatMinor(-7, 'KWD'), '-0.007');
  t.is(parseMajor('150.00', 'USD'), 15000);
  t.is(parseMajor('150', 'USD'), 15000);
  t.is(parseMajor('0.5', 'USD'), 50);
  t.is(parseMajor('1500', 'JPY'), 1500);
  t.is(parseMajor('2.658', 'KWD'), 2658);
  t.throws(() => parseMajor('1.5', 'JPY'), { message: '"1.5" has more decimals than JPY has (0)' });
  t.throws(() => parseMajor('1.234', 'USD'), { message: '"1.234" has more decimals than USD has (2)' });
  t.throws(() => parseMajor('-1', 'USD'), { message: '"-1" is not an amount such as 150.00' });
});
