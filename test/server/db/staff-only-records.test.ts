/**
 * Leads, matter parties and conflict checks are staff-only: the portal role has
 * no grant on their tables at all, so even with a client's settings in place a
 * portal query is refused outright (not merely filtered to no rows).
 */
import test from 'ava';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let db: TestDatabase;
let ids: { acme: string; northwind: string };

test.before(async () => {
  db = await createTestDatabase();
  const tenant = await db.owner('tenants').where({ slug: 'acme' }).first();
  const northwind = await db.owner('clients').where({ tenant_id: tenant.id, number: 1001 }).first();
  ids = { acme: tenant.id, northwind: northwind.id };
});
test.after.always(async () => db?.close());

const tables = ['leads', 'matter_parties', 'conflict_checks', 'conflict_check_matches'];

/** Runs one statement as the portal role of Northwind (a client of Acme), in a rolled-back transaction. */
async function asPortal(sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('caseflow.tenant_id', $1, true), set_config('caseflow.client_id', $2, true)`,
      [ids.acme, ids.northwind],
    );
    await client.query('SET LOCAL ROLE caseflow_portal');
    await client.query(sql);
    return 'allowed';
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

test('the demo firm has rows in every staff-only table (the refusals below are not about empty tables)', async (t) => {
  for (const table of tables) {
    const { n } = (await db.owner(table).where({ tenant_id: ids.acme }).count({ n: '*' }).first()) as { n: string };
    t.true(Number(n) > 0, table);
  }
});

for (const table of tables) {
  test(`caseflow_portal: SELECT on ${table} is "permission denied"`, async (t) => {
    t.is(await asPortal(`SELECT * FROM ${table}`), `permission denied for table ${table}`);
  });
  test(`caseflow_portal: INSERT, UPDATE and DELETE on ${table} are "permission denied"`, async (t) => {
    t.is(
      await asPortal(`INSERT INTO ${table} (tenant_id) VALUES ('${ids.acme}')`),
      `permission denied for table ${table}`,
    );
    t.is(await asPortal(`UPDATE ${table} SET tenant_id = tenant_id`), `permission denied for table ${table}`);
    t.is(await asPortal(`DELETE FROM ${table}`), `permission denied for table ${table}`);
  });
}

test('caseflow_portal: the new contact key columns are not granted to the portal either', async (t) => {
  t.is(await asPortal(`SELECT name_key FROM contacts`), 'permission denied for table contacts');
  t.is(await asPortal(`SELECT email_key FROM contacts`), 'permission denied for table contacts');
  t.is(await asPortal(`SELECT id, first_name FROM contacts`), 'allowed');
});

test('no role but the staff role (and the owner) holds any privilege on the staff-only tables', async (t) => {
  const { rows } = await db.owner.raw(
    `SELECT DISTINCT table_name, grantee FROM information_schema.role_table_grants
      WHERE table_name = ANY(?) AND grantee LIKE 'caseflow%' ORDER BY table_name, grantee`,
    [tables],
  );
  t.deepEqual(
    rows,
    [...tables].sort().map((table) => ({ table_name: table, grantee: 'caseflow_staff' })),
  );
});
