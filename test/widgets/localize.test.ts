/**
 * The widgets' language runtime (widgets/src/base/localize.ts) without a
 * browser: English built in, a catalog switched to once it has loaded, the
 * last choice winning over a slower one, and listeners told once per change.
 * Serial: the runtime holds one language for the whole page (here, the process).
 */
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { currentLanguage, msg, onLanguageChange, useLanguage } from '../../widgets/src/base/localize.js';
import { repoRoot } from '../helpers/source-scan.js';

/** Resolves after the listener's next call. */
const nextChange = () =>
  new Promise<void>((resolve) => {
    const stop = onLanguageChange(() => {
      stop();
      resolve();
    });
  });

test.serial('English is the code’s own text, placeholders filled, before any catalog loads', (t) => {
  t.is(currentLanguage(), 'en');
  t.is(msg('Pay'), 'Pay');
  t.is(msg('Pay invoice {number}', { number: 'INV-0007' }), 'Pay invoice INV-0007');
});

test.serial('switching to Spanish translates once the catalog has loaded, and tells each listener once', async (t) => {
  let calls = 0;
  const stop = onLanguageChange(() => calls++);
  const changed = nextChange();
  useLanguage('es');
  t.is(msg('Pay'), 'Pay', 'still English until the catalog arrives');
  await changed;
  stop();
  t.is(calls, 1);
  t.is(currentLanguage(), 'es');
  t.is(msg('Pay'), 'Pagar');
  t.is(msg('Pay invoice {number}', { number: 'INV-0007' }), 'Pagar la factura INV-0007');
  t.is(msg('A sentence no catalog has'), 'A sentence no catalog has');
});

test.serial('the last language asked for wins over one whose catalog arrives later', async (t) => {
  useLanguage('de');
  useLanguage('ar');
  await nextChange();
  // Give the German catalog time to arrive too: it must not take over.
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.is(currentLanguage(), 'ar');
  t.is(msg('Unpaid'), 'غير مدفوع');
});

test.serial('back to English needs no catalog and restores the English text', async (t) => {
  const changed = nextChange();
  useLanguage('en');
  await changed;
  t.is(currentLanguage(), 'en');
  t.is(msg('Unpaid'), 'Unpaid');
});

test.serial('asking again for the current language changes nothing and tells no one', async (t) => {
  let calls = 0;
  const stop = onLanguageChange(() => calls++);
  useLanguage('en');
  await new Promise((resolve) => setTimeout(resolve, 50));
  stop();
  t.is(calls, 0);
});

test('in the build each catalog is a chunk of its own that no entry imports statically, fetched on demand only', (t) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'widgets/dist/manifest.json'), 'utf8')) as {
    entries: Record<string, { imports: string[]; dynamicImports: string[] }>;
    files: Record<string, unknown>;
  };
  const catalogs = Object.keys(manifest.files).filter((file) => /^chunks\/(es|fr|de|ar)\./.test(file));
  t.deepEqual(catalogs.map((file) => file.slice(7, 9)).sort(), ['ar', 'de', 'es', 'fr']);
  t.deepEqual(
    Object.entries(manifest.entries)
      .filter(([, entry]) => entry.imports.some((file) => /^chunks\/(catalogs|es|fr|de|ar)\./.test(file)))
      .map(([name]) => name),
    [],
  );
  const lazy = manifest.entries['caseflow-invoice-list']!.dynamicImports;
  t.deepEqual(
    catalogs.filter((file) => !lazy.includes(file)),
    [],
  );
  t.true(lazy.some((file) => file.startsWith('chunks/catalogs.')));
});
