/**
 * The catalogs of the localization layer (sdk/i18n.ts) against the code: every
 * `msg('…')` of the widgets has an entry in each widget catalog, every `msg('…')`
 * of the server one in each server catalog; no entry is unused, none equals its
 * English unless its area allow-lists it, and no translation loses or invents a
 * `{placeholder}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type { Catalog, TranslatedLanguage } from '../../sdk/i18n.js';
import { messageCalls, repoRoot, sourceFiles } from '../helpers/source-scan.js';

const languages: TranslatedLanguage[] = ['es', 'fr', 'de', 'ar'];

const sides = [
  { name: 'widgets', code: ['widgets/src'], skip: 'widgets/src/locales/', catalogs: 'widgets/src/locales' },
  { name: 'server', code: ['server'], skip: 'server/i18n/', catalogs: 'server/i18n' },
];

interface Area {
  file: string;
  entries: Catalog;
  sameAsEnglish: readonly string[];
}

async function areasOf(dir: string, language: TranslatedLanguage): Promise<Area[]> {
  const folder = path.join(repoRoot, dir, language);
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.ts'));
  return Promise.all(
    files.map(async (f) => {
      const mod = (await import(path.join(folder, f))) as { default: Catalog; sameAsEnglish?: readonly string[] };
      return { file: `${dir}/${language}/${f}`, entries: mod.default, sameAsEnglish: mod.sameAsEnglish ?? [] };
    }),
  );
}

function idsOf(code: string[], skip: string): { ids: Set<string>; computed: string[] } {
  const ids = new Set<string>();
  const computed: string[] = [];
  for (const file of code.flatMap((dir) => sourceFiles(dir)).filter((f) => !f.startsWith(skip))) {
    for (const call of messageCalls(file)) {
      if (call.id === undefined) computed.push(`${file}:${call.line}`);
      else ids.add(call.id);
    }
  }
  return { ids, computed };
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const side of sides) {
  const { ids, computed } = idsOf(side.code, side.skip);

  test(`${side.name}: every msg() names its English text as a literal`, (t) => {
    t.deepEqual(computed, []);
  });

  for (const language of languages) {
    test(`${side.name}: the ${language} catalog is complete, used, translated and keeps every placeholder`, async (t) => {
      const areas = await areasOf(side.catalogs, language);
      const catalog: Record<string, string> = Object.assign({}, ...areas.map((a) => a.entries));
      const allowed = new Set(areas.flatMap((a) => a.sameAsEnglish));
      t.deepEqual(
        [...ids].filter((id) => !(id in catalog)),
        [],
        'ids the code uses and the catalog lacks',
      );
      t.deepEqual(
        Object.keys(catalog).filter((id) => !ids.has(id)),
        [],
        'entries no code uses',
      );
      t.deepEqual(
        Object.entries(catalog)
          .filter(([id, text]) => text === id && !allowed.has(id))
          .map(([id]) => id),
        [],
        'entries identical to English and not allow-listed',
      );
      t.deepEqual(
        Object.entries(catalog)
          .filter(([id, text]) => placeholders(id).join() !== placeholders(text).join())
          .map(([id]) => id),
        [],
        'entries whose placeholders differ from the English',
      );
      const duplicates = areas.flatMap((a, i) =>
        Object.keys(a.entries).filter((id) => areas.slice(i + 1).some((b) => id in b.entries)),
      );
      t.deepEqual(duplicates, [], 'ids defined in two areas');
    });
  }
}
