/**
 * The three kinds of work the queue runs (DESIGN §10a), each declared in one
 * file under server/jobs/subscribers/ and listed in its index:
 * - a subscriber: runs after commit for each recorded domain event of its types;
 * - a row job: runs for each row a table's trigger enqueued (a queued email, a
 *   password reset request);
 * - a cron task: runs on a schedule (purges, reconciliation sweeps).
 * Delivery is at least once: every handler is idempotent (by event or row id).
 */
import type { Logger } from 'pino';
import type { EventData, EventType } from '../../sdk/schemas/events.js';
import type { Config } from '../config.js';
import type { Pool } from '../db/pool.js';
import type { Keyring } from '../security/keyring.js';
import type { RateLimits } from '../security/rate-limits.js';
import type { MailTransport } from '../modules/email/transport.js';
import type { StripeFactory } from '../modules/payments/stripe/client.js';

/** What handlers receive: no globals. */
export interface JobDeps {
  config: Config;
  /** The application's pool (caseflow_app): handlers enter caseflow_worker with inFirm(). */
  pool: Pool;
  keyring: Keyring;
  logger: Logger;
  transport: MailTransport;
  rateLimits: RateLimits;
  stripe: StripeFactory;
}

export interface DomainEvent<T extends EventType = EventType> {
  id: string;
  tenant_id: string;
  type: T;
  subject_type: string | null;
  subject_id: string | null;
  actor_type: string;
  actor_id: string | null;
  data: EventData<T>;
  occurred_at: Date;
}

/** Which run of its job this is: a handler may act differently on the last one (give up cleanly). */
export interface Attempt {
  attempts: number;
  maxAttempts: number;
  last: boolean;
}

export interface Subscriber<T extends EventType = EventType> {
  kind: 'subscriber';
  /** The job's task name: unique, kebab-case. */
  name: string;
  events: readonly T[];
  /** Runs before the job is dead (default 8; the backoff is graphile-worker's exponential one). */
  maxAttempts?: number;
  handle(event: DomainEvent<T>, deps: JobDeps, attempt: Attempt): Promise<void>;
}

export interface RowJob {
  kind: 'row';
  /** The task name the table's trigger enqueues (caseflow.enqueue_job's first argument). */
  name: string;
  /** The payload's name for the row id (its second argument). */
  idName: string;
  handle(tenantId: string, rowId: string, deps: JobDeps, attempt: Attempt): Promise<void>;
}

export interface CronTask {
  kind: 'cron';
  name: string;
  /** crontab syntax, in UTC. */
  pattern: string;
  run(deps: JobDeps): Promise<void>;
}

export type Work = Subscriber | RowJob | CronTask;

export const defineSubscriber = <T extends EventType>(s: Omit<Subscriber<T>, 'kind'>): Subscriber<T> => ({
  kind: 'subscriber',
  ...s,
});
export const defineRowJob = (j: Omit<RowJob, 'kind'>): RowJob => ({ kind: 'row', ...j });
export const defineCron = (c: Omit<CronTask, 'kind'>): CronTask => ({ kind: 'cron', ...c });
