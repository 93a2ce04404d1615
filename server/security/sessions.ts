import type { RequestDb } from '../db/request-db.js';
import { SessionModel } from './models.js';
import { tokenHash } from './tokens.js';

/**
 * Ends the live sessions of one contact or staff user (a new password ends those
 * made with the old one), except the session `except` when given (the one that
 * changed the password keeps working).
 */
export async function endSessionsOf(
  db: RequestDb,
  holder: { contactId: string } | { staffUserId: string },
  except?: string,
): Promise<void> {
  const builder = SessionModel.query(db.knex)
    .patch({ revoked_at: SessionModel.raw('now()') } as never)
    .where('contactId' in holder ? { contact_id: holder.contactId } : { staff_user_id: holder.staffUserId })
    .whereNull('revoked_at');
  if (except) builder.whereNot('id', except);
  await builder;
}

/** Ends the live portal session of this token (a cookie login replaces the browser's previous session). */
export async function endPortalSessionOfToken(db: RequestDb, token: string): Promise<void> {
  await SessionModel.query(db.knex)
    .patch({ revoked_at: SessionModel.raw('now()') } as never)
    .where({ token_hash: tokenHash(token), audience: 'portal' })
    .whereNull('revoked_at');
}
