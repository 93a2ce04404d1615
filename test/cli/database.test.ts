import test from 'ava';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { latestKnownMigration, migrateDown, migrateLatest, migrationStatus } from '../../server/db/migrations.js';

let db: TestDatabase;
test.before(async () => {
  db = await createTestDatabase({ seed: false });
});
test.after.always(async () => db?.close());

const env = () => isolatedEnv({ DATABASE_URL: db.ownerUrl });

test.serial('caseflow migrate --status --json lists every migration as applied', async (t) => {
  const result = await runCli(['migrate', '--status', '--json'], env());
  t.is(result.code, 0, result.stderr);
  const status = JSON.parse(result.stdout);
  t.deepEqual(status.pending, []);
  t.is(status.applied.length, 71);
  t.is(status.applied[0], '20261128000100_create_roles.ts');
});

test.serial('caseflow demo seeds once and is idempotent', async (t) => {
  const first = await runCli(['demo', '--json'], env());
  t.is(first.code, 0, first.stderr);
  t.deepEqual(JSON.parse(first.stdout), { created: ['acme', 'bluebird', 'meridian'] });
  const second = await runCli(['demo', '--json'], env());
  t.deepEqual(JSON.parse(second.stdout), { created: [] });
  const counts = await db.owner('invoices').count('* as n').first();
  t.is(Number(counts!.n), 17);
});

test.serial('caseflow migrate --down reverts the last migration, and migrate re-applies it', async (t) => {
  const last = await latestKnownMigration();
  t.is(last, '20261202100100_normalize_email_addresses.ts');
  const down = await runCli(['migrate', '--down', '--json'], env());
  t.deepEqual(JSON.parse(down.stdout), { reverted: [last] });
  const up = await runCli(['migrate', '--json'], env());
  t.deepEqual(JSON.parse(up.stdout), { applied: [last] });
});

test.serial('every migration reverts, down to an empty schema, and re-applies', async (t) => {
  await db.owner.raw('TRUNCATE tenants CASCADE');
  let reverted = 0;
  while ((await migrationStatus(db.owner)).applied.length > 0) {
    const names = await migrateDown(db.owner);
    t.is(names.length, 1);
    reverted += 1;
  }
  t.is(reverted, 71);
  t.is((await migrateLatest(db.owner)).length, 71);
});

test('a bad setting exits 2 with one line naming it', async (t) => {
  const result = await runCli(['migrate'], { ...env(), PORT: 'nope' });
  t.is(result.code, 2);
  t.is(result.stderr, 'caseflow: Invalid setting PORT: Invalid input: expected number, received NaN\n');
});
