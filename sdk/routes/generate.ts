/**
 * Writes sdk/routes/{portal,admin,platform}.ts from the contract's endpoint
 * entries: `npm run generate`. test/sdk/route-tables.test.ts fails when a
 * written file differs from what this would write. The `public` audience (the
 * Stripe webhook) has no table: no SDK client calls it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { endpoints, type Endpoint } from '../schemas/endpoints.js';
import type { Route } from './route.js';

export const audiences = ['portal', 'admin', 'platform'] as const;
export type Audience = (typeof audiences)[number];

export const routesDir = path.dirname(fileURLToPath(import.meta.url));

const methodOrder: Route['method'][] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function routeOf(e: Endpoint): Route {
  return {
    method: e.method,
    path: e.path,
    idempotent: e.idempotent === true,
    ...(e.produces ? { produces: e.produces } : {}),
  };
}

/** The audience's endpoints by path, then method: stable when entries move between schema files. */
function entriesOf(audience: Audience): Endpoint[] {
  return (Object.values(endpoints) as Endpoint[])
    .filter((e) => e.audience === audience)
    .sort((a, b) =>
      a.path === b.path ? methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method) : a.path < b.path ? -1 : 1,
    );
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function literal(route: Route): string {
  const fields = [`method: ${quote(route.method)}`, `path: ${quote(route.path)}`, `idempotent: ${route.idempotent}`];
  if (route.produces) fields.push(`produces: ${quote(route.produces)}`);
  return `{ ${fields.join(', ')} }`;
}

/**
 * The source of sdk/routes/<audience>.ts: one line per route, so the file is
 * left out of Prettier (.prettierignore) and reads as a table.
 */
export function renderRouteTable(audience: Audience): string {
  const entries = entriesOf(audience);
  return [
    `// Generated from the contract (sdk/schemas/endpoints.ts) by \`npm run generate\``,
    `// (sdk/routes/generate.ts): do not edit; test/sdk/route-tables.test.ts fails when it is stale.`,
    `// The ${audience} audience's routes without zod: operationId → method, path, idempotent, produces.`,
    `// Each route is its own export too, so a bundle can take one route without the whole table.`,
    `import type { Routes } from './route.js';`,
    ``,
    ...entries.map((e) => `export const ${e.operationId} = ${literal(routeOf(e))} as const;`),
    ``,
    `export const ${audience}Routes = {`,
    ...entries.map((e) => `  ${e.operationId},`),
    `} as const satisfies Routes;`,
    ``,
  ].join('\n');
}

async function main(): Promise<void> {
  for (const audience of audiences) {
    const file = path.join(routesDir, `${audience}.ts`);
    fs.writeFileSync(file, renderRouteTable(audience));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
