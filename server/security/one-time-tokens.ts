import type { RequestDb } from '../db/request-db.js';
import { newToken, tokenHash } from './tokens.js';

/** Welcome, reset and invite links are valid this long (DESIGN §2). */
export const LINK_LIFETIME_HOURS = 48;

export type OneTimePurpose = 'contact_welcome' | 'contact_reset' | 'staff_invite';

export type OneTimeSubject = { contactId: string } | { staffUserId: string };

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issues a single-use link token for a contact or a staff user inside the
 * caller's transaction, revoking any open link of that person. Runs through a
 * definer function, so the staff and platform roles never read the tokens table.
 */
export async function issueOneTimeToken(
  db: RequestDb,
  purpose: OneTimePurpose,
  subject: OneTimeSubject,
): Promise<IssuedToken> {
  const token = newToken('cfl');
  const [row] = await db.query<{ expires_at: Date }>(
    `SELECT caseflow.issue_one_time_token($1, $2, $3, $4, make_interval(hours => $5)) AS expires_at`,
    [
      purpose,
      'contactId' in subject ? subject.contactId : null,
      'staffUserId' in subject ? subject.staffUserId : null,
      tokenHash(token),
      LINK_LIFETIME_HOURS,
    ],
  );
  return { token, expiresAt: row!.expires_at };
}

export interface ConsumedToken {
  purpose: OneTimePurpose;
  contact_id: string | null;
  staff_user_id: string | null;
}

/**
 * Consumes a link token atomically (caseflow_auth only): at most one caller ever
 * gets the row back, and only while it is unused, unrevoked and unexpired.
 */
export async function consumeOneTimeToken(
  db: RequestDb,
  token: string,
  purposes: OneTimePurpose[],
): Promise<ConsumedToken | undefined> {
  const [row] = await db.query<ConsumedToken>(
    `UPDATE one_time_tokens SET used_at = now()
      WHERE tenant_id = caseflow.current_tenant() AND token_hash = $1 AND purpose = ANY($2)
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING purpose, contact_id, staff_user_id`,
    [tokenHash(token), purposes],
  );
  return row;
}
