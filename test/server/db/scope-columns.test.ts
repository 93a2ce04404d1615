import test from 'ava';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { adminScopeColumns, portalScopeColumns, tenantScopeColumns } from '../../../server/db/request-transaction.js';

let db: TestDatabase;
test.before(async () => {
  db = await createTestDatabase({ seed: false });
});
test.after.always(async () => db?.close());

/** A function's RETURNS TABLE columns, in order, with their SQL types. */
async function resultColumns(fn: string): Promise<[string, string][]> {
  const { rows } = await db.owner.raw<{ rows: { name: string; type: string }[] }>(
    `SELECT a.name, format_type(a.type, NULL) AS type
       FROM pg_proc p, unnest(p.proargnames, p.proallargtypes, p.proargmodes) WITH ORDINALITY AS a(name, type, mode, n)
      WHERE p.pronamespace = 'caseflow'::regnamespace AND p.proname = ? AND a.mode = 't'
      ORDER BY a.n`,
    [fn],
  );
  return rows.map((r) => [r.name, r.type]);
}

test('TenantScope has exactly the result columns of caseflow.enter_tenant', async (t) => {
  t.deepEqual(await resultColumns('enter_tenant'), Object.entries(tenantScopeColumns));
});

test('PortalScope has exactly the result columns of caseflow.enter_portal_session', async (t) => {
  t.deepEqual(await resultColumns('enter_portal_session'), Object.entries(portalScopeColumns));
});

test('AdminScope has exactly the result columns of caseflow.enter_admin', async (t) => {
  t.deepEqual(await resultColumns('enter_admin'), Object.entries(adminScopeColumns));
});
