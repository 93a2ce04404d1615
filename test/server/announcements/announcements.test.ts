import { randomUUID } from 'node:crypto';
import test from 'ava';
import pg from 'pg';
import type { AdminClient } from '../../../sdk/admin-client.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import {
  NotFoundError,
  PermissionError,
  PlanUpgradeRequiredError,
  ValidationError,
  type CaseflowError,
} from '../../../sdk/errors.js';
import { setPlan } from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

// Announcements: admins write and publish them; contacts read the published ones
// and mark them read. Tests that publish run serially (every contact sees them).

let s: TestServer;
let ada: AdminClient;
let nora: PortalClient;
let gina: PortalClient;
let ids: { acme: string; nora: string; gina: string; northwind: string };

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  gina = s.portal('acme');
  await gina.auth.login(demo.gina);
  const contact = (email: string) => s.db.owner('contacts').where({ email }).first();
  const noraRow = await contact(demo.nora.email);
  ids = {
    acme: noraRow.tenant_id,
    nora: noraRow.id,
    gina: (await contact(demo.gina.email)).id,
    northwind: noraRow.client_id,
  };
});
test.after.always(async () => s?.close());

async function refusal(promise: PromiseLike<unknown>): Promise<CaseflowError> {
  try {
    await promise;
  } catch (error) {
    return error as CaseflowError;
  }
  throw new Error('expected a refusal');
}

const title = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

test.serial('an admin writes a draft, publishes it, and lists both states, newest first', async (t) => {
  const draft = await ada.announcements.create({ title: title('Draft'), body: '  Our new office opens soon.  ' });
  t.is(draft.published_at, null);
  t.is(draft.body, 'Our new office opens soon.');
  const published = await ada.announcements.create({ title: title('Now'), body: 'Open today.', publish: true });
  t.not(published.published_at, null);
  const [first, second] = (await ada.announcements.list({ limit: 2 })).data;
  t.deepEqual([first!.id, second!.id], [published.id, draft.id]);

  const done = await ada.announcements.publish(draft.id);
  t.not(done.published_at, null);
  const again = await ada.announcements.publish(draft.id);
  t.is(again.published_at, done.published_at);
  const actions = await s.db
    .owner('audit_events')
    .whereIn('subject_id', [draft.id, published.id])
    .orderBy('occurred_at')
    .select('action', 'actor_type', 'subject_id');
  t.deepEqual(actions, [
    { action: 'announcement.created', actor_type: 'staff', subject_id: draft.id },
    { action: 'announcement.published', actor_type: 'staff', subject_id: published.id },
    { action: 'announcement.published', actor_type: 'staff', subject_id: draft.id },
  ]);
});

test('staff may list announcements but not write or publish them', async (t) => {
  const sam = await s.staffLogin(demoStaff.sam);
  t.true(Array.isArray((await sam.announcements.list()).data));
  const error = await refusal(sam.announcements.create({ title: 'Nope', body: 'Nope.' }));
  t.true(error instanceof PermissionError);
  t.is(error.code, 'admin_required');
});

test('bad input is a 400 and writes nothing; publishing an unknown announcement is a 404', async (t) => {
  for (const body of [
    { title: '', body: 'x' },
    { title: 'x', body: '' },
    { title: 'x'.repeat(201), body: 'x' },
    { title: 'x', body: 'x', pinned: true },
  ]) {
    t.true((await refusal(ada.announcements.create(body as never))) instanceof ValidationError);
  }
  t.true((await refusal(ada.announcements.publish(randomUUID()))) instanceof NotFoundError);
  t.true((await refusal(ada.announcements.publish('not-a-uuid'))) instanceof ValidationError);
});

