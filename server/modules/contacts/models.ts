import { TenantModel, type Row } from '../../db/model.js';
import type { Language } from '../../../sdk/i18n.js';
import type { PortalPermission } from '../../db/request-transaction.js';

/**
 * A contact of a client. caseflow_staff has no grant on password_hash: staff
 * queries name their columns (contactColumns); only caseflow_auth reads the hash.
 */
export class ContactModel extends TenantModel {
  static override tableName = 'contacts';
  declare client_id: string;
  declare first_name: string;
  declare last_name: string;
  declare title: string | null;
  declare email: string;
  declare phone: string | null;
  declare text_direction: 'ltr' | 'rtl';
  declare language: Language | null;
  declare receives_invoice_emails: boolean;
  declare is_primary: boolean;
  declare active: boolean;
  declare portal_access: boolean;
  declare permissions: PortalPermission[];
  declare password_hash: string | null;
  /** Normalised name and email, kept by a trigger for conflict checks. */
  declare name_key: string | null;
  declare email_key: string | null;
  declare created_at: Date;
  declare updated_at: Date;
}

/** The columns the admin API reads, in the order of the wire object. */
export const contactColumns = [
  'id',
  'client_id',
  'first_name',
  'last_name',
  'title',
  'email',
  'phone',
  'text_direction',
  'language',
  'receives_invoice_emails',
  'is_primary',
  'active',
  'portal_access',
  'permissions',
  'created_at',
  'updated_at',
] as const;

/** A contact as the admin API reads it (never the password hash). */
export type AdminContactRow = Pick<Row<ContactModel>, (typeof contactColumns)[number]>;
