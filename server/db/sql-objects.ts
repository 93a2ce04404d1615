import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';

/**
 * The repeatable step: every SQL function, row-level security policy and trigger
 * is defined once, in its own file under server/db/sql/, and applied after the
 * versioned migrations whenever its file's sha256 differs from the one recorded
 * in caseflow.sql_objects (or its object is missing, say after a `migrate --down`).
 *
 * A file's path is its object's identity:
 *   functions/<name>.sql                   caseflow.<name>
 *   policies/<table>/<policy>.sql          POLICY <policy> ON <table>
 *   triggers/<table>/<trigger>.sql         TRIGGER <trigger> ON <table>
 * (<table> is schema-qualified only outside public, e.g. graphile_worker._private_jobs).
 */
export const sqlObjectsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'sql');

export type SqlObjectKind = 'function' | 'policy' | 'trigger';

export interface SqlObjectFile {
  /** The path under sql/, e.g. "functions/enter_admin.sql": the key in caseflow.sql_objects. */
  name: string;
  kind: SqlObjectKind;
  sql: string;
  sha256: string;
}

/** Functions first (policies and triggers call them), then policies, then triggers; by path within a kind. */
const kindOrder: Record<SqlObjectKind, number> = { function: 0, policy: 1, trigger: 2 };
const kindFolders: Record<string, SqlObjectKind> = { functions: 'function', policies: 'policy', triggers: 'trigger' };

export function sqlObjectKind(name: string): SqlObjectKind {
  const parts = name.split('/');
  const kind = kindFolders[parts[0]!];
  const depth = kind === 'function' ? 2 : 3;
  if (!kind || parts.length !== depth || !/^[a-z0-9_]+\.sql$/.test(parts[parts.length - 1]!))
    throw new Error(`${name}: not a functions/<name>.sql, policies/<table>/<name>.sql or triggers/<table>/<name>.sql`);
  return kind;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function listFiles(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(dir, path.posix.join(prefix, entry.name))
        : entry.name.endsWith('.sql')
          ? [path.posix.join(prefix, entry.name)]
          : [],
    );
}

/** Every file of the folder, hashed, in the order they are applied. */
export function readSqlObjects(dir = sqlObjectsDir): SqlObjectFile[] {
  return listFiles(dir)
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, kind: sqlObjectKind(name), sql, sha256: sha256(sql) };
    })
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The names whose recorded hash differs from the file, with files never applied and records of removed files. */
export function staleSqlObjects(files: SqlObjectFile[], recorded: { name: string; sha256: string }[]): string[] {
  const applied = new Map(recorded.map((r) => [r.name, r.sha256]));
  const shipped = new Set(files.map((f) => f.name));
  return [
    ...files.filter((f) => applied.get(f.name) !== f.sha256).map((f) => f.name),
    ...recorded.filter((r) => !shipped.has(r.name)).map((r) => r.name),
  ].sort();
}

