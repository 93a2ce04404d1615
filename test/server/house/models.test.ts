import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import { Model } from 'objection';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

const root = path.resolve(import.meta.dirname, '../../..');
/** Tables no module owns: the migrator's own. */
const notModules = new Set(['knex_migrations', 'knex_migrations_lock']);

let db: TestDatabase;
test.before(async () => {
  db = await createTestDatabase({ seed: false });
});
test.after.always(async () => db?.close());

/**
 * Every model class exported by a `models.ts` (or `models/*.ts`) under server/: a
 * module's, or for the tables of the request machinery, server/http's, server/jobs'
 * or server/security's.
 */
async function declaredModels(): Promise<{ table: string; file: string }[]> {
  const files = fs
    .readdirSync(path.join(root, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)models(\.ts|\/[\w-]+\.ts)$/.test(f))
    .map((f) => path.join('server', f));
  const models: { table: string; file: string }[] = [];
  for (const file of files) {
    const exports = (await import(pathToFileURL(path.join(root, file)).href)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (typeof value === 'function' && value.prototype instanceof Model && (value as typeof Model).tableName) {
        models.push({ table: (value as typeof Model).tableName, file });
      }
    }
  }
  return models;
}

test('every table has one model, beside the code that owns it', async (t) => {
  const tables = (
    await db.owner.raw<{ rows: { tablename: string }[] }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    )
  ).rows
    .map((r) => r.tablename)
    .filter((name) => !notModules.has(name));
  const models = await declaredModels();
  const byTable = new Map<string, string[]>();
  for (const m of models) byTable.set(m.table, [...(byTable.get(m.table) ?? []), m.file]);
  t.deepEqual(
    tables.filter((table) => !byTable.has(table)),
    [],
    'tables without a model',
  );
  t.deepEqual(
    [...byTable].filter(([, files]) => files.length > 1).map(([table, files]) => `${table}: ${files.join(', ')}`),
    [],
    'tables with more than one model',
  );
  t.deepEqual(
    [...byTable.keys()].filter((table) => !tables.includes(table)),
    [],
    'models of tables that do not exist',
  );
});
