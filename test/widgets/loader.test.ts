import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';

// The hosted portal fetches a widget's code through the loader's table: a
// widget missing from it would never be defined on a hosted page.
const root = path.resolve(import.meta.dirname, '../..');

test('the hosted loader knows every widget entry, by its tag and its define file', (t) => {
  const source = fs.readFileSync(path.join(root, 'widgets/src/hosted/loader.ts'), 'utf8');
  const listed = [...source.matchAll(/'(caseflow-[a-z-]+)': \(\) => import\('\.\.\/define\/([a-z-]+)\.js'\)/g)].map(
    (m) => [m[1], `caseflow-${m[2]}`],
  );
  for (const [tag, file] of listed) t.is(tag, file);
  const defined = fs
    .readdirSync(path.join(root, 'widgets/src/define'))
    .map((f) => `caseflow-${f.replace(/\.ts$/, '')}`)
    .sort();
  t.deepEqual(listed.map(([tag]) => tag).sort(), defined);
});
