import test from 'ava';
import { relativeImports, sourceFiles } from '../helpers/source-scan.js';

/**
 * DESIGN §3: the CLI reaches server code only in the local operator commands,
 * which run beside the database. Everything else goes through the SDK.
 */
const operatorCommands = [
  'cli/commands/database.ts', // migrate, demo
  'cli/commands/jobs.ts',
  'cli/commands/local-action.ts', // the operator commands' settings errors
  'cli/commands/mail.ts',
  'cli/commands/serve.ts',
];

const serverImports = (file: string, text?: string) =>
  relativeImports(file, text).filter((i) => i.startsWith('server/'));

test('no CLI file outside the local operator commands imports from server/', (t) => {
  const offending = sourceFiles('cli')
    .filter((file) => !operatorCommands.includes(file))
    .flatMap((file) => serverImports(file).map((imported) => `${file} imports ${imported}`));
  t.deepEqual(offending, []);
});

test('every file on the operator allow-list exists and does reach server/ (no stale entries)', (t) => {
  const files = sourceFiles('cli');
  t.deepEqual(
    operatorCommands.filter((file) => !files.includes(file) || serverImports(file).length === 0),
    [],
  );
});

test('the import scan sees static, type-only, re-exported and dynamic imports, and ignores comments and packages', (t) => {
  const text = [
    "import { loadConfig } from '../server/config.js';",
    "import type { Config } from '../server/config.js';",
    "export { boot } from '../server/main.js';",
    "const db = await import('../server/db/database.js');",
    "// import { x } from '../server/nowhere.js';",
    "import { Command } from 'commander';",
    "import { printJson } from './output.js';",
  ].join('\n');
  t.deepEqual(serverImports('cli/example.ts', text), [
    'server/config.js',
    'server/config.js',
    'server/main.js',
    'server/db/database.js',
  ]);
});
