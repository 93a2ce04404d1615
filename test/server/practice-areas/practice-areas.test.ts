/**
 * Practice areas through the SDK against a real server: admins change them, staff list them,
 * names are unique per firm, and the audit trail each change leaves.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { PermissionError, ConflictError } from '../../../sdk/errors.js';
import { auditTrail } from '../../helpers/audit.js';
import { loginDemoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;

test.before(async () => {
  s = await startTestServer();
  ({ ada, sam, bea } = await loginDemoStaff(s));
});
test.after.always(async () => s?.close());

const audits = (subjectId: string) => auditTrail(s, subjectId);

test('practice areas — admins create, rename and archive; names are unique per firm whatever their case; staff only list', async (t) => {
  const area = await ada.practiceAreas.create({ name: 'Maritime law' });
  t.like(area, { name: 'Maritime law', archived: false, archived_at: null });
  const taken = await t.throwsAsync(ada.practiceAreas.create({ name: 'MARITIME LAW' }));
  t.true(taken instanceof ConflictError);
  t.is((taken as ConflictError).code, 'practice_area_name_taken');
  t.is(taken!.message, 'This firm already has a practice area named "MARITIME LAW".');
  // Another firm may use the same name.
  t.like(await bea.practiceAreas.create({ name: 'Maritime law' }), { name: 'Maritime law' });

  const denied = await t.throwsAsync(sam.practiceAreas.create({ name: 'Sam’s area' }));
  t.true(denied instanceof PermissionError);
  t.true((await t.throwsAsync(sam.practiceAreas.update(area.id, { archived: true }))) instanceof PermissionError);

  const renamed = await ada.practiceAreas.update(area.id, { name: 'Admiralty' });
  t.like(renamed, { name: 'Admiralty', archived: false });
  const archived = await ada.practiceAreas.update(area.id, { archived: true });
  t.true(archived.archived);
  t.truthy(archived.archived_at);
  const visible = (await sam.practiceAreas.list({ limit: 100 })).data.map((a) => a.name);
  t.false(visible.includes('Admiralty'));
  const everything = (await sam.practiceAreas.list({ limit: 100, include_archived: true })).data;
  t.like(
    everything.find((a) => a.id === area.id),
    { name: 'Admiralty', archived: true },
  );
  const restored = await ada.practiceAreas.update(area.id, { archived: false });
  t.like(restored, { archived: false, archived_at: null });
  t.deepEqual(
    (await audits(area.id)).map((a) => [a.action, a.data]),
    [
      ['practice_area.created', { name: 'Maritime law' }],
      ['practice_area.updated', { name: { from: 'Maritime law', to: 'Admiralty' } }],
      ['practice_area.archived', { archived: { from: false, to: true } }],
      ['practice_area.unarchived', { archived: { from: true, to: false } }],
    ],
  );
});

test('practice areas — the list is by name, case-insensitively, and pages with the cursor', async (t) => {
  for (const name of ['zoning', 'Appeals', 'estates']) await bea.practiceAreas.create({ name });
  // Other tests add Bluebird areas too: the walk must still be in order, complete, without repeats.
  const names = (await bea.practiceAreas.list({ limit: 2 }).toArray()).map((a) => a.name);
  const expected = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  t.is(new Set(names).size, names.length);
  t.deepEqual(
    names.filter((n) => ['zoning', 'Appeals', 'estates'].includes(n)),
    ['Appeals', 'estates', 'zoning'],
  );
  t.deepEqual(names, expected);
});
