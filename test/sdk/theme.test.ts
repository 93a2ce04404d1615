import test from 'ava';
import {
  brandColours,
  brandDeclarations,
  contrast,
  declarations,
  defaultBrandColours,
  defaultPrimary,
  textContrast,
  tokenDeclarations,
} from '../../sdk/theme.js';

// The default brand colours are written out in sdk/theme-tokens.ts, so the
// widgets' download carries no contrast maths; the derivation stays the one source.

test('the written-out default brand colours are what the derivation gives for the default primary', (t) => {
  t.deepEqual(defaultBrandColours.light, brandColours(defaultPrimary, 'light'));
  t.deepEqual(defaultBrandColours.dark, brandColours(defaultPrimary, 'dark'));
});

test("the portal's default declarations are the hosted pages' declarations for the default primary", (t) => {
  t.is(tokenDeclarations('light'), declarations('light'));
  t.is(tokenDeclarations('dark'), declarations('dark'));
  t.true(tokenDeclarations('dark').includes('--caseflow-color-link:#6183e4;'));
  t.true(tokenDeclarations('light').startsWith('--caseflow-font-family:system-ui,'));
});

test('a brand colour of its own derives its companions with AA contrast, and only those are declared for it', (t) => {
  const light = brandColours('#fde047', 'light'); // a light yellow: dark text on it, links darkened
  t.is(light['color-on-primary'], '#111827');
  t.true(contrast(light['color-primary'], light['color-on-primary']) >= textContrast);
  t.true(contrast(light['color-link'], '#ffffff') >= textContrast);
  t.is(
    brandDeclarations('#fde047', 'light'),
    Object.entries(light)
      .map(([name, value]) => `--caseflow-${name}:${value};`)
      .join(''),
  );
});
