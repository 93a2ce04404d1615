import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { startTestServer } from '../../helpers/server.js';
import { migrationsDir } from '../../../server/db/migrations.js';
import {
  applySqlObjects,
  readSqlObjects,
  sha256,
  sqlObjectsDir,
  type SqlObjectFile,
} from '../../../server/db/sql-objects.js';

const shipped = readSqlObjects();

const file = (name: string, sql: string): SqlObjectFile => {
  const kind = name.startsWith('functions/') ? 'function' : name.startsWith('policies/') ? 'policy' : 'trigger';
  return { name, kind, sql, sha256: sha256(sql) };
};
/** The shipped files with `changes` put in place of (or beside) theirs, in the step's order. */
const withFiles = (...changes: SqlObjectFile[]): SqlObjectFile[] => {
  const names = new Set(changes.map((c) => c.name));
  const all = [...shipped.filter((f) => !names.has(f.name)), ...changes];
  const order = { function: 0, policy: 1, trigger: 2 };
  return all.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
};

async function recorded(db: TestDatabase): Promise<Record<string, string>> {
  const rows: { name: string; sha256: string }[] = await db.owner('caseflow.sql_objects').select('name', 'sha256');
  return Object.fromEntries(rows.map((r) => [r.name, r.sha256]));
}
async function policyCount(db: TestDatabase): Promise<number> {
  const { rows } = await db.owner.raw(`SELECT count(*)::int AS n FROM pg_policy`);
  return rows[0].n;
}
async function resultType(db: TestDatabase, fn: string): Promise<string[]> {
  const { rows } = await db.owner.raw(
    `SELECT format_type(prorettype, NULL) AS type FROM pg_proc
      WHERE pronamespace = 'caseflow'::regnamespace AND proname = ?`,
    [fn],
  );
  return rows.map((r: { type: string }) => r.type);
}

// A probe function and a policy that calls it, on a table of the schema.
const probe = (type: string, value: string) =>
  file(
    'functions/test_probe.sql',
    `CREATE OR REPLACE FUNCTION caseflow.test_probe() RETURNS ${type} LANGUAGE sql IMMUTABLE AS $$ SELECT ${value} $$;`,
  );
const probePolicy = file(
  'policies/leads/leads_probe.sql',
  `CREATE POLICY leads_probe ON leads FOR SELECT TO caseflow_staff USING (caseflow.test_probe() = 1);`,
);

test('every file of server/db/sql is applied after the migrations and recorded with its sha256', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  t.deepEqual(await recorded(db), Object.fromEntries(shipped.map((f) => [f.name, f.sha256])));
  t.is(
    shipped.length,
    fs.readdirSync(sqlObjectsDir, { recursive: true }).filter((f) => String(f).endsWith('.sql')).length,
  );
  // Applied already: a second run applies nothing.
  t.deepEqual(await applySqlObjects(db.owner), { applied: [], removed: [] });
});

test('the files are applied functions first, then policies, then triggers, each kind by path', (t) => {
  const kinds = shipped.map((f) => f.kind);
  t.deepEqual(
    kinds,
    [...kinds].sort(
      (a, b) => ['function', 'policy', 'trigger'].indexOf(a) - ['function', 'policy', 'trigger'].indexOf(b),
    ),
  );
  t.is(shipped[0]!.name, 'functions/current_client.sql');
  t.is(shipped.at(-1)!.name, 'triggers/staff_users/staff_users_revoke_credentials.sql');
});

test('a changed file is applied again, and only that file', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  const original = shipped.find((f) => f.name === 'functions/normalize_email.sql')!;
  const changed = file(original.name, original.sql.replace('lower(', 'upper('));
  t.not(changed.sql, original.sql);
  t.deepEqual(await applySqlObjects(db.owner, withFiles(changed)), { applied: [changed.name], removed: [] });
  const { rows } = await db.owner.raw(`SELECT caseflow.normalize_email('Nora@Example.com') AS email`);
  t.is(rows[0].email, 'NORA@EXAMPLE.COM');
  t.is((await recorded(db))[changed.name], changed.sha256);
  // Back to the shipped file.
  t.deepEqual(await applySqlObjects(db.owner), { applied: [original.name], removed: [] });
});

test('a missing object is created again although its hash is recorded', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  await db.owner.raw('DROP POLICY invoices_portal ON invoices');
  t.deepEqual(await applySqlObjects(db.owner), {
    applied: ['policies/invoices/invoices_portal.sql'],
    removed: [],
  });
  const { rows } = await db.owner.raw(
    `SELECT cmd, roles::text[] FROM pg_policies WHERE policyname = 'invoices_portal'`,
  );
  t.deepEqual(rows, [{ cmd: 'SELECT', roles: ['caseflow_portal'] }]);
});

test('a new result type drops the function with its dependants and creates them all again, in one transaction', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  await applySqlObjects(db.owner, withFiles(probe('int', '1'), probePolicy));
  const before = await policyCount(db);
  const result = await applySqlObjects(db.owner, withFiles(probe('bigint', '1'), probePolicy));
  // The DROP … CASCADE took leads_probe with it: every file was applied again.
  t.is(result.applied.length, shipped.length + 2);
  t.deepEqual(await resultType(db, 'test_probe'), ['bigint']);
  t.is(await policyCount(db), before);
  const { rows } = await db.owner.raw(`SELECT qual FROM pg_policies WHERE policyname = 'leads_probe'`);
  t.deepEqual(rows, [{ qual: '(caseflow.test_probe() = 1)' }]);
});

