/**
 * Internal notes, matter threads, practice areas and matter updates through the
 * SDK against a real server: what staff and admins may do, what is refused with
 * which message, and the audit trail each write leaves.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { NotFoundError, PermissionError, ValidationError, ConflictError } from '../../../sdk/errors.js';
import type { Matter } from '../../../sdk/schemas/matters.js';
import { aClient } from '../../helpers/factories/index.js';
import { rawRequest } from '../../helpers/http.js';
import { demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

let s: TestServer;
let ada: AdminClient;
let sam: AdminClient;
let bea: AdminClient;
let key: AdminClient;
let ids: { ada: string; sam: string; key: string; northwind: string; globex: string };

test.before(async () => {
  s = await startTestServer();
  [ada, sam, bea] = await Promise.all([
    s.staffLogin(demoStaff.ada),
    s.staffLogin(demoStaff.sam),
    s.staffLogin(demoStaff.bea),
  ]);
  const created = await ada.apiKeys.create({ name: 'Intake robot', role: 'staff' });
  key = s.admin('acme', created.secret);
  const northwind = await ada.clients.list({ number: 1001 });
  const globex = await ada.clients.list({ number: 1002 });
  ids = {
    ada: (await ada.me()).principal.id,
    sam: (await sam.me()).principal.id,
    key: created.id,
    northwind: northwind.data[0]!.id,
    globex: globex.data[0]!.id,
  };
});
test.after.always(async () => s?.close());

let seq = 0;
const newMatter = (clientId = ids.northwind): Promise<Matter> =>
  ada.matters.create({ client_id: clientId, title: `Records matter ${++seq}` });
const audits = (subjectId: string) =>
  s.db
    .owner('audit_events')
    .where({ subject_id: subjectId })
    .orderBy('occurred_at')
    .select('action', 'actor_type', 'actor_id', 'data');
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

test('threads — start with a first message, reply, list latest activity first and messages oldest first, with author names', async (t) => {
  const matter = await newMatter();
  const started = await ada.threads.start(matter.id, { subject: 'Filing deadline', body: 'Due Friday.' });
  t.like(started.thread, {
    matter_id: matter.id,
    subject: 'Filing deadline',
    created_by: { type: 'staff', id: ids.ada, name: 'Ada Admin' },
    message_count: 1,
  });
  t.like(started.message, { thread_id: started.thread.id, body: 'Due Friday.', author: { name: 'Ada Admin' } });
  t.is(started.thread.last_message_at, started.message.created_at);
  const other = await key.threads.start(matter.id, { subject: 'Invoice query', body: 'Client asked about INV-7.' });
  t.like(other.thread, { created_by: { type: 'api_key', id: ids.key, name: 'Intake robot' } });

  const reply = await sam.threads.reply(started.thread.id, { body: 'Filed this morning.' });
  t.like(reply, { thread_id: started.thread.id, author: { type: 'staff', id: ids.sam, name: 'Sam Staff' } });
  const threads = await sam.threads.list(matter.id);
  t.deepEqual(
    threads.data.map((th) => [th.subject, th.message_count]),
    [
      ['Filing deadline', 2],
      ['Invoice query', 1],
    ],
  );
  t.is(threads.data[0]!.last_message_at, reply.created_at);
  const again = await ada.threads.retrieve(started.thread.id);
  t.deepEqual(again, threads.data[0]);

  await ada.threads.reply(started.thread.id, { body: 'Thanks.' });
  const page = await ada.threads.messages(started.thread.id, { limit: 2 });
  t.deepEqual(
    page.data.map((m) => m.body),
    ['Due Friday.', 'Filed this morning.'],
  );
  t.true(page.has_more);
  const all = await ada.threads.messages(started.thread.id, { limit: 2 }).toArray();
  t.deepEqual(
    all.map((m) => [m.author.name, m.body]),
    [
      ['Ada Admin', 'Due Friday.'],
      ['Sam Staff', 'Filed this morning.'],
      ['Ada Admin', 'Thanks.'],
    ],
  );
  t.deepEqual(
    (await audits(started.thread.id)).map((a) => [a.action, a.actor_id]),
    [
      ['thread.created', ids.ada],
      ['thread.message_posted', ids.sam],
      ['thread.message_posted', ids.ada],
    ],
  );
});

test('threads — refuse a missing subject or body, and another firm’s matter or thread is not found', async (t) => {
  const matter = await newMatter();
  const missing = await t.throwsAsync(ada.threads.start(matter.id, { subject: '', body: 'x' }));
  t.true(missing instanceof ValidationError);
  t.deepEqual(
    (missing as ValidationError).params.map((p) => p.path),
    ['body.subject'],
  );
  const noBody = await t.throwsAsync(ada.threads.start(matter.id, { subject: 'x' } as never));
  t.deepEqual(
    (noBody as ValidationError).params.map((p) => p.path),
    ['body.body'],
  );
  t.is((await s.db.owner('matter_threads').where({ matter_id: matter.id })).length, 0);
  const { thread } = await ada.threads.start(matter.id, { subject: 'Private', body: 'Acme only.' });
  for (const call of [
    () => bea.threads.list(matter.id),
    () => bea.threads.start(matter.id, { subject: 'x', body: 'y' }),
    () => bea.threads.retrieve(thread.id),
    () => bea.threads.messages(thread.id),
    () => bea.threads.reply(thread.id, { body: 'y' }),
  ]) {
    t.true((await t.throwsAsync(call())) instanceof NotFoundError);
  }
});

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

test('PATCH /admin/matters/:id — retitles, moves the status, files under a practice area; an archived area is refused with a clear 400', async (t) => {
  const matter = await newMatter();
  t.is(matter.practice_area_id, null);
  const family = await ada.practiceAreas.create({ name: 'Family law (matters test)' });
  const old = await ada.practiceAreas.create({ name: 'Retired area' });
  await ada.practiceAreas.update(old.id, { archived: true });

  const updated = await sam.matters.update(matter.id, {
    title: 'Custody arrangement',
    status: 'in_progress',
    practice_area_id: family.id,
  });
  t.like(updated, { title: 'Custody arrangement', status: 'in_progress', practice_area_id: family.id });
  t.deepEqual(await sam.matters.retrieve(matter.id), updated);

  const refused = await t.throwsAsync(sam.matters.update(matter.id, { practice_area_id: old.id }));
  t.true(refused instanceof ValidationError);
  t.is((refused as ValidationError).code, 'practice_area_archived');
  t.is(refused!.message, 'The practice area "Retired area" is archived: unarchive it or choose another.');
  t.deepEqual((refused as ValidationError).params, [
    {
      path: 'body.practice_area_id',
      message: 'The practice area "Retired area" is archived: unarchive it or choose another.',
    },
  ]);
  const onCreate = await t.throwsAsync(
    ada.matters.create({ client_id: ids.northwind, title: 'New', practice_area_id: old.id }),
  );
  t.is((onCreate as ValidationError).code, 'practice_area_archived');
  const foreign = (await bea.practiceAreas.create({ name: 'Bluebird only' })).id;
  const unknown = await t.throwsAsync(sam.matters.update(matter.id, { practice_area_id: foreign }));
  t.deepEqual((unknown as ValidationError).params, [
    { path: 'body.practice_area_id', message: 'No such practice area in this firm.' },
  ]);
  t.is((await sam.matters.retrieve(matter.id)).practice_area_id, family.id);

  // A matter keeps an area archived after it was given; it can leave it.
  await ada.practiceAreas.update(family.id, { archived: true });
  t.like(await sam.matters.update(matter.id, { title: 'Custody (final)' }), { practice_area_id: family.id });
  t.like(await sam.matters.update(matter.id, { practice_area_id: null }), { practice_area_id: null });

  const created = await ada.matters.create({
    client_id: ids.northwind,
    title: 'With area',
    practice_area_id: (await ada.practiceAreas.create({ name: 'Open area' })).id,
  });
  t.truthy(created.practice_area_id);

  t.deepEqual(
    (await audits(matter.id)).filter((a) => a.action === 'matter.updated').map((a) => a.data),
    [
      {
        title: { from: matter.title, to: 'Custody arrangement' },
        status: { from: 'not_started', to: 'in_progress' },
        practice_area_id: { from: null, to: family.id },
      },
      { title: { from: 'Custody arrangement', to: 'Custody (final)' } },
      { practice_area_id: { from: family.id, to: null } },
    ],
  );
});

test('PATCH /admin/matters/:id — refuses an unknown status and an empty body; another firm’s matter is not found', async (t) => {
  const matter = await newMatter();
  const status = await t.throwsAsync(ada.matters.update(matter.id, { status: 'won' as never }));
  t.deepEqual(
    (status as ValidationError).params.map((p) => p.path),
    ['body.status'],
  );
  t.true((await t.throwsAsync(ada.matters.update(matter.id, {}))) instanceof ValidationError);
  t.true((await t.throwsAsync(bea.matters.update(matter.id, { title: 'Mine' }))) instanceof NotFoundError);
  const res = await rawRequest(s.server.port, {
    method: 'PATCH',
    path: `/api/v1/admin/matters/${matter.id}`,
    headers: { 'caseflow-tenant': 'acme', authorization: `Bearer ${ada.token}`, 'content-type': 'application/json' },
    body: '{"title": 5}',
  });
  t.is(res.status, 400);
  t.is((await ada.matters.retrieve(matter.id)).title, matter.title);
});
