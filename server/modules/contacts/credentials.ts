import type { Language } from '../../../sdk/i18n.js';
import type { Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { sameEmailSql } from '../email/addresses.js';
import { ContactModel } from './models.js';

/**
 * What portal authentication reads and writes of a contact. Logins and
 * /portal/me are hot paths: their builders only compile, and the statement goes
 * out on the request's connection as one query, typed with the model's row type.
 * Hashes are read and written as caseflow_auth only.
 */

/** A contact as a password login checks it (caseflow_auth may read the hash). */
export type ContactCredential = Pick<
  Row<ContactModel>,
  'id' | 'client_id' | 'active' | 'portal_access' | 'password_hash'
>;

/** A contact, its client and the firm's branding and payment settings, as the portal profile shows them. */
export type PortalContactRow = Pick<
  Row<ContactModel>,
  'id' | 'first_name' | 'last_name' | 'email' | 'language' | 'client_id' | 'permissions'
> & {
  client_number: number;
  client_name: string;
  primary_color: string | null;
  logo_sha256: string | null;
  logo_media_type: string | null;
  payments_enabled: boolean;
  partial_payment_minimum: number | null;
};

/** The contact with this email (its normal form; any case, in any script), for a password login. */
export function findCredential(db: RequestDb, email: string): Promise<ContactCredential | undefined> {
  return db.first<ContactCredential>(
    ContactModel.query()
      .select('id', 'client_id', 'active', 'portal_access', 'password_hash')
      .whereRaw(sameEmailSql('email'), [email])
      .limit(1),
  );
}

/** The contact as the portal profile shows it, or undefined when the policies hide it. */
export function findPortalContact(db: RequestDb, contactId: string): Promise<PortalContactRow | undefined> {
  return db.first<PortalContactRow>(
    ContactModel.query()
      .select(
        'contacts.id',
        'contacts.first_name',
        'contacts.last_name',
        'contacts.email',
        'contacts.language',
        'contacts.client_id',
        'clients.number as client_number',
        'clients.name as client_name',
        'contacts.permissions',
        'tenants.primary_color',
        'tenant_logos.sha256 as logo_sha256',
        'tenant_logos.media_type as logo_media_type',
        // Stripe (see modules/stripe): whether clients can pay online, and the smallest partial payment.
        ContactModel.raw(
          `COALESCE((SELECT s.enabled FROM stripe_accounts s WHERE s.tenant_id = contacts.tenant_id), false)
             AS payments_enabled`,
        ),
        ContactModel.raw(
          `(SELECT s.partial_payment_minimum FROM stripe_accounts s
             WHERE s.tenant_id = contacts.tenant_id AND s.allow_partial_payments) AS partial_payment_minimum`,
        ),
      )
      .join('clients', (join) =>
        join.on('clients.tenant_id', 'contacts.tenant_id').andOn('clients.id', 'contacts.client_id'),
      )
      .join('tenants', 'tenants.id', 'contacts.tenant_id')
      .leftJoin('tenant_logos', 'tenant_logos.tenant_id', 'contacts.tenant_id')
      .where('contacts.id', contactId)
      .limit(1),
  );
}

/** The contact's password hash (null: none set yet). */
export async function passwordHashOf(db: RequestDb, contactId: string): Promise<string | null> {
  const [row] = await ContactModel.query(db.knex)
    .select('password_hash')
    .where({ id: contactId })
    .castTo<Pick<Row<ContactModel>, 'password_hash'>[]>();
  return row?.password_hash ?? null;
}

/** Stores a new password hash for the contact. */
export async function setPasswordHash(db: RequestDb, contactId: string, hash: string): Promise<void> {
  await ContactModel.query(db.knex)
    .patch({ password_hash: hash, updated_at: ContactModel.fn.now() } as never)
    .where({ id: contactId });
}

/** Stores the contact's own language (null: the firm's default); the policies let a portal session change only its own row. */
export async function setLanguage(db: RequestDb, contactId: string, language: Language | null): Promise<void> {
  await ContactModel.query(db.knex)
    .patch({ language, updated_at: ContactModel.fn.now() } as never)
    .where({ id: contactId });
}

/** The active, portal-enabled contact of this email at the firm the transaction acts for, who may be sent a reset link. */
export async function findResettable(
  db: RequestDb,
  email: string,
): Promise<Pick<Row<ContactModel>, 'id' | 'first_name' | 'email' | 'language'> | undefined> {
  const [contact] = await ContactModel.query(db.knex)
    .select('id', 'first_name', 'email', 'language')
    .where({ active: true, portal_access: true })
    .whereRaw(sameEmailSql('email'), [email])
    .castTo<Pick<Row<ContactModel>, 'id' | 'first_name' | 'email' | 'language'>[]>();
  return contact;
}
