import type { RequestDb } from '../../db/request-db.js';
import { newToken, tokenHash } from '../../security/tokens.js';
import type { Row } from '../../db/model.js';
import type { OneTimeTokenModel } from '../../security/models.js';

/** Who is behind a login-as-client link: always an admin; and the admin API key, when one asked for it. */
export interface Impersonator {
  staffUserId: string;
  apiKeyId: string | null;
}

/**
 * Issues a single-use impersonation link token for the contact (staff role, via a
 * definer function: the request roles never read the tokens table). Other open
 * links of the contact stay valid: two previews may be opened side by side.
 */
export async function issueImpersonationLink(
  db: RequestDb,
  contactId: string,
  impersonator: Impersonator,
  ttlSeconds: number,
  reason: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken('cfl');
  const [row] = await db.query<Pick<Row<OneTimeTokenModel>, 'expires_at'>>(
    `SELECT caseflow.issue_impersonation_link($1, $2, $3, $4, make_interval(secs => $5), $6) AS expires_at`,
    [contactId, impersonator.staffUserId, impersonator.apiKeyId, tokenHash(token), ttlSeconds, reason],
  );
  return { token, expiresAt: row!.expires_at };
}

/** An impersonation link as its consumption returns it (its contact and admin are always set). */
export type ConsumedImpersonationLink = Pick<Row<OneTimeTokenModel>, 'id' | 'impersonator_key_id' | 'reason'> & {
  contact_id: string;
  impersonator_id: string;
};

/**
 * Consumes an impersonation link atomically (caseflow_auth, in the firm the host
 * names: another firm's link is simply not found and stays unspent). At most one
 * caller ever gets the row, and only while it is unused, unrevoked and unexpired.
 */
export async function consumeImpersonationLink(
  db: RequestDb,
  token: string,
): Promise<ConsumedImpersonationLink | undefined> {
  const [row] = await db.query<ConsumedImpersonationLink>(
    `UPDATE one_time_tokens SET used_at = now()
      WHERE token_hash = $1 AND purpose = 'impersonation'
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING id, contact_id, impersonator_id, impersonator_key_id, reason`,
    [tokenHash(token)],
  );
  return row;
}
