/**
 * Matter threads and their messages through the SDK against a real server: who wrote what,
 * the order of lists, what is refused, and the audit trail each write leaves.
 */
import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import { NotFoundError, ValidationError } from '../../../sdk/errors.js';
import type { Matter } from '../../../sdk/schemas/matters.js';
import { auditTrail } from '../../helpers/audit.js';
import { aMatter } from '../../helpers/factories/index.js';
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
