import { randomUUID } from 'node:crypto';
import type { RequestDb } from '../../db/request-db.js';
import type { Keyring } from '../../security/keyring.js';
import type { RenderedEmail } from './templates.js';

/**
 * Queues an email inside the caller's transaction, so it is sent only if the
 * change that causes it commits. The body carries single-use links and is sealed
 * with the tenant key; the request roles may insert but never read the outbox,
 * hence the id made here rather than RETURNING.
 */
export async function enqueueEmail(
  db: RequestDb,
  keyring: Keyring,
  tenantId: string,
  to: string,
  email: RenderedEmail,
): Promise<string> {
  const id = randomUUID();
  const sealed = await keyring.seal(
    db,
    tenantId,
    'email_outbox',
    JSON.stringify({ text: email.text, html: email.html }),
  );
  await db.query(
    `INSERT INTO email_outbox (tenant_id, id, template, to_address, subject, sealed_body)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [tenantId, id, email.template, to, email.subject, sealed],
  );
  return id;
}
