/**
 * The records clients must never see, at the database: the portal role has no
 * grant on any of the new tables, and its column grant on staff_users stays the
 * names only (not email, phone or hourly rate). The demo firm has rows in each
 * table (checked first), so the refusals below are not vacuous.
 */
import test from 'ava';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let db: TestDatabase;
let ids: { acme: string; northwind: string };

const newTables = ['internal_notes', 'matter_threads', 'matter_thread_messages', 'practice_areas'];

test.before(async () => {
  db = await createTestDatabase();
  const tenant = await db.owner('tenants').where({ slug: 'acme' }).first();
  const northwind = await db.owner('clients').where({ tenant_id: tenant.id, number: 1001 }).first();
  ids = { acme: tenant.id, northwind: northwind.id };
});
test.after.always(async () => db?.close());

/** Runs `fn` as the app login with the portal settings of Northwind and `role`, in a transaction rolled back after. */
async function as(role: 'caseflow_portal' | 'caseflow_staff', fn: (client: pg.Client) => Promise<void>) {
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('caseflow.tenant_id', $1, true), set_config('caseflow.client_id', $2, true)`,
      [ids.acme, ids.northwind],
    );
    await client.query(`SET LOCAL ROLE ${role}`);
    await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

test('the demo firm has internal notes, threads, messages, practice areas and staff rates (the proofs below are not vacuous)', async (t) => {
  for (const table of newTables) {
    const rows = await db.owner(table).where({ tenant_id: ids.acme });
    t.true(rows.length > 0, table);
  }
  const rated = await db.owner('staff_users').where({ tenant_id: ids.acme }).whereNotNull('hourly_rate');
  t.true(rated.length > 0);
  // The staff role reads them under the same settings.
  await as('caseflow_staff', async (client) => {
    for (const table of newTables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      t.true(rows[0].n > 0, table);
    }
  });
});

for (const table of newTables) {
  test(`caseflow_portal gets permission denied reading or writing ${table}`, async (t) => {
    for (const sql of [
      `SELECT * FROM ${table}`,
      `SELECT count(*) FROM ${table}`,
      `INSERT INTO ${table} (tenant_id) VALUES ('${ids.acme}')`,
      `UPDATE ${table} SET tenant_id = tenant_id`,
      `DELETE FROM ${table}`,
    ]) {
      await as('caseflow_portal', async (client) => {
        const error = await t.throwsAsync(client.query(sql));
        t.regex(error!.message, new RegExp(`permission denied for table ${table}`), sql);
      });
    }
  });
}

test('caseflow_portal gets permission denied reading staff email, phone or hourly rate, and reads the names', async (t) => {
  for (const column of ['email', 'phone', 'hourly_rate']) {
    await as('caseflow_portal', async (client) => {
      const error = await t.throwsAsync(client.query(`SELECT ${column} FROM staff_users`));
      t.regex(error!.message, /permission denied for table staff_users/, column);
    });
  }
  await as('caseflow_portal', async (client) => {
    const { rows } = await client.query('SELECT first_name, last_name FROM staff_users ORDER BY first_name');
    t.deepEqual(rows, [
      { first_name: 'Ada', last_name: 'Admin' },
      { first_name: 'Sam', last_name: 'Staff' },
    ]);
  });
});