interface Target {
  kind: SqlObjectKind;
  /** The function's name, or the policy's or trigger's. */
  object: string;
  /** The table of a policy or trigger, quoted and schema-qualified. */
  table?: string;
  /** The key used to find the object in the catalog. */
  key: string;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function target(name: string): Target {
  const kind = sqlObjectKind(name);
  const parts = name.replace(/\.sql$/, '').split('/');
  if (kind === 'function') return { kind, object: parts[1]!, key: parts[1]! };
  const [schema, table] = parts[1]!.includes('.') ? parts[1]!.split('.') : ['public', parts[1]!];
  return {
    kind,
    object: parts[2]!,
    table: `${ident(schema!)}.${ident(table!)}`,
    key: `${schema}.${table}/${parts[2]}`,
  };
}

/** What exists now, in the keys of `target`: catalog rows, not our records. */
async function existingObjects(trx: Knex.Transaction): Promise<Set<string>> {
  const { rows } = await trx.raw<{ rows: { key: string }[] }>(`
    SELECT p.proname AS key FROM pg_proc p WHERE p.pronamespace = 'caseflow'::regnamespace
    UNION ALL
    SELECT n.nspname || '.' || c.relname || '/' || pol.polname
      FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    UNION ALL
    SELECT n.nspname || '.' || c.relname || '/' || t.tgname
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT t.tgisinternal`);
  return new Set(rows.map((r) => r.key));
}

/** Every overload of caseflow.<name>, as DROP FUNCTION can name it. */
async function overloads(trx: Knex.Transaction, fn: string): Promise<string[]> {
  const { rows } = await trx.raw<{ rows: { signature: string }[] }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
      WHERE p.pronamespace = 'caseflow'::regnamespace AND p.proname = ?`,
    [fn],
  );
  return rows.map((r) => r.signature);
}

/**
 * Drops every overload of caseflow.<fn> with what depends on it. Only policies
 * and triggers come back (their files are applied again): a column default, a
 * generated column, an index, a constraint or a view that calls the function
 * would be lost with its data, so that change belongs in a migration.
 */
async function dropFunction(trx: Knex.Transaction, fn: string): Promise<void> {
  const { rows: kept } = await trx.raw<{ rows: { dependant: string }[] }>(
    `SELECT DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid) AS dependant
       FROM pg_depend d JOIN pg_proc p ON p.oid = d.refobjid
      WHERE d.refclassid = 'pg_proc'::regclass AND p.pronamespace = 'caseflow'::regnamespace AND p.proname = ?
        AND d.classid NOT IN ('pg_policy'::regclass, 'pg_trigger'::regclass) AND d.deptype = 'n'
      ORDER BY 1`,
    [fn],
  );
  if (kept.length > 0)
    throw new Error(
      `caseflow.${fn} cannot be dropped and created again: ${kept.map((k) => k.dependant).join(', ')} ` +
        `depend on it; change it in a migration`,
    );
  for (const signature of await overloads(trx, fn)) await trx.raw(`DROP FUNCTION ${signature} CASCADE`);
}

async function dropObject(trx: Knex.Transaction, t: Target): Promise<void> {
  if (t.kind === 'function') await dropFunction(trx, t.object);
  else await trx.raw(`DROP ${t.kind === 'policy' ? 'POLICY' : 'TRIGGER'} IF EXISTS ${ident(t.object)} ON ${t.table}`);
}

/** SQLSTATE 42P13: CREATE OR REPLACE cannot change a function's result type or its parameters' names. */
const INVALID_FUNCTION_DEFINITION = '42P13';

/**
 * Applies one file. Answers true when a function had to be dropped with CASCADE
 * (its signature or result type changed), which may have dropped dependants.
 */
async function applyFile(trx: Knex.Transaction, file: SqlObjectFile): Promise<boolean> {
  const t = target(file.name);
  if (t.kind !== 'function') {
    await dropObject(trx, t);
    await trx.raw(file.sql);
    return false;
  }
  await trx.raw('SAVEPOINT sql_object');
  try {
    await trx.raw(file.sql);
    // New argument types make CREATE OR REPLACE add an overload beside the old function.
    if ((await overloads(trx, t.object)).length <= 1) {
      await trx.raw('RELEASE SAVEPOINT sql_object');
      return false;
    }
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_FUNCTION_DEFINITION) throw error;
  }
  await trx.raw('ROLLBACK TO SAVEPOINT sql_object');
  await dropFunction(trx, t.object);
  await trx.raw(file.sql);
  return true;
}

/**
 * For a migration that needs a function while it runs (a generated column that
 * calls it): runs the named files of the folder as they are, without recording
 * them; the repeatable step applies and records them after the migrations.
 */
export async function applySqlObjectFiles(knex: Knex, names: string[], dir = sqlObjectsDir): Promise<void> {
  for (const name of names) {
    sqlObjectKind(name);
    await knex.raw(fs.readFileSync(path.join(dir, name), 'utf8'));
  }
}

export interface SqlObjectsResult {
  /** Files applied, in order. */
  applied: string[];
  /** Objects dropped because their file is gone. */
  removed: string[];
}

/**
 * Brings the database's functions, policies and triggers to the files, in one
 * transaction: a broken file leaves every object and record as it was.
 */
export async function applySqlObjects(owner: Knex, files = readSqlObjects()): Promise<SqlObjectsResult> {
  return owner.transaction(async (trx) => {
    // One runner at a time (servers starting together each run the step after the migrator's lock).
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('caseflow.sql_objects'))`);
    // Function bodies may name each other in any order; a mistake in one still fails its first call, and the tests.
    await trx.raw('SET LOCAL check_function_bodies = off');
    // Definer functions are handed to caseflow_auth, which needs CREATE on the schema to own one; only for this transaction.
    await trx.raw('GRANT CREATE ON SCHEMA caseflow TO caseflow_auth');

    const { rows: recorded } = await trx.raw<{ rows: { name: string; sha256: string }[] }>(
      'SELECT name, sha256 FROM caseflow.sql_objects ORDER BY name',
    );
    const hashes = new Map(recorded.map((r) => [r.name, r.sha256]));
    const existing = await existingObjects(trx);
    const shipped = new Set(files.map((f) => f.name));

    const removed = recorded.map((r) => r.name).filter((name) => !shipped.has(name));
    for (const name of [...removed].reverse()) await dropObject(trx, target(name));
    // Dropping a removed function takes whatever still uses it along (then applying its file fails below).
    const removedKeys = new Set(removed.map((name) => target(name).key));
    const left = await existingObjects(trx);
    let cascaded = [...existing].some((key) => !removedKeys.has(key) && !left.has(key));

    const applied: string[] = [];
    for (const file of files) {
      if (hashes.get(file.name) === file.sha256 && existing.has(target(file.name).key)) continue;
      if (await applyFile(trx, file)) cascaded = true;
      applied.push(file.name);
    }
    // A CASCADE may have dropped policies and triggers of files that did not change: apply every other file again.
    if (cascaded) {
      for (const file of files) if (!applied.includes(file.name)) await applyFile(trx, file);
      applied.splice(0, applied.length, ...files.map((f) => f.name));
    }

    if (removed.length) await trx.raw('DELETE FROM caseflow.sql_objects WHERE name = ANY(?)', [removed]);
    for (const name of applied) {
      const file = files.find((f) => f.name === name)!;
      await trx.raw(
        `INSERT INTO caseflow.sql_objects (name, sha256) VALUES (?, ?)
         ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256, applied_at = now()`,
        [file.name, file.sha256],
      );
    }
    await trx.raw('REVOKE CREATE ON SCHEMA caseflow FROM caseflow_auth');
    return { applied, removed };
  });
}
