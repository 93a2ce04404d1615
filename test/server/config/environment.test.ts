import test from 'ava';
import { envReads, sourceFiles } from '../../helpers/source-scan.js';

/** Each program reads its environment in one module: the server's settings, the CLI's variables. */
const environmentModules = ['cli/env.ts', 'server/config.ts'];

test('process.env is read only in server/config.ts (the server) and cli/env.ts (the CLI)', (t) => {
  const offending = [...sourceFiles('server'), ...sourceFiles('cli')]
    .filter((file) => !environmentModules.includes(file))
    .flatMap((file) => envReads(file).map((line) => `${file}:${line}`));
  t.deepEqual(offending, []);
});

test('the two environment modules are where the reads are', (t) => {
  t.deepEqual(
    environmentModules.map((file) => envReads(file).length > 0),
    [true, true],
  );
});

test('the environment scan sees property and index reads, and lets the environment be handed to a child process', (t) => {
  const text = [
    'const port = process.env.PORT;',
    "const home = process.env['HOME'];",
    'const all = process.env;',
    "spawn('initdb', [], { env: { ...process.env, LC_ALL: 'C' } });",
    '// process.env.IN_A_COMMENT',
    "const text = 'process.env.IN_A_STRING';",
  ].join('\n');
  t.deepEqual(envReads('server/example.ts', text), [1, 2, 3]);
});
