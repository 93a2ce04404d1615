/**
 * Internal notes on clients and matters through the SDK against a real server: what staff and
 * admins may do, what is refused with which message, and the audit trail each write leaves.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { NotFoundError, PermissionError, ValidationError } from '../../../sdk/errors.js';
import type { Matter } from '../../../sdk/schemas/matters.js';
import { aClient, aMatter } from '../../helpers/factories/index.js';
import { auditTrail } from '../../helpers/audit.js';
import { loginDemoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;
let key: AdminClient;
let ids: { ada: string; sam: string; key: string; northwind: string };

test.before(async () => {
  s = await startTestServer();
  ({ ada, sam, bea } = await loginDemoStaff(s));
  const created = await ada.apiKeys.create({ name: 'Intake robot', role: 'staff' });
  key = s.admin('acme', created.secret);
  const northwind = await ada.clients.list({ number: 1001 });
  ids = {
    ada: (await ada.me()).principal.id,
    sam: (await sam.me()).principal.id,
    key: created.id,
    northwind: northwind.data[0]!.id,
  };
});
test.after.always(async () => s?.close());

const newMatter = (clientId = ids.northwind): Promise<Matter> => aMatter(s, { admin: ada, client: clientId });
const audits = (subjectId: string) => auditTrail(s, subjectId);
const ID = /^[0-9a-f-]{36}$/;

test('POST /admin/clients/:id/notes — writes a note with its author; the list shows it newest first, matter notes included', async (t) => {
  const client = await aClient(s, { admin: ada });
  const matter = await newMatter(client.id);
  const first = await sam.notes.createForClient(client.id, { body: '  Prefers calls after 4pm.  ', pinned: true });
  t.like(first, {
    client_id: client.id,
    matter_id: null,
    author: { type: 'staff', id: ids.sam, name: 'Sam Staff' },
    body: 'Prefers calls after 4pm.',
    pinned: true,
  });
  t.regex(first.id, ID);
  const second = await key.notes.createForMatter(matter.id, { body: 'Opposing counsel changed.' });
  t.like(second, {
    client_id: client.id,
    matter_id: matter.id,
    author: { type: 'api_key', id: ids.key, name: 'Intake robot' },
    pinned: false,
  });
  const clientNotes = await ada.notes.listForClient(client.id);
  t.deepEqual(
    clientNotes.data.map((n) => n.body),
    ['Opposing counsel changed.', 'Prefers calls after 4pm.'],
  );
  t.deepEqual(clientNotes.data[1], first);
  const matterNotes = await ada.notes.listForMatter(matter.id);
  t.deepEqual(
    matterNotes.data.map((n) => n.id),
    [second.id],
  );
  t.deepEqual(await audits(first.id), [
    {
      action: 'note.created',
      actor_type: 'staff',
      actor_id: ids.sam,
      data: { client_id: client.id, matter_id: null, pinned: true },
    },
  ]);
});

test('GET /admin/clients/:id/notes — pages with the cursor, neither repeating nor skipping', async (t) => {
  const client = await aClient(s, { admin: ada });
  for (let i = 1; i <= 5; i++) await ada.notes.createForClient(client.id, { body: `Note ${i}` });
  const firstPage = await ada.notes.listForClient(client.id, { limit: 2 });
  t.true(firstPage.has_more);
  const all = await ada.notes.listForClient(client.id, { limit: 2 }).toArray();
  t.deepEqual(
    all.map((n) => n.body),
    ['Note 5', 'Note 4', 'Note 3', 'Note 2', 'Note 1'],
  );
});

test('notes — staff change only their own notes; admins and admin keys change any; each change is audited', async (t) => {
  const client = await aClient(s, { admin: ada });
  const adasNote = await ada.notes.createForClient(client.id, { body: 'Ada wrote this.' });
  const samsNote = await sam.notes.createForClient(client.id, { body: 'Sam wrote this.' });

  for (const call of [
    () => sam.notes.update(adasNote.id, { body: 'Sam was here.' }),
    () => sam.notes.delete(adasNote.id),
    () => key.notes.update(samsNote.id, { pinned: true }),
  ]) {
    const error = await t.throwsAsync(call());
    t.true(error instanceof PermissionError);
    t.is((error as PermissionError).code, 'note_not_yours');
    t.is(error!.message, 'Only the note’s author or a firm admin may change or delete it.');
  }
  const edited = await sam.notes.update(samsNote.id, { body: 'Sam rewrote this.' });
  t.like(edited, { body: 'Sam rewrote this.', pinned: false, author: { type: 'staff', id: ids.sam } });
  t.true(edited.updated_at > samsNote.updated_at);
  const pinned = await ada.notes.update(samsNote.id, { pinned: true });
  t.like(pinned, { body: 'Sam rewrote this.', pinned: true, author: { id: ids.sam } });
  await ada.notes.delete(samsNote.id);
  t.deepEqual(
    (await ada.notes.listForClient(client.id)).data.map((n) => n.id),
    [adasNote.id],
  );
  t.deepEqual(await audits(samsNote.id), [
    {
      action: 'note.created',
      actor_type: 'staff',
      actor_id: ids.sam,
      data: { client_id: client.id, matter_id: null, pinned: false },
    },
    { action: 'note.updated', actor_type: 'staff', actor_id: ids.sam, data: { fields: ['body'] } },
    { action: 'note.updated', actor_type: 'staff', actor_id: ids.ada, data: { fields: ['pinned'] } },
    { action: 'note.deleted', actor_type: 'staff', actor_id: ids.ada, data: { client_id: client.id, matter_id: null } },
  ]);
  const gone = await t.throwsAsync(ada.notes.update(samsNote.id, { pinned: false }));
  t.true(gone instanceof NotFoundError);
});

test('notes — refuse an empty or too long body and unknown fields with a 400 naming the field', async (t) => {
  const cases: [unknown, string][] = [
    [{ body: '   ' }, 'body.body'],
    [{ body: 'x'.repeat(10_001) }, 'body.body'],
    [{ body: 'ok', author_staff_id: ids.ada }, 'body'],
    [{ body: 'nul \u0000 byte' }, 'body.body'],
  ];
  for (const [body, path] of cases) {
    const error = await t.throwsAsync(ada.notes.createForClient(ids.northwind, body as never));
    t.true(error instanceof ValidationError, JSON.stringify(body).slice(0, 40));
    t.true(
      (error as ValidationError).params.some((p) => p.path.startsWith(path)),
      JSON.stringify((error as ValidationError).params),
    );
  }
  const empty = await t.throwsAsync(ada.notes.update('00000000-0000-4000-8000-000000000000', {}));
  t.true(empty instanceof ValidationError);
  t.deepEqual(await s.db.owner('internal_notes').where({ body: 'ok' }).select('id'), []);
});

test('notes — another firm’s client, matter or note is not found', async (t) => {
  const note = await ada.notes.createForClient(ids.northwind, { body: 'Acme only.' });
  const matter = await newMatter();
  for (const call of [
    () => bea.notes.listForClient(ids.northwind),
    () => bea.notes.createForClient(ids.northwind, { body: 'x' }),
    () => bea.notes.listForMatter(matter.id),
    () => bea.notes.createForMatter(matter.id, { body: 'x' }),
    () => bea.notes.update(note.id, { body: 'x' }),
    () => bea.notes.delete(note.id),
  ]) {
    const error = await t.throwsAsync(call());
    t.true(error instanceof NotFoundError);
  }
  t.is((await s.db.owner('internal_notes').where({ id: note.id }).first()).body, 'Acme only.');
});
