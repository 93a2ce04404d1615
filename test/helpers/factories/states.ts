/**
 * Named states the API cannot put a row in (time passing, a role changed behind
 * the API's back), forced with the owner connection. Each says what it does to
 * the row so a test reads as the situation it is about.
 */
import { tokenHash } from '../../../server/security/tokens.js';
import { idOf, ownerOf, type Db, type Ref } from './owner.js';

/** A Postgres interval, as the tests write them: '9 minutes', '1 hour', '24 hours 1 second'. */
type Interval = string;

const sessionOf = (db: Db, token: string) => ownerOf(db)('sessions').where({ token_hash: tokenHash(token) });

/** The session of `token` was last used `ago` before now (database clock). */
export async function idleSession(db: Db, token: string, ago: Interval): Promise<void> {
  await sessionOf(db, token).update({ last_seen_at: ownerOf(db).raw(`now() - ?::interval`, [ago]) });
}

/** The session of `token` just used (last seen now, database clock). */
export async function touchSession(db: Db, token: string): Promise<void> {
  await sessionOf(db, token).update({ last_seen_at: ownerOf(db).raw('now()') });
}

/** The session of `token` is past its absolute lifetime (expired a second ago). */
export async function expireSession(db: Db, token: string): Promise<void> {
  await sessionOf(db, token).update({ expires_at: ownerOf(db).raw(`now() - interval '1 second'`) });
}

/** The session of `token` ends `from` now on. */
export async function sessionExpiresIn(db: Db, token: string, from: Interval): Promise<void> {
  await sessionOf(db, token).update({ expires_at: ownerOf(db).raw(`now() + ?::interval`, [from]) });
}

/** A staff user's role or active flag changed with the owner connection (the API refuses it to oneself). */
export async function setStaff(
  db: Db,
  staff: Ref,
  changes: { role?: 'admin' | 'staff'; active?: boolean },
): Promise<void> {
  await ownerOf(db)('staff_users')
    .where({ id: idOf(staff) })
    .update(changes);
}

/** A contact's active flag or portal access changed with the owner connection (no audit, no emails, sessions kept). */
export async function setContact(
  db: Db,
  contact: Ref | { email: string },
  changes: { active?: boolean; portal_access?: boolean; password_hash?: string },
): Promise<void> {
  const where =
    typeof contact === 'object' && 'email' in contact ? { email: contact.email } : { id: idOf(contact as Ref) };
  await ownerOf(db)('contacts').where(where).update(changes);
}

/** The checkout sessions of `invoice` were last changed `ago` before now: what the reconcile cron looks for. */
export async function checkoutsUntouchedFor(db: Db, invoice: Ref, ago: Interval): Promise<void> {
  await ownerOf(db)('checkout_sessions')
    .where({ invoice_id: idOf(invoice) })
    .update({ updated_at: ownerOf(db).raw(`now() - ?::interval`, [ago]) });
}

/** The single-use link (one_time_tokens) of `token` expired a second ago. */
export async function expireLink(db: Db, token: string): Promise<void> {
  await ownerOf(db)('one_time_tokens')
    .where({ token_hash: tokenHash(token) })
    .update({ expires_at: ownerOf(db).raw(`now() - interval '1 second'`) });
}

/** The idempotency key `key` was stored `ago` before now (past 24 hours it is forgotten and purged). */
export async function ageIdempotencyKey(db: Db, key: string, ago: Interval): Promise<void> {
  await ownerOf(db)('idempotency_keys')
    .where({ key })
    .update({ created_at: ownerOf(db).raw(`now() - ?::interval`, [ago]) });
}

/** The client note of an invoice, whatever its status (the API edits drafts only). */
export async function setClientNote(db: Db, invoice: Ref, note: string | null): Promise<void> {
  await ownerOf(db)('invoices')
    .where({ id: idOf(invoice) })
    .update({ client_note: note });
}

/** The checkout session `stripeSessionId` as a crash between Stripe's answer and our second write leaves it: still creating, no Stripe id. */
export async function leaveCheckoutCreating(db: Db, stripeSessionId: string): Promise<void> {
  await ownerOf(db)('checkout_sessions')
    .where({ stripe_session_id: stripeSessionId })
    .update({ status: 'creating', stripe_session_id: null, url: null, expires_at: null });
}
