/**
 * /admin/matters/:id/parties through the SDK against a real server: the people
 * and organisations involved in a matter, staff-only, audited.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { MatterParty } from '../../../sdk/schemas/matter-parties.js';
import { loginDemoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;
let clientId: string;

test.before(async () => {
  s = await startTestServer();
  ({ ada, sam, bea } = await loginDemoStaff(s));
  clientId = (await ada.clients.list({ number: 1001 })).data[0]!.id;
});
test.after.always(async () => s?.close());

let seq = 0;
const newMatter = () => ada.matters.create({ client_id: clientId, title: `Parties ${++seq}` });
const masked = (p: MatterParty) => ({ ...p, id: '<id>', created_at: '<time>' });

test('POST /admin/matters/:id/parties — a staff user adds parties; the list shows them newest first', async (t) => {
  const matter = await newMatter();
  const opposing = await sam.matterParties.add(matter.id, { name: ' Initrode Ltd ', role: 'opposing_party' });
  const counsel = await sam.matterParties.add(matter.id, {
    name: 'Bob Porter',
    email: 'Bob@Porter-Law.example',
    role: 'opposing_counsel',
  });
  t.deepEqual(masked(opposing), {
    id: '<id>',
    matter_id: matter.id,
    name: 'Initrode Ltd',
    email: null,
    role: 'opposing_party',
    created_at: '<time>',
  });
  t.deepEqual(masked(counsel), {
    id: '<id>',
    matter_id: matter.id,
    name: 'Bob Porter',
    email: 'Bob@Porter-Law.example',
    role: 'opposing_counsel',
    created_at: '<time>',
  });
  const list = await ada.matterParties.list(matter.id);
  t.deepEqual(list, { data: [counsel, opposing], has_more: false, next_cursor: null });
  const samId = (await sam.me()).principal.id;
  const [event] = (await ada.auditEvents.list({ subject_id: counsel.id })).data;
  t.like(event, { action: 'matter_party.added', actor: { type: 'staff', id: samId } });
  t.deepEqual(event!.data, {
    matter_id: matter.id,
    matter_number: matter.number,
    name: 'Bob Porter',
    role: 'opposing_counsel',
  });
});

test('GET /admin/matters/:id/parties — keyset pages walk every party once', async (t) => {
  const matter = await newMatter();
  const added: string[] = [];
  for (const role of ['client', 'witness', 'related_party', 'other'] as const) {
    added.push((await ada.matterParties.add(matter.id, { name: `P ${role}`, role })).id);
  }
  const first = await ada.matterParties.list(matter.id, { limit: 3 });
  t.is(first.data.length, 3);
  t.true(first.has_more);
  const all = await ada.matterParties.list(matter.id, { limit: 3 }).toArray();
  t.deepEqual(
    all.map((p) => p.id),
    added.reverse(),
  );
});

test('POST /admin/matters/:id/parties — bad input is a 400 naming the field; nothing is written', async (t) => {
  const matter = await newMatter();
  const cases: [Record<string, unknown>, string][] = [
    [{ name: '', role: 'witness' }, 'body.name'],
    [{ name: 'X', role: 'judge' }, 'body.role'],
    [{ name: 'X' }, 'body.role'],
    [{ name: 'X', role: 'witness', email: 'nope' }, 'body.email'],
    [{ name: 'x'.repeat(201), role: 'witness' }, 'body.name'],
  ];
  for (const [body, path] of cases) {
    const error = await t.throwsAsync(ada.matterParties.add(matter.id, body as never), {
      instanceOf: ValidationError,
    });
    t.true(
      error.params.some((p) => p.path === path),
      `${JSON.stringify(body)} → ${JSON.stringify(error.params)}`,
    );
  }
  t.deepEqual((await ada.matterParties.list(matter.id)).data, []);
});

test('DELETE /admin/matters/:id/parties/:party_id — a staff user removes a party; audited; a second removal is a 404', async (t) => {
  const matter = await newMatter();
  const keep = await ada.matterParties.add(matter.id, { name: 'Keeper', role: 'client' });
  const gone = await ada.matterParties.add(matter.id, { name: 'Milton Waddams', role: 'witness' });
  t.is(await sam.matterParties.remove(matter.id, gone.id), undefined);
  t.deepEqual(
    (await ada.matterParties.list(matter.id)).data.map((p) => p.id),
    [keep.id],
  );
  const [event] = (await ada.auditEvents.list({ subject_id: gone.id, action: 'matter_party.removed' })).data;
  t.deepEqual(event!.data, {
    matter_id: matter.id,
    matter_number: matter.number,
    name: 'Milton Waddams',
    role: 'witness',
  });
  await t.throwsAsync(sam.matterParties.remove(matter.id, gone.id), {
    instanceOf: NotFoundError,
    message: 'No such party on this matter.',
  });
});

test('DELETE — a party is removed only through its own matter', async (t) => {
  const [a, b] = [await newMatter(), await newMatter()];
  const party = await ada.matterParties.add(a.id, { name: 'Stays put', role: 'other' });
  await t.throwsAsync(ada.matterParties.remove(b.id, party.id), { instanceOf: NotFoundError });
  t.deepEqual(
    (await ada.matterParties.list(a.id)).data.map((p) => p.id),
    [party.id],
  );
});

test('another firm’s matter is a 404 for every call, and its parties stay untouched', async (t) => {
  const matter = await newMatter();
  const party = await ada.matterParties.add(matter.id, { name: 'Private', role: 'client' });
  const notFound = { instanceOf: NotFoundError, message: 'No such matter.' };
  await t.throwsAsync(bea.matterParties.list(matter.id), notFound);
  await t.throwsAsync(bea.matterParties.add(matter.id, { name: 'Intruder', role: 'other' }), notFound);
  await t.throwsAsync(bea.matterParties.remove(matter.id, party.id), notFound);
  t.deepEqual(
    (await ada.matterParties.list(matter.id)).data.map((p) => p.name),
    ['Private'],
  );
});

test('the demo firm’s supply contract dispute has its four parties', async (t) => {
  const matter = (await ada.matters.list({ client_id: clientId }).toArray()).find(
    (m) => m.title === 'Supply contract dispute',
  )!;
  const parties = await ada.matterParties.list(matter.id).toArray();
  t.deepEqual(parties.map((p) => [p.role, p.name, p.email]).sort(), [
    ['client', 'Northwind Traders', 'nora@northwind.example'],
    ['opposing_counsel', 'Bob Slydell', 'bob@slydell-law.example'],
    ['opposing_party', 'Initrode Ltd', null],
    ['witness', 'Milton Waddams', null],
  ]);
});
