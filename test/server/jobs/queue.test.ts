import test from 'ava';
import pino from 'pino';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import { isolatedEnv, runCli } from '../../helpers/cli.js';
import { JobQueue } from '../../../server/jobs/queue.js';
import { recordEvent } from '../../../server/jobs/events.js';
import { defineSubscriber, type JobDeps, type Work } from '../../../server/jobs/subscriber.js';
import { inFirm } from '../../../server/jobs/worker-scope.js';
import { enqueueEmail } from '../../../server/modules/email/outbox.js';
import { Keyring } from '../../../server/security/keyring.js';
import { MASTER_KEY } from '../../helpers/server.js';

let db: TestDatabase;
let pool: pg.Pool;
let acme: string;
test.before(async () => {
  db = await createTestDatabase();
  pool = new pg.Pool({ connectionString: db.appUrl, max: 4 });
  acme = (await db.owner('tenants').where({ slug: 'acme' }).first('id')).id;
});
test.after.always(async () => {
  await pool?.end();
  await db?.close();
});

const logger = pino({ level: 'silent' });
const deps = () => ({ pool, logger }) as unknown as JobDeps;
const queue = (work: Work[]) => new JobQueue(deps(), work, { url: db.jobsUrl, concurrency: 2, pollInterval: 500 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records `n` stripe.disabled events for Acme, each in its own committed transaction. */
async function record(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      await inFirm(pool, acme, (tx) => recordEvent(tx, { type: 'stripe.disabled', data: {}, actorType: 'system' })),
    );
  }
  return ids;
}

test.serial(
  'a queued email and a reset request enqueue jobs that carry ids only: no address, subject or body',
  async (t) => {
    const keyring = new Keyring(Buffer.from(MASTER_KEY, 'hex'));
    const outboxId = await inFirm(pool, acme, (tx) =>
      enqueueEmail(tx, keyring, acme, 'secret.person@example.com', {
        template: 'test',
        subject: 'Your link',
        text: 'https://acme.example/clients/reset-password#token=abc',
        html: '<p>link</p>',
      }),
    );
    const [{ id: requestId }] = await db
      .owner('password_reset_requests')
      .insert({ tenant_id: acme, email: 'someone@example.com' })
      .returning('id');
    const jobs = await db.owner.raw(
      `SELECT t.identifier AS task, j.payload FROM graphile_worker._private_jobs j
       JOIN graphile_worker._private_tasks t ON t.id = j.task_id ORDER BY j.id`,
    );
    t.deepEqual(jobs.rows, [
      { task: 'deliver_email', payload: { tenant_id: acme, outbox_id: outboxId } },
      { task: 'process_reset_request', payload: { tenant_id: acme, request_id: requestId } },
    ]);
    await db.owner.raw('DELETE FROM graphile_worker._private_jobs');
  },
);

test.serial('an event runs its subscriber once after commit; a rolled-back one never runs', async (t) => {
  const seen: { id: string; type: string; tenant: string }[] = [];
  const q = queue([
    defineSubscriber({
      name: 'test-collect',
      events: ['stripe.disabled'],
      async handle(event) {
        seen.push({ id: event.id, type: event.type, tenant: event.tenant_id });
      },
    }),
  ]);
  await inFirm(pool, acme, async (tx) => {
    await recordEvent(tx, { type: 'stripe.disabled', data: {}, actorType: 'system' });
    throw new Error('roll back');
  }).catch(() => undefined);
  const [committed] = await record(1);
  // The one job, of the committed event, carries ids only.
  const jobs = await db.owner('graphile_worker.jobs').select('task_identifier', 'key');
  t.deepEqual(jobs, [{ task_identifier: 'domain_event', key: null }]);
  const [{ payload }] = await db.owner('graphile_worker._private_jobs').select('payload');
  t.deepEqual(payload, { tenant_id: acme, event_id: committed });

  await q.start();
  t.teardown(() => q.stop());
  await q.drain();
  t.deepEqual(seen, [{ id: committed!, type: 'stripe.disabled', tenant: acme }]);
  t.deepEqual(await db.owner('graphile_worker._private_jobs').select('id'), []);
});

test.serial('two workers share the queue: every event handled once, by one or the other', async (t) => {
  const handled: { by: string; id: string }[] = [];
  const subscriber = (by: string) =>
    defineSubscriber({
      name: 'test-share',
      events: ['stripe.disabled'],
      async handle(event) {
        handled.push({ by, id: event.id });
        await sleep(30);
      },
    });
  const a = queue([subscriber('a')]);
  const b = queue([subscriber('b')]);
  await a.start();
  await b.start();
  t.teardown(async () => {
    await a.stop();
    await b.stop();
  });
  const ids = await record(30);
  await a.drain();
  t.deepEqual(handled.map((h) => h.id).sort(), [...ids].sort());
  t.true(
    handled.some((h) => h.by === 'a'),
    'worker a took some',
  );
  t.true(
    handled.some((h) => h.by === 'b'),
    'worker b took some',
  );
});

test.serial(
  'a failing subscriber is retried, then dead; caseflow jobs list shows it and jobs retry runs it again',
  async (t) => {
    let calls = 0;
    let healthy = false;
    const q = queue([
      defineSubscriber({
        name: 'test-flaky',
        events: ['stripe.disabled'],
        maxAttempts: 2,
        async handle() {
          calls++;
          if (!healthy) throw new Error(`upstream down (call ${calls})`);
        },
      }),
    ]);
    await q.start();
    t.teardown(() => q.stop());
    await record(1);
    await q.drain();
    t.is(calls, 1);
    // Its backoff (e¹ s) skipped: due again now.
    await db.owner.raw(`UPDATE graphile_worker._private_jobs SET run_at = now()`);
    await q.drain();
    t.is(calls, 2);

    const env = isolatedEnv({ DATABASE_URL: db.ownerUrl });
    const listed = await runCli(['jobs', 'list', '--state', 'dead', '--json'], env);
    t.is(listed.code, 0, listed.stderr);
    const dead = JSON.parse(listed.stdout);
    t.is(dead.length, 1);
    t.like(dead[0], { task: 'test-flaky', state: 'dead', firm: 'acme', attempts: 2, max_attempts: 2 });
    t.regex(dead[0].last_error, /upstream down \(call 2\)/);

    healthy = true;
    const retried = await runCli(['jobs', 'retry', dead[0].id], env);
    t.is(retried.code, 0, retried.stderr);
    t.is(retried.stdout, '1 job(s) queued again\n');
    await q.drain();
    t.is(calls, 3);
    t.deepEqual(JSON.parse((await runCli(['jobs', 'list', '--json'], env)).stdout), []);

    const wrong = await runCli(['jobs', 'retry', 'abc'], env);
    t.is(wrong.code, 1);
    t.regex(wrong.stderr, /"abc" is not a job id/);
  },
);

test.serial('stopping a worker lets the running job finish first', async (t) => {
  let finished = 0;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const q = queue([
    defineSubscriber({
      name: 'test-slow',
      events: ['stripe.disabled'],
      async handle() {
        started();
        await sleep(400);
        finished++;
      },
    }),
  ]);
  await q.start();
  await record(1);
  await running;
  await q.stop();
  t.is(finished, 1);
  t.deepEqual(await db.owner('graphile_worker._private_jobs').select('id'), []);
});
