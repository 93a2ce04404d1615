import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import { RequestDb } from '../../db/request-db.js';
import type { Keyring } from '../../security/keyring.js';
import type { MailTransport } from './transport.js';

/** Attempts before a message is given up (its body is purged then too). */
export const MAX_ATTEMPTS = 8;

interface Due {
  tenant_id: string;
  id: string;
  to_address: string;
  subject: string;
  sealed_body: Buffer;
  attempts: number;
  firm_name: string;
}

/**
 * One kind of background work: claims and handles at most one item in the
 * transaction it is given (as caseflow_worker); false when nothing is due.
 */
export type Job = (db: RequestDb) => Promise<boolean>;

/**
 * Delivers the email outbox after commit, after running the jobs that may queue
 * email (such as password reset requests). Each item is claimed in its own
 * transaction as caseflow_worker (FOR UPDATE SKIP LOCKED, so several servers
 * share the work). A message is opened with the keyring, sent, and marked sent
 * with its body purged; a failure is retried with exponential backoff. Services
 * call `kick()` after committing so mail leaves at once rather than at the next poll.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly deps: { config: Config; pool: Pool; keyring: Keyring; transport: MailTransport; logger: Logger },
    private readonly jobs: Job[] = [],
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Deliver now (after a commit that queued mail). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  /** Resolves once every message due now has been attempted (tests and shutdown use it). */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    await this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.deps.transport.close();
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.run(), ms);
    this.timer.unref();
  }

  private run(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      try {
        do {
          this.again = false;
          for (const job of [...this.jobs, (db: RequestDb) => this.deliverOne(db)]) {
            while (!this.stopped && (await this.inWorkerTransaction(job)));
          }
        } while (this.again && !this.stopped);
      } catch (error) {
        this.deps.logger.error({ err: error }, 'mail worker failed');
      } finally {
        this.running = undefined;
        this.schedule(this.deps.config.MAIL_POLL_MS);
      }
    })();
    return this.running;
  }

  private async inWorkerTransaction(job: Job): Promise<boolean> {
    const client = await this.deps.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN; SET LOCAL ROLE caseflow_worker;');
      const worked = await job(new RequestDb(client));
      await client.query('COMMIT');
      return worked;
    } catch (error) {
      broken = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Claims and attempts one due message; false when none is due. */
  private async deliverOne(db: RequestDb): Promise<boolean> {
    const [due] = await db.query<Due>(
      `SELECT o.tenant_id, o.id, o.to_address, o.subject, o.sealed_body, o.attempts, t.name AS firm_name
           FROM email_outbox o JOIN tenants t ON t.id = o.tenant_id
          WHERE o.status = 'pending' AND o.next_attempt_at <= now()
          ORDER BY o.next_attempt_at
          LIMIT 1
          FOR UPDATE OF o SKIP LOCKED`,
    );
    if (!due) return false;
    try {
      const body = JSON.parse(
        (await this.deps.keyring.open(db, due.tenant_id, 'email_outbox', due.sealed_body)).toString('utf8'),
      ) as { text: string; html: string };
      await this.deps.transport.send({
        id: due.id,
        from:
          this.deps.config.MAIL_FROM ??
          `"${due.firm_name.replace(/["\\]/g, '')}" <no-reply@${this.deps.config.BASE_DOMAIN}>`,
        to: due.to_address,
        subject: due.subject,
        ...body,
      });
      await db.query(
        `UPDATE email_outbox SET status = 'sent', sent_at = now(), sealed_body = NULL, attempts = attempts + 1, last_error = NULL
            WHERE tenant_id = $1 AND id = $2`,
        [due.tenant_id, due.id],
      );
    } catch (error) {
      const attempts = due.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      this.deps.logger.warn({ err: error, outbox_id: due.id, attempts }, 'email delivery failed');
      await db.query(
        `UPDATE email_outbox
              SET attempts = $3, last_error = $4,
                  status = CASE WHEN $5 THEN 'failed' ELSE 'pending' END,
                  sealed_body = CASE WHEN $5 THEN NULL ELSE sealed_body END,
                  next_attempt_at = now() + make_interval(secs => $6)
            WHERE tenant_id = $1 AND id = $2`,
        [due.tenant_id, due.id, attempts, String((error as Error).message).slice(0, 500), failed, 15 * 2 ** attempts],
      );
    }
    return true;
  }
}
