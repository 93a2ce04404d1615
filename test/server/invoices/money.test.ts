import test from 'ava';
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
