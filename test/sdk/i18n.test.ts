import test from 'ava';
import { formattingLocale, interpolate, languageOf, pickLanguage, translator } from '../../sdk/i18n.js';

test('languageOf() reads the primary subtag of a BCP 47 tag, shipped languages only', (t) => {
  t.is(languageOf('es-MX'), 'es');
  t.is(languageOf('AR'), 'ar');
  t.is(languageOf('de_CH'), 'de');
  t.is(languageOf('ja-JP'), undefined);
  t.is(languageOf(''), undefined);
  t.is(languageOf(null), undefined);
});

test('pickLanguage() takes the first shipped candidate, else English', (t) => {
  t.is(pickLanguage(null, 'ja-JP', 'fr-CA', 'de'), 'fr');
  t.is(pickLanguage(undefined, 'ja'), 'en');
  t.is(pickLanguage(), 'en');
});

test("formattingLocale() keeps the firm's region only for the firm's own language", (t) => {
  t.is(formattingLocale('es', 'es-MX'), 'es-MX');
  t.is(formattingLocale('ar', 'en-US'), 'ar');
  t.is(formattingLocale('en', null), 'en');
});

test('interpolate() fills named placeholders and leaves unknown ones as written', (t) => {
  t.is(interpolate('Amount due: {amount} ({count})', { amount: '$462.50', count: 2 }), 'Amount due: $462.50 (2)');
  t.is(interpolate('Hello {name}', {}), 'Hello {name}');
  t.is(interpolate('50% {off}'), '50% {off}');
});

test('translator() looks the English text up and falls back to it', (t) => {
  const msg = translator({ 'Pay {amount}': 'Pagar {amount}' });
  t.is(msg('Pay {amount}', { amount: '12,00 €' }), 'Pagar 12,00 €');
  t.is(msg('Not translated'), 'Not translated');
  t.is(translator()('Pay {amount}', { amount: '$1.00' }), 'Pay $1.00');
});
