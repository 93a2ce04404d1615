import test from 'ava';
import {
  formatCalendarDate,
  formatLocalMoney,
  formatMinor,
  formatMoney,
  formatTimestampDate,
  minorExponent,
  parseTypedAmount,
} from '../../sdk/format.js';

// One module formats money and dates for the widgets, PDFs, emails and the CLI.
// Expected strings carry Intl's own spaces: \u00a0 (no-break) and \u200f (right-to-left mark).

test('plain money, for messages, emails and the CLI: the ISO exponent and the code', (t) => {
  t.is(formatMoney(46250, 'USD'), '462.50 USD');
  t.is(formatMoney(1500, 'JPY'), '1500 JPY');
  t.is(formatMoney(2658, 'KWD'), '2.658 KWD');
  t.is(formatMinor(-7, 'USD'), '-0.07');
});

test('money in a locale has exactly the ISO digits of its currency', (t) => {
  t.is(formatLocalMoney(123456, 'USD', 'en-US'), '$1,234.56');
  t.is(formatLocalMoney(123456, 'EUR', 'de-DE'), '1.234,56\u00a0€');
  t.is(formatLocalMoney(1500, 'JPY', 'ja-JP'), '￥1,500');
  t.is(formatLocalMoney(2658, 'KWD', 'en-US', { display: 'code' }), 'KWD\u00a02.658');
  // Intl shows HUF without decimals; the contract's minor unit is the fillér, so 123456 is 1,234.56.
  t.is(minorExponent('HUF'), 2);
  t.is(formatLocalMoney(123456, 'HUF', 'en-US'), 'HUF\u00a01,234.56');
});

test("the locale's digits, or Latin ones where the reader (a PDF font) has no others", (t) => {
  t.is(formatLocalMoney(123456, 'USD', 'ar-EG'), '\u200f١٬٢٣٤٫٥٦\u00a0US$');
  t.is(formatLocalMoney(123456, 'USD', 'ar-EG', { latinDigits: true }), '\u200f1,234.56\u00a0US$');
  t.is(formatCalendarDate('2025-03-01', 'ar-EG', { latinDigits: true }), '01\u200f/03\u200f/2025');
});

test('a typed amount is read in the currency, with a comma or a point, else NaN', (t) => {
  t.is(parseTypedAmount('150', 'USD'), 15000);
  t.is(parseTypedAmount(' 150,5 ', 'EUR'), 15050);
  t.is(parseTypedAmount('0.123', 'KWD'), 123);
  t.is(parseTypedAmount('1.5', 'JPY'), NaN);
  t.is(parseTypedAmount('1,000.00', 'USD'), NaN);
  t.is(parseTypedAmount('-5', 'USD'), NaN);
});

test('a calendar date is the same day everywhere; a timestamp is the day it was in the firm’s zone', (t) => {
  t.is(formatCalendarDate('2025-03-01', 'en-US'), 'Mar 1, 2025');
  t.is(formatCalendarDate('not a date', 'en-US'), 'not a date');
  t.is(formatTimestampDate('2025-03-01T02:00:00Z', 'en-US', 'America/New_York'), 'Feb 28, 2025');
  t.is(formatTimestampDate('2025-03-01T02:00:00Z', 'en-US', 'Asia/Tokyo'), 'Mar 1, 2025');
});