test('new parameters replace the old function instead of adding an overload, and its dependants come back', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  const before = await policyCount(db);
  const original = shipped.find((f) => f.name === 'functions/current_tenant.sql')!;
  const changed = file(
    original.name,
    // A function as replacement: '$$' would be a pattern of String.replace.
    original.sql.replace(
      'caseflow.current_tenant()',
      () => "caseflow.current_tenant(p_setting text DEFAULT 'caseflow.tenant_id')",
    ),
  );
  t.not(changed.sql, original.sql);
  const result = await applySqlObjects(db.owner, withFiles(changed));
  t.is(result.applied.length, shipped.length);
  const { rows } = await db.owner.raw(
    `SELECT oid::regprocedure::text AS signature FROM pg_proc WHERE proname = 'current_tenant'`,
  );
  t.deepEqual(rows, [{ signature: 'caseflow.current_tenant(text)' }]);
  // The policies calling caseflow.current_tenant() were dropped by the CASCADE and created again.
  t.is(await policyCount(db), before);
});

test('a function that generated columns call is never dropped: a new signature is refused, naming them', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  const original = shipped.find((f) => f.name === 'functions/normalize_email.sql')!;
  const changed = file(original.name, original.sql.replace(/RETURNS text/, 'RETURNS varchar'));
  await t.throwsAsync(applySqlObjects(db.owner, withFiles(changed)), {
    message:
      'caseflow.normalize_email cannot be dropped and created again: default value for column email_key of table ' +
      'contacts, default value for column email_key of table leads, default value for column email_key of table ' +
      'matter_parties depend on it; change it in a migration',
  });
  t.deepEqual(await resultType(db, 'normalize_email'), ['text']);
});

test('a broken file leaves every object and every recorded hash as they were', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  await applySqlObjects(db.owner, withFiles(probe('int', '1'), probePolicy));
  const hashes = await recorded(db);
  const policies = await policyCount(db);
  const broken = file('policies/leads/leads_probe.sql', 'CREATE POLICY leads_probe ON leads USING (no_such_column);');
  await t.throwsAsync(applySqlObjects(db.owner, withFiles(probe('bigint', '1'), broken)), {
    message: /no_such_column/,
  });
  t.deepEqual(await resultType(db, 'test_probe'), ['integer']);
  t.is(await policyCount(db), policies);
  t.deepEqual(await recorded(db), hashes);
});

test('a file removed from the folder drops its object and its record', async (t) => {
  const db = await createTestDatabase({ seed: false });
  t.teardown(() => db.close());
  await applySqlObjects(db.owner, withFiles(probe('int', '1'), probePolicy));
  const without = withFiles(probe('int', '1'));
  t.deepEqual(await applySqlObjects(db.owner, without), { applied: [], removed: [probePolicy.name] });
  const { rows } = await db.owner.raw(`SELECT count(*)::int AS n FROM pg_policies WHERE policyname = 'leads_probe'`);
  t.is(rows[0].n, 0);
  t.false(probePolicy.name in (await recorded(db)));
  t.deepEqual(await applySqlObjects(db.owner), { applied: [], removed: ['functions/test_probe.sql'] });
  t.deepEqual(await resultType(db, 'test_probe'), []);
});

test('a file named outside functions/, policies/<table>/ and triggers/<table>/ is refused', (t) => {
  const dir = fs.mkdtempSync(path.join(sqlObjectsDir, '..', '.sql-objects-test-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, 'views'));
  fs.writeFileSync(path.join(dir, 'views', 'x.sql'), 'SELECT 1;');
  t.throws(() => readSqlObjects(dir), {
    message: 'views/x.sql: not a functions/<name>.sql, policies/<table>/<name>.sql or triggers/<table>/<name>.sql',
  });
});

test('GET /readyz answers 503 sql_objects_stale, naming the files, when an applied hash differs from the file', async (t) => {
  const s = await startTestServer({ seed: false });
  t.teardown(() => s.close());
  t.is((await fetch(`${s.baseUrl}/readyz`)).status, 200);
  await s.db
    .owner('caseflow.sql_objects')
    .where({ name: 'functions/enter_admin.sql' })
    .update({ sha256: '0'.repeat(64) });
  await s.db.owner('caseflow.sql_objects').where({ name: 'triggers/api_keys/api_keys_revoke_previews.sql' }).delete();
  const ready = await fetch(`${s.baseUrl}/readyz`);
  const body = await ready.json();
  t.is(ready.status, 503);
  t.is(body.status, 'sql_objects_stale');
  t.deepEqual(body.stale_sql_objects, ['functions/enter_admin.sql', 'triggers/api_keys/api_keys_revoke_previews.sql']);
  // The step (what `caseflow migrate` runs) brings it back.
  t.deepEqual((await applySqlObjects(s.db.owner)).applied, [
    'functions/enter_admin.sql',
    'triggers/api_keys/api_keys_revoke_previews.sql',
  ]);
  t.is((await fetch(`${s.baseUrl}/readyz`)).status, 200);
});

test('no migration defines a function, a policy or a trigger: each has its one file in server/db/sql', (t) => {
  const definition =
    /\b(CREATE\s+(OR\s+REPLACE\s+)?(FUNCTION|POLICY|(CONSTRAINT\s+)?TRIGGER)|ALTER\s+(POLICY|FUNCTION))\b/i;
  const files = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.ts'));
  t.true(files.includes('20261201600000_create_sql_objects.ts'));
  t.deepEqual(
    files.filter((f) => definition.test(fs.readFileSync(path.join(migrationsDir, f), 'utf8'))),
    [],
  );
});

test('every migration starts with a header comment saying why', (t) => {
  const files = fs.readdirSync(migrationsDir).filter((f) => f.endsWith('.ts'));
  t.deepEqual(
    files.filter((f) => !/^\/\*\*\n( \*( .+)?\n)+ \*\/\n/.test(fs.readFileSync(path.join(migrationsDir, f), 'utf8'))),
    [],
  );
});
