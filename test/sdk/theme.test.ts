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
import { darkTokens, lightTokens } from '../../widgets/src/base/token-values.js';

// The default brand colours are written out in sdk/theme-tokens.ts, and the
// portal's declarations in widgets/src/base/token-values.ts, so the widgets'
// download carries neither the contrast maths nor the code that writes CSS; the
// tokens and the derivation stay the one source.

/** `--caseflow-x:v;` declarations by name. */
const parse = (css: string) =>
  new Map(
    css
      .split(';')
      .filter(Boolean)
      .map((d) => [d.slice(0, d.indexOf(':')), d.slice(d.indexOf(':') + 1)]),
  );

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

test("the portal's written-out declarations are the tokens': every light one, and the dark ones that differ", (t) => {
  const light = tokenDeclarations('light');
  const differing = [...parse(tokenDeclarations('dark'))]
    .filter(([name, value]) => parse(light).get(name) !== value)
    .map(([name, value]) => `${name}:${value};`)
    .join('');
  t.is(lightTokens, light, `lightTokens in widgets/src/base/token-values.ts should be:\n${light}`);
  t.is(darkTokens, differing, `darkTokens in widgets/src/base/token-values.ts should be:\n${differing}`);
  t.true(darkTokens.includes('--caseflow-color-surface:#111a2b;'));
  t.false(darkTokens.includes('--caseflow-font-size'));
});
