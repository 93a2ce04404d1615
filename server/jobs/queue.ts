/**
 * The job queue (DESIGN §10a): graphile-worker on its own pool, logged in as
 * caseflow_jobs (grants on the queue's schema only). Its schema comes from our
 * migrations; at start it only checks that schema is current. Every server
 * process runs one; they share the queue through PostgreSQL (SKIP LOCKED and
 * LISTEN/NOTIFY), so several servers split the work.
 *
 * Tasks:
 * - `domain_event` (enqueued by domain_events' trigger) fans an event out to one
 *   job per subscriber of its type, keyed by subscriber and event, so each
 *   subscriber retries on its own;
 * - each subscriber, row job and cron task of the registry.
 */
import pg from 'pg';
import { z } from 'zod';
import { Logger as GraphileLogger, parseCronItems, run, type Runner, type Task, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';
import type { RequestDb } from '../db/request-db.js';
import type { Attempt, CronTask, DomainEvent, JobDeps, RowJob, Subscriber, Work } from './subscriber.js';
import { inFirm } from './worker-scope.js';

const EventPayload = z.object({ tenant_id: z.uuid(), event_id: z.uuid() });

async function loadEvent(db: RequestDb, eventId: string): Promise<DomainEvent | undefined> {
  const [event] = await db.query<DomainEvent>(
    `SELECT id, tenant_id, type, subject_type, subject_id, actor_type, actor_id, data, occurred_at
       FROM domain_events WHERE id = $1`,
    [eventId],
  );
  return event;
}

function attemptOf(job: { attempts: number; max_attempts: number }): Attempt {
  return { attempts: job.attempts, maxAttempts: job.max_attempts, last: job.attempts >= job.max_attempts };
}

function pinoLogger(logger: Logger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : level === 'info' ? 'info' : 'debug';
    logger[method]({ queue: scope, ...meta }, message);
  });
}

export interface QueueOptions {
  /** Connection URL of the caseflow_jobs login. */
  url: string;
  /** Jobs run at once in this process. */
  concurrency: number;
  /** How often the queue is polled when no notification came (ms). */
  pollInterval: number;
}

export type QueueHealth = { status: 'running' | 'stopped'; due: number; dead: number } | { status: 'unreachable' };

export class JobQueue {
  private readonly jobsPool: pg.Pool;
  private runner: Runner | undefined;

  constructor(
    private readonly deps: JobDeps,
    private readonly work: Work[],
    private readonly options: QueueOptions,
  ) {
    this.jobsPool = new pg.Pool({ connectionString: options.url, max: options.concurrency + 2 });
    this.jobsPool.on('error', (error) => deps.logger.warn({ err: error }, 'job queue connection lost'));
  }

  async start(): Promise<void> {
    const cron = this.work.filter((w): w is CronTask => w.kind === 'cron');
    this.runner = await run({
      pgPool: this.jobsPool,
      concurrency: this.options.concurrency,
      pollInterval: this.options.pollInterval,
      noHandleSignals: true,
      logger: pinoLogger(this.deps.logger),
      taskList: this.taskList(),
      parsedCronItems: parseCronItems(cron.map((c) => ({ task: c.name, match: c.pattern, identifier: c.name }))),
    });
    this.runner.events.on('job:error', ({ job, error }) =>
      this.deps.logger.warn(
        { err: error, task: job.task_identifier, job_id: job.id, attempts: job.attempts },
        'job failed; it will be retried',
      ),
    );
    this.runner.events.on('job:failed', ({ job, error }) =>
      this.deps.logger.error(
        { err: error, task: job.task_identifier, job_id: job.id },
        'job is dead after its last attempt',
      ),
    );
  }

  private taskList(): TaskList {
    const tasks: TaskList = { domain_event: this.fanOut() };
    for (const w of this.work) {
      if (tasks[w.name]) throw new Error(`two jobs are named ${w.name}`);
      if (w.kind === 'subscriber') tasks[w.name] = this.subscriberTask(w);
      else if (w.kind === 'row') tasks[w.name] = this.rowTask(w);
      else tasks[w.name] = () => w.run(this.deps);
    }
    return tasks;
  }

  private fanOut(): Task {
    return async (payload, helpers) => {
      const { tenant_id, event_id } = EventPayload.parse(payload);
      const event = await inFirm(this.deps.pool, tenant_id, (db) => loadEvent(db, event_id));
      if (!event) return; // its transaction rolled back after all: nothing happened
      for (const s of this.work) {
        if (s.kind !== 'subscriber' || !s.events.includes(event.type)) continue;
        await helpers.addJob(
          s.name,
          { tenant_id, event_id },
          {
            jobKey: `${s.name}:${event_id}`,
            maxAttempts: s.maxAttempts ?? 8,
          },
        );
      }
    };
  }

  private subscriberTask(s: Subscriber): Task {
    return async (payload, helpers) => {
      const { tenant_id, event_id } = EventPayload.parse(payload);
      const event = await inFirm(this.deps.pool, tenant_id, (db) => loadEvent(db, event_id));
      if (!event) return;
      await s.handle(event, this.deps, attemptOf(helpers.job));
    };
  }

  private rowTask(j: RowJob): Task {
    const Payload = z.object({ tenant_id: z.uuid(), [j.idName]: z.uuid() });
    return async (payload, helpers) => {
      const parsed = Payload.parse(payload) as Record<string, string>;
      await j.handle(parsed.tenant_id!, parsed[j.idName]!, this.deps, attemptOf(helpers.job));
    };
  }

  /**
   * Resolves once no job is due or running in any process (tests and the CLI's
   * demo use it); jobs waiting for a retry later are not waited for.
   */
  async drain(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.jobsPool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM graphile_worker._private_jobs
          WHERE locked_at IS NOT NULL OR (attempts < max_attempts AND run_at <= now())`,
      );
      if (rows[0]!.n === 0) return;
      if (Date.now() > deadline) throw new Error(`${rows[0]!.n} job(s) still due after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** For /readyz: whether this process's worker runs, and the queue's due and dead jobs. */
  async health(): Promise<QueueHealth> {
    try {
      const { rows } = await this.jobsPool.query<{ due: number; dead: number }>(
        `SELECT count(*) FILTER (WHERE attempts < max_attempts AND run_at <= now())::int AS due,
                count(*) FILTER (WHERE attempts >= max_attempts)::int AS dead
           FROM graphile_worker._private_jobs`,
      );
      return { status: this.runner ? 'running' : 'stopped', ...rows[0]! };
    } catch {
      return { status: 'unreachable' };
    }
  }

  /** Takes no new job, lets running ones finish, then closes the queue's connections. */
  async stop(): Promise<void> {
    const runner = this.runner;
    this.runner = undefined;
    await runner?.stop();
    await this.jobsPool.end();
  }
}
