import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

// The admin lists read through their models with keyset pagination (server/http/pagination.ts keyset()).

let s: TestServer;
let ada: AdminClient;
let bea: AdminClient;

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  bea = await s.staffLogin(demoStaff.bea);
  for (const name of ['first', 'second', 'third', 'fourth', 'fifth']) await ada.apiKeys.create({ name, role: 'staff' });
});
test.after.always(async () => s?.close());

/** The firm's key ids as the database orders them: newest first, ties by id. */
async function keyIdsOf(slug: string): Promise<string[]> {
  const rows = await s.db
    .owner('api_keys')
    .join('tenants', 'tenants.id', 'api_keys.tenant_id')
    .where('tenants.slug', slug)
    .orderBy([
      { column: 'api_keys.created_at', order: 'desc' },
      { column: 'api_keys.id', order: 'desc' },
    ])
    .select<{ id: string }[]>('api_keys.id');
  return rows.map((r) => r.id);
}

test('the API key list pages newest first: each page ends with the cursor of its last key, and every key comes once', async (t) => {
  const expected = await keyIdsOf('acme');
  t.true(expected.length >= 5);
  const first = await ada.apiKeys.list({ limit: 2 });
  t.deepEqual(
    first.data.map((k) => k.id),
    expected.slice(0, 2),
  );
  t.true(first.has_more);
  t.is(first.next_cursor, expected[1]!);
  const walked = await ada.apiKeys.list({ limit: 2 }).toArray();
  t.deepEqual(
    walked.map((k) => k.id),
    expected,
  );
  t.deepEqual(
    walked.slice(0, 5).map((k) => k.name),
    ['fifth', 'fourth', 'third', 'second', 'first'],
  );
});

test("a cursor from another firm's key ends the list: the cursor row is read through the same policies", async (t) => {
  const bluebirdKey = await bea.apiKeys.create({ name: 'bluebird sync', role: 'staff' });
  const page = await ada.apiKeys.list({ limit: 2, starting_after: bluebirdKey.id });
  t.deepEqual(page, { data: [], has_more: false, next_cursor: null });
});
