import test from 'ava';
import { brandColours, contrast, defaultPrimary, parseHex, textContrast, tokens } from '../../sdk/theme.js';
import { appearanceProperties, tokenOf } from '../../widgets/src/base/appearance.js';

// Brand colours firms pick, from very light to very dark, saturated and grey.
const samples = [
  '#ffeb3b',
  '#fde68a',
  '#ffffff',
  '#22d3ee',
  '#0f766e',
  '#7c3aed',
  '#dc2626',
  '#1d4ed8',
  '#6b7280',
  '#000000',
  '#111827',
];

for (const mode of ['light', 'dark'] as const) {
  test(`in ${mode} mode every brand colour yields button text and links with at least 4.5:1 contrast`, (t) => {
    const surface = (tokens['color-surface'] as Record<string, string>)[mode]!;
    for (const primary of samples) {
      const c = brandColours(primary, mode);
      t.true(contrast(c['color-on-primary'], c['color-primary']) >= textContrast, `${primary}: text on the button`);
      t.true(contrast(c['color-link'], surface) >= textContrast, `${primary}: links on the surface`);
    }
  });
}

test('a brand colour that already passes is kept as it is', (t) => {
  const c = brandColours('#0f766e', 'light');
  t.is(c['color-primary'], '#0f766e');
  t.is(c['color-on-primary'], '#ffffff');
  t.is(c['color-link'], '#0f766e');
});

test('a light brand colour gets dark text on its buttons instead of white', (t) => {
  const c = brandColours('#fde68a', 'light');
  t.is(c['color-on-primary'], '#111827');
  t.is(c['color-primary'], '#fde68a');
  // As text on white the pale yellow would be unreadable: the link colour is darkened.
  t.is(c['color-link'], '#7f7345');
  t.true(contrast(c['color-link'], '#ffffff') >= 4.5);
});

test('contrast follows WCAG 2: black on white is 21, a colour on itself 1', (t) => {
  t.is(contrast('#000000', '#ffffff'), 21);
  t.is(contrast('#1d4ed8', '#1d4ed8'), 1);
  t.is(Math.round(contrast('#767676', '#ffffff') * 100) / 100, 4.54);
});

test('hex colours parse with or without # and in the short form; anything else is refused', (t) => {
  t.deepEqual(parseHex('#0F766E'), [15, 118, 110]);
  t.deepEqual(parseHex('abc'), [170, 187, 204]);
  t.is(parseHex('rebeccapurple'), undefined);
  t.is(parseHex('#12345'), undefined);
});

test('the default brand colour passes as it is in light mode', (t) => {
  t.is(brandColours(defaultPrimary, 'light')['color-primary'], defaultPrimary);
});

test('appearance variables map to tokens by their camelCase names; unknown names and unusable colours are skipped', (t) => {
  t.is(tokenOf('fontFamily'), 'font-family');
  t.is(tokenOf('borderRadius'), 'radius');
  t.is(tokenOf('colorLink'), 'color-link');
  t.is(tokenOf('colourPrimary'), undefined);
  const light = appearanceProperties(
    { variables: { colorPrimary: '#0f766e', radius: '2px', fontFamily: 'Georgia, serif', bogus: '1px' } },
    'light',
  );
  t.deepEqual(light, {
    '--caseflow-color-primary': '#0f766e',
    '--caseflow-color-on-primary': '#ffffff',
    '--caseflow-color-primary-hover': '#0d645e',
    '--caseflow-color-link': '#0f766e',
    '--caseflow-color-primary-soft': '#e2efee',
    '--caseflow-color-focus': '#0f766e',
    '--caseflow-radius': '2px',
    '--caseflow-font-family': 'Georgia, serif',
  });
  t.deepEqual(appearanceProperties({ variables: { colorPrimary: 'not a colour' } }, 'light'), {});
});

test('an explicit companion colour wins over the derived one', (t) => {
  const props = appearanceProperties({ variables: { colorPrimary: '#7c3aed', colorLink: '#5b21b6' } }, 'dark');
  t.is(props['--caseflow-color-link'], '#5b21b6');
  t.is(props['--caseflow-color-primary'], brandColours('#7c3aed', 'dark')['color-primary']);
});
