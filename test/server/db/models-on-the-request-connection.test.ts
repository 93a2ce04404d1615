import test from 'ava';
import pg from 'pg';
import { inScope } from '../../../server/db/request-transaction.js';
import { ClientModel } from '../../../server/modules/clients/models.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let db: TestDatabase;
let pool: pg.Pool;
const tenants: Record<string, string> = {};
test.before(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.appUrl, max: 1 });
  for (const t of await db.owner('tenants').select('id', 'slug')) tenants[t.slug] = t.id;
});
test.after.always(async () => {
  await pool?.end();
  await db?.close();
});

/** A staff transaction of one firm, as the admin guard opens it. */
const asStaffOf = <T>(slug: string, fn: Parameters<typeof inScope<undefined, T>>[2]) =>
  inScope<undefined, T>(
    pool,
    `SELECT set_config('caseflow.tenant_id', '${tenants[slug]}', true); SET LOCAL ROLE caseflow_staff;`,
    fn,
  );

test.serial('a model runs in the request transaction: its role, its firm, its connection', async (t) => {
  const seen = await asStaffOf('acme', async (db) => {
    const clients = await ClientModel.query(db.knex).select('tenant_id', 'number').orderBy('number');
    const [who] = (await db.knex.raw(`SELECT current_user AS role, txid_current_if_assigned() AS txid`)).rows;
    const [pid] = await db.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
    const [knexPid] = (await db.knex.raw(`SELECT pg_backend_pid() AS pid`)).rows;
    return { clients, role: who.role, samePid: pid!.pid === knexPid.pid };
  });
  t.is(seen.role, 'caseflow_staff');
  t.true(seen.samePid);
  t.deepEqual(
    seen.clients.map((c) => c.tenant_id),
    seen.clients.map(() => tenants.acme),
  );
  const acmeClients = await db.owner('clients').where({ tenant_id: tenants.acme }).count<{ count: string }[]>();
  t.is(seen.clients.length, Number(acmeClients[0]!.count));
});

test.serial('a model write commits and rolls back with the request transaction', async (t) => {
  const rename = (name: string, fail: boolean) =>
    asStaffOf('acme', async (db) => {
      await ClientModel.query(db.knex).patch({ name }).where({ number: 1001 });
      if (fail) throw new Error('the handler failed');
    });
  const before = await db.owner('clients').where({ tenant_id: tenants.acme, number: 1001 }).first();
  await t.throwsAsync(rename('Rolled back Ltd', true), { message: 'the handler failed' });
  t.is((await db.owner('clients').where({ id: before.id }).first()).name, before.name);
  await rename('Committed Ltd', false);
  t.is((await db.owner('clients').where({ id: before.id }).first()).name, 'Committed Ltd');
  await db.owner('clients').where({ id: before.id }).update({ name: before.name });
});

test.serial('a nested knex transaction is a savepoint, never a COMMIT of the request', async (t) => {
  const before = await db.owner('clients').where({ tenant_id: tenants.acme, number: 1001 }).first();
  await t.throwsAsync(
    asStaffOf('acme', async (db) => {
      await db.knex
        .transaction(async (trx) => {
          await ClientModel.query(trx).patch({ name: 'Inner Ltd' }).where({ number: 1001 });
          throw new Error('inner failed');
        })
        .catch(() => undefined);
      const [inner] = await db.query<{ name: string }>(`SELECT name FROM clients WHERE number = 1001`);
      t.is(inner!.name, before.name);
      await db.knex.transaction(async (trx) => {
        await ClientModel.query(trx).patch({ name: 'Savepoint Ltd' }).where({ number: 1001 });
      });
      throw new Error('the request failed after the savepoint');
    }),
    { message: 'the request failed after the savepoint' },
  );
  t.is((await db.owner('clients').where({ id: before.id }).first()).name, before.name);
});

test.serial('a model query outside any transaction cannot run', async (t) => {
  await t.throwsAsync(ClientModel.query().select('id'));
});
