/**
 * Delivers one queued email (the `deliver_email` job its outbox row's trigger
 * enqueued). The body is opened with the keyring in a short transaction, sent
 * with no transaction open (an SMTP server may be slow), and marked sent with
 * its body purged in another. A failure records the error and is retried by
 * the queue with its backoff; after the last attempt (the 8th: the outbox
 * trigger's argument) the message is marked failed and its body purged too. A message already sent is not sent again.
 */
import type { Config } from '../../config.js';
import type { Pool } from '../../db/pool.js';
import type { Keyring } from '../../security/keyring.js';
import type { Attempt } from '../../jobs/subscriber.js';
import { inFirm } from '../../jobs/worker-scope.js';
import type { MailTransport } from './transport.js';
import type { Row } from '../../db/model.js';
import type { EmailOutboxModel } from './models.js';

/** A pending message and its firm's name (the sender's display name). */
type Due = Pick<Row<EmailOutboxModel>, 'id' | 'to_address' | 'subject'> & { sealed_body: Buffer; firm_name: string };

export interface DeliveryDeps {
  config: Config;
  pool: Pool;
  keyring: Keyring;
  transport: MailTransport;
}

export async function deliverEmail(
  deps: DeliveryDeps,
  tenantId: string,
  outboxId: string,
  attempt: Attempt,
): Promise<void> {
  const message = await inFirm(deps.pool, tenantId, async (db) => {
    const [due] = await db.query<Due>(
      `SELECT o.id, o.to_address, o.subject, o.sealed_body, t.name AS firm_name
         FROM email_outbox o JOIN tenants t ON t.id = o.tenant_id
        WHERE o.tenant_id = $1 AND o.id = $2 AND o.status = 'pending'`,
      [tenantId, outboxId],
    );
    if (!due) return undefined;
    const body = JSON.parse(
      (await deps.keyring.open(db, tenantId, 'email_outbox', due.sealed_body)).toString('utf8'),
    ) as {
      text: string;
      html: string;
    };
    return { ...due, body };
  });
  if (!message) return;
  try {
    await deps.transport.send({
      id: message.id,
      from:
        deps.config.MAIL_FROM ?? `"${message.firm_name.replace(/["\\]/g, '')}" <no-reply@${deps.config.BASE_DOMAIN}>`,
      to: message.to_address,
      subject: message.subject,
      ...message.body,
    });
  } catch (error) {
    await inFirm(deps.pool, tenantId, (db) =>
      db.query(
        `UPDATE email_outbox
            SET attempts = $3, last_error = $4,
                status = CASE WHEN $5 THEN 'failed' ELSE 'pending' END,
                sealed_body = CASE WHEN $5 THEN NULL ELSE sealed_body END,
                -- the queue's own backoff (graphile-worker: e^attempts seconds), shown by caseflow mail list
                next_attempt_at = now() + make_interval(secs => exp(least($3, 10)))
          WHERE tenant_id = $1 AND id = $2`,
        [tenantId, outboxId, attempt.attempts, String((error as Error).message).slice(0, 500), attempt.last],
      ),
    );
    throw error;
  }
  await inFirm(deps.pool, tenantId, (db) =>
    db.query(
      `UPDATE email_outbox SET status = 'sent', sent_at = now(), sealed_body = NULL, attempts = $3, last_error = NULL
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, outboxId, attempt.attempts],
    ),
  );
}
