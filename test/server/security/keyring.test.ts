import test from 'ava';
import pg from 'pg';
import { RequestDb } from '../../../server/db/request-db.js';
import { Keyring, KeyringError } from '../../../server/security/keyring.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let db: TestDatabase;
let pool: pg.Pool;
const tenants: Record<string, string> = {};
test.before(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.appUrl, max: 2 });
  for (const t of await db.owner('tenants').select('id', 'slug')) tenants[t.slug] = t.id;
});
test.after.always(async () => {
  await pool?.end();
  await db?.close();
});

/** Runs `fn` as a request role would, scoped to one firm, and commits. */
async function asTenant<T>(tenant: string, fn: (db: RequestDb) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [tenants[tenant]]);
    await client.query('SET LOCAL ROLE caseflow_staff');
    const result = await fn(new RequestDb(client));
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const master = Buffer.alloc(32, 7);

test.serial('seal and open round-trip; the firm key is made on first use and stored wrapped', async (t) => {
  const keyring = new Keyring(master);
  const sealed = await asTenant('acme', (d) => keyring.seal(d, tenants.acme!, 'email_outbox', 'a link: cfl_secret'));
  t.false(sealed.toString('latin1').includes('cfl_secret'));
  t.is(sealed.readUInt8(0), 1);
  t.is(sealed.readUInt32BE(1), 1);
  const opened = await asTenant('acme', (d) => keyring.open(d, tenants.acme!, 'email_outbox', sealed));
  t.is(opened.toString(), 'a link: cfl_secret');
  const [row] = await db.owner('tenant_keys').where({ tenant_id: tenants.acme }).select('version', 'wrapped_key');
  t.is(row.version, 1);
  t.is(row.wrapped_key.length, 12 + 16 + 32);
  // A fresh keyring (another server) with the same master key opens it too.
  const other = await asTenant('acme', (d) => new Keyring(master).open(d, tenants.acme!, 'email_outbox', sealed));
  t.is(other.toString(), 'a link: cfl_secret');
});

test.serial('a sealed value is bound to its firm, its purpose and the master key; tampering is detected', async (t) => {
  const keyring = new Keyring(master);
  const sealed = await asTenant('acme', (d) => keyring.seal(d, tenants.acme!, 'email_outbox', 'bound'));
  await t.throwsAsync(
    asTenant('acme', (d) => keyring.open(d, tenants.acme!, 'stripe_secret', sealed)),
    {
      instanceOf: KeyringError,
    },
  );
  // Bluebird's transaction cannot even read Acme's key (row-level security), let alone use it.
  await t.throwsAsync(
    asTenant('bluebird', (d) => new Keyring(master).open(d, tenants.acme!, 'email_outbox', sealed)),
    {
      instanceOf: KeyringError,
    },
  );
  const tampered = Buffer.from(sealed);
  tampered[tampered.length - 1]! ^= 1;
  await t.throwsAsync(
    asTenant('acme', (d) => keyring.open(d, tenants.acme!, 'email_outbox', tampered)),
    {
      instanceOf: KeyringError,
    },
  );
  const wrongMaster = new Keyring(Buffer.alloc(32, 8));
  await t.throwsAsync(
    asTenant('acme', (d) => wrongMaster.open(d, tenants.acme!, 'email_outbox', sealed)),
    {
      instanceOf: KeyringError,
    },
  );
});

test.serial('rotation adds a version: new seals use it, values sealed before still open', async (t) => {
  const keyring = new Keyring(master);
  const before = await asTenant('acme', (d) => keyring.seal(d, tenants.acme!, 'file_key', 'old'));
  const version = await asTenant('acme', (d) => keyring.rotate(d, tenants.acme!));
  t.is(version, before.readUInt32BE(1) + 1);
  const after = await asTenant('acme', (d) => keyring.seal(d, tenants.acme!, 'file_key', 'new'));
  t.is(after.readUInt32BE(1), version);
  t.is((await asTenant('acme', (d) => keyring.open(d, tenants.acme!, 'file_key', before))).toString(), 'old');
  t.is((await asTenant('acme', (d) => keyring.open(d, tenants.acme!, 'file_key', after))).toString(), 'new');
});

test.serial('a key made in a transaction that rolls back is not remembered', async (t) => {
  const keyring = new Keyring(master);
  await t.throwsAsync(
    asTenant('bluebird', async (d) => {
      await keyring.seal(d, tenants.bluebird!, 'email_outbox', 'lost');
      throw new Error('roll back');
    }),
  );
  t.deepEqual(await db.owner('tenant_keys').where({ tenant_id: tenants.bluebird }).select('version'), []);
  const sealed = await asTenant('bluebird', (d) => keyring.seal(d, tenants.bluebird!, 'email_outbox', 'kept'));
  t.is(
    (
      await asTenant('bluebird', (d) => new Keyring(master).open(d, tenants.bluebird!, 'email_outbox', sealed))
    ).toString(),
    'kept',
  );
});
