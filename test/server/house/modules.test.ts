import fs from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import test from 'ava';
import { contract } from '../../../sdk/schemas/endpoints.js';
import { loadConfig } from '../../../server/config.js';
import type { AppExtensions, AppState, Deps } from '../../../server/http/context.js';
import { apiModules } from '../../../server/modules/index.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** Each module's routes, mounted on a router of their own; nothing connects. */
function mountedByModule(): Map<string, { capability: string; file: string }> {
  const config = loadConfig({ NODE_ENV: 'test', CASEFLOW_PLATFORM_KEY: 'x'.repeat(32) });
  const deps = { config } as Deps;
  const served = new Map<string, { capability: string; file: string }>();
  for (const module of apiModules) {
    const router = new Router<AppState, AppExtensions>();
    module.routes(router, deps, { validateResponses: false });
    for (const layer of router.stack) {
      if (!layer.name) throw new Error(`${module.file} mounts ${layer.path} without an operationId`);
      if (served.has(layer.name)) throw new Error(`${layer.name} is mounted twice`);
      served.set(layer.name, { capability: module.capability, file: module.file });
    }
  }
  return served;
}

test('every endpoint of the contract is served by the module of the capability that declares it', (t) => {
  const served = mountedByModule();
  const misplaced: string[] = [];
  for (const [capability, entries] of Object.entries(contract)) {
    for (const operationId of Object.keys(entries)) {
      const module = served.get(operationId);
      if (module?.capability !== capability) {
        misplaced.push(`${operationId}: declared by ${capability}, served by ${module?.file ?? 'nobody'}`);
      }
      served.delete(operationId);
    }
  }
  t.deepEqual(misplaced, []);
  t.deepEqual([...served.keys()], [], 'mounted but not in the contract');
});

test('a capability has one schema file and one module folder of the same name', (t) => {
  const missing = Object.keys(contract).flatMap((capability) => [
    ...(fs.existsSync(path.join(root, 'sdk/schemas', `${capability}.ts`)) ? [] : [`sdk/schemas/${capability}.ts`]),
    ...(fs.existsSync(path.join(root, 'server/modules', capability)) ? [] : [`server/modules/${capability}/`]),
  ]);
  t.deepEqual(missing, []);
  const files = apiModules.map((m) => m.file).filter((file) => !fs.existsSync(path.join(root, file)));
  t.deepEqual(files, [], 'registered routes files that do not exist');
  const outside = apiModules.filter((m) => !m.file.startsWith(`server/modules/${m.capability}/`)).map((m) => m.file);
  t.deepEqual(outside, [], 'routes files outside their capability folder');
});

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

test('handlers get the scope their guards set: no non-null assertion on the request state', (t) => {
  const asserted = sourceFiles('server').filter((file) =>
    /ctx\.state\.(admin|portal|platform)!/.test(fs.readFileSync(path.join(root, file), 'utf8')),
  );
  t.deepEqual(asserted, []);
});