test.serial('contacts see published announcements only, each with their own read time', async (t) => {
  const draft = await ada.announcements.create({ title: title('Hidden'), body: 'Draft.' });
  const shown = await ada.announcements.create({ title: title('Shown'), body: 'Published.', publish: true });
  const listed = await nora.announcements.list().toArray();
  t.false(listed.some((a) => a.id === draft.id));
  t.deepEqual(
    listed.find((a) => a.id === shown.id),
    { id: shown.id, title: shown.title, body: 'Published.', published_at: shown.published_at!, read_at: null },
  );
  t.true((await refusal(nora.announcements.markRead(draft.id))) instanceof NotFoundError);

  const read = await nora.announcements.markRead(shown.id);
  t.not(read.read_at, null);
  const twice = await nora.announcements.markRead(shown.id);
  t.is(twice.read_at, read.read_at);
  t.is((await nora.announcements.list().toArray()).find((a) => a.id === shown.id)!.read_at, read.read_at);
  t.is((await gina.announcements.list().toArray()).find((a) => a.id === shown.id)!.read_at, null);

  const audit = await s.db
    .owner('audit_events')
    .where({ action: 'announcement.read', subject_id: shown.id })
    .select('actor_type', 'actor_id', 'impersonator_id');
  t.deepEqual(audit, [{ actor_type: 'contact', actor_id: ids.nora, impersonator_id: null }]);
});

test.serial('another firm’s announcements are invisible: listing shows none, reading one is a 404', async (t) => {
  const bea = await s.staffLogin(demoStaff.bea);
  const theirs = await bea.announcements.create({ title: title('Bluebird'), body: 'Ours.', publish: true });
  t.false((await nora.announcements.list().toArray()).some((a) => a.id === theirs.id));
  t.false((await ada.announcements.list({ limit: 100 }).toArray()).some((a) => a.id === theirs.id));
  t.true((await refusal(nora.announcements.markRead(theirs.id))) instanceof NotFoundError);
  t.true((await refusal(ada.announcements.publish(theirs.id))) instanceof NotFoundError);
});

test.serial('on the solo plan the portal’s announcements answer 402', async (t) => {
  await setPlan(s, 'acme', 'solo');
  try {
    const error = await refusal(nora.announcements.list());
    t.true(error instanceof PlanUpgradeRequiredError);
    t.is(error.status, 402);
  } finally {
    await setPlan(s, 'acme', 'growth');
  }
});

/** Statements as the portal role of Northwind's Nora, in a transaction rolled back afterwards. */
async function asNora(fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: s.db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT set_config('caseflow.tenant_id', $1, true), set_config('caseflow.client_id', $2, true),
              set_config('caseflow.contact_id', $3, true)`,
      [ids.acme, ids.northwind, ids.nora],
    );
    await client.query('SET LOCAL ROLE caseflow_portal');
    await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

test.serial('the database keeps the portal to published announcements and its own reads', async (t) => {
  const draft = await ada.announcements.create({ title: title('RLS draft'), body: 'Draft.' });
  const shown = await ada.announcements.create({ title: title('RLS shown'), body: 'Shown.', publish: true });
  await gina.announcements.markRead(shown.id);
  await asNora(async (client) => {
    const { rows } = await client.query(`SELECT id FROM announcements WHERE id = ANY($1)`, [[draft.id, shown.id]]);
    t.deepEqual(rows, [{ id: shown.id }]);
    const reads = await client.query(`SELECT contact_id FROM announcement_reads`);
    t.true(reads.rows.every((r: { contact_id: string }) => r.contact_id === ids.nora));
    await client.query('SAVEPOINT a');
    const author = await t.throwsAsync(client.query(`SELECT created_by_id FROM announcements`));
    t.regex(author.message, /permission denied/);
    await client.query('ROLLBACK TO SAVEPOINT a');
    const forged = await t.throwsAsync(
      client.query(
        `INSERT INTO announcement_reads (tenant_id, announcement_id, contact_id) VALUES (caseflow.current_tenant(), $1, $2)`,
        [shown.id, ids.gina],
      ),
    );
    t.regex(forged.message, /row-level security/);
    await client.query('ROLLBACK TO SAVEPOINT a');
    const unpublished = await t.throwsAsync(
      client.query(
        `INSERT INTO announcement_reads (tenant_id, announcement_id, contact_id) VALUES (caseflow.current_tenant(), $1, $2)`,
        [draft.id, ids.nora],
      ),
    );
    t.regex(unpublished.message, /row-level security/);
  });
});
