import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { contract } from '../../../sdk/schemas/endpoints.js';
import { apiModules } from '../../../server/modules/index.js';
import { collectRoutes } from '../../../server/route-table/collect.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** Which module serves each operationId, as the route table reads it (server/route-table). */
function mountedByModule(): Map<string, { capability: string; file: string }> {
  const capabilityOf = new Map(apiModules.map((m) => [m.file, m.capability]));
  const served = new Map<string, { capability: string; file: string }>();
  for (const row of collectRoutes(apiModules)) {
    if (served.has(row.operationId)) throw new Error(`${row.operationId} is mounted twice`);
    served.set(row.operationId, { capability: capabilityOf.get(row.module)!, file: row.module });
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
