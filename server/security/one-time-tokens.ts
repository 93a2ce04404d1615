import type { RequestDb } from '../db/request-db.js';
import { BadRequestError } from '../errors.js';
import { newToken, tokenHash } from './tokens.js';
import type { Row } from '../db/model.js';
import type { OneTimeTokenModel } from './models.js';

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
  const [row] = await db.query<Pick<Row<OneTimeTokenModel>, 'expires_at'>>(
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

/** A password link as its consumption returns it (never an impersonation link: those have their own). */
export type ConsumedToken = Pick<Row<OneTimeTokenModel>, 'contact_id' | 'staff_user_id'> & { purpose: OneTimePurpose };

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
      WHERE token_hash = $1 AND purpose = ANY($2)
        AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
      RETURNING purpose, contact_id, staff_user_id`,
    [tokenHash(token), purposes],
  );
  return row;
}

export const LINK_INVALID_MESSAGE = 'This link has expired or was already used. Ask for a new one.';

export interface RedeemedPasswordLink {
  purpose: OneTimePurpose;
  /** The contact's or the staff user's id, as the link's purpose says. */
  accountId: string;
  email: string;
}

/**
 * Consumes a set-password link and stores the new hash on the active account it
 * names, in the caller's caseflow_auth transaction. A used, revoked or expired
 * link, or a deactivated account, is one and the same 400: nothing tells them apart.
 */
export async function redeemPasswordLink(
  db: RequestDb,
  token: string,
  purposes: OneTimePurpose[],
  passwordHash: string,
): Promise<RedeemedPasswordLink> {
  const link = await consumeOneTimeToken(db, token, purposes);
  const accountId = link?.contact_id ?? link?.staff_user_id;
  if (!link || !accountId) throw new BadRequestError('link_invalid', LINK_INVALID_MESSAGE);
  const table = link.contact_id ? 'contacts' : 'staff_users';
  const [account] = await db.query<{ email: string }>(
    `UPDATE ${table} SET password_hash = $2, updated_at = now()
      WHERE id = $1 AND active
      RETURNING email`,
    [accountId, passwordHash],
  );
  if (!account) throw new BadRequestError('link_invalid', LINK_INVALID_MESSAGE);
  return { purpose: link.purpose, accountId, email: account.email };
}
