import Router from '@koa/router';
import pino from 'pino';
import { endpoints } from '../../sdk/schemas/endpoints.js';
import { loadConfig } from '../config.js';
import type { AppExtensions, AppState, Deps } from '../http/context.js';
import type { ApiModule } from '../modules/index.js';

/** One row of the route table: where a URL is served, found in one step. */
export interface RouteRow {
  method: string;
  /** The full path, with the /api/v1 prefix, as a client sends it. */
  path: string;
  operationId: string;
  audience: 'portal' | 'admin' | 'platform' | 'public';
  /** Repo-relative routes file of the module that mounts it. */
  module: string;
}

/**
 * Stand-ins for what route modules receive: anything a module touches at mount
 * time beyond the settings (a query, a lookup) throws, so building the table
 * never connects anywhere, and a module that would is named.
 */
function inertDeps(): Deps {
  const refuse = (name: string) =>
    new Proxy(
      {},
      {
        get(_target, property) {
          throw new Error(`the route table mounts modules without I/O: deps.${name}.${String(property)} was used`);
        },
      },
    );
  return {
    config: loadConfig({ NODE_ENV: 'test' }),
    logger: pino({ level: 'silent' }),
    pool: refuse('pool') as Deps['pool'],
    loginThrottle: refuse('loginThrottle') as Deps['loginThrottle'],
    rateLimits: refuse('rateLimits') as Deps['rateLimits'],
    keyring: refuse('keyring') as Deps['keyring'],
    tenants: refuse('tenants') as Deps['tenants'],
  };
}

const contract = endpoints as Record<string, { audience: RouteRow['audience'] }>;

/** Mounts every module on a router of its own (prefix as in server/app.ts) and reads back its routes. */
export function collectRoutes(modules: readonly Pick<ApiModule, 'file' | 'routes'>[], prefix = '/api/v1'): RouteRow[] {
  const deps = inertDeps();
  const rows: RouteRow[] = [];
  for (const module of modules) {
    const router = new Router<AppState, AppExtensions>({ prefix });
    module.routes(router, deps, { validateResponses: false });
    for (const layer of router.stack) {
      const operationId = layer.name;
      if (!operationId) throw new Error(`${module.file} mounts ${layer.path} without an operationId`);
      const entry = contract[operationId];
      if (!entry) throw new Error(`${module.file} mounts ${operationId}, which is not in the contract`);
      // @koa/router adds HEAD to every GET: the contract names GET.
      const methods = layer.methods.filter((m) => m !== 'HEAD' || layer.methods.length === 1);
      for (const method of methods) {
        rows.push({ method, path: String(layer.path), operationId, audience: entry.audience, module: module.file });
      }
    }
  }
  // Plain code-unit order, the same on every machine (localeCompare is not).
  return rows.sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : methodOrder(a.method) - methodOrder(b.method),
  );
}

const order = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const methodOrder = (method: string) => (order.includes(method) ? order.indexOf(method) : order.length);
