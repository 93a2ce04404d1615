import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { routes } from '../../cli/generated/routes.js';
import { endpoints } from '../../sdk/schemas/endpoints.js';
import { collectRoutes } from '../../server/route-table/collect.js';
import { apiModules } from '../../server/modules/index.js';
import {
  currentSection,
  generatedFile,
  readmeSection,
  regenerate,
  repoRoot,
  routesModule,
} from '../../server/route-table/render.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';

const fresh = collectRoutes(apiModules);
const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

test(`${generatedFile} is the module registry's route table`, async (t) => {
  t.is(read(generatedFile), await routesModule(fresh), `${generatedFile} is stale: run ${regenerate}`);
});

test("the README's route table is the module registry's", async (t) => {
  t.is(
    currentSection(read('README.md')),
    await readmeSection(fresh),
    `README.md's routes are stale: run ${regenerate}`,
  );
});

test("the route table has every endpoint of the contract once, with the contract's method and path", (t) => {
  const contract = Object.values(endpoints)
    .map((e) => `${e.method} /api/v1${e.path} ${e.operationId} ${e.audience}`)
    .sort();
  t.deepEqual(fresh.map((r) => `${r.method} ${r.path} ${r.operationId} ${r.audience}`).sort(), contract);
});

test('every module file in the route table exists', (t) => {
  t.deepEqual(
    [...new Set(fresh.map((r) => r.module))].filter((file) => !fs.existsSync(path.join(repoRoot, file))),
    [],
  );
});

test('building the table names a module that would use the database at mount time, or mounts a route without an operationId', (t) => {
  t.throws(
    () =>
      collectRoutes([
        { file: 'server/modules/eager/routes.ts', routes: (_router, deps) => void deps.pool.query('SELECT 1') },
      ]),
    { message: 'the route table mounts modules without I/O: deps.pool.query was used' },
  );
  t.throws(
    () =>
      collectRoutes([
        { file: 'server/modules/anonymous/routes.ts', routes: (router) => void router.get('/x', () => {}) },
      ]),
    { message: 'server/modules/anonymous/routes.ts mounts /api/v1/x without an operationId' },
  );
});

test('caseflow routes --audience portal prints the portal endpoints as a table, without a server', async (t) => {
  const result = await runCli(['routes', '--audience', 'portal'], isolatedEnv());
  t.is(result.code, 0, result.stderr);
  const lines = result.stdout.trimEnd().split('\n');
  t.regex(lines[0]!, /^METHOD\s+PATH\s+OPERATIONID\s+AUDIENCE\s+MODULE$/);
  const portal = routes.filter((r) => r.audience === 'portal');
  t.true(portal.length > 0);
  t.deepEqual(
    lines.slice(1).map((line) => line.split(/\s+/)),
    portal.map((r) => [r.method, r.path, r.operationId, r.audience, r.module]),
  );
});

test('caseflow routes --json prints the rows; an unknown audience is refused with the choices', async (t) => {
  const json = await runCli(['routes', '--json', '--audience', 'public'], isolatedEnv());
  t.is(json.code, 0, json.stderr);
  t.deepEqual(
    JSON.parse(json.stdout),
    routes.filter((r) => r.audience === 'public'),
  );
  const all = await runCli(['routes', '--json'], isolatedEnv());
  t.is((JSON.parse(all.stdout) as unknown[]).length, Object.keys(endpoints).length);

  const wrong = await runCli(['routes', '--audience', 'staff'], isolatedEnv());
  t.deepEqual(
    [wrong.code, wrong.stderr],
    [
      1,
      "error: option '--audience <audience>' argument 'staff' is invalid. Allowed choices are portal, admin, platform, public.\n",
    ],
  );
});
