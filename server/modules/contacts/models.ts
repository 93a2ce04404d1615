import { Model } from 'objection';
import type { PortalPermission } from '../../db/request-transaction.js';

/** A contact as the admin API reads it (never the password hash: staff cannot read it). */
export class ContactRow extends Model {
  static override tableName = 'contacts';
  static override idColumn = ['tenant_id', 'id'];
  declare id: string;
  declare client_id: string;
  declare first_name: string;
  declare last_name: string;
  declare title: string | null;
  declare email: string;
  declare phone: string | null;
  declare text_direction: 'ltr' | 'rtl';
  declare receives_invoice_emails: boolean;
  declare is_primary: boolean;
  declare active: boolean;
  declare portal_access: boolean;
  declare permissions: PortalPermission[];
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
  'receives_invoice_emails',
  'is_primary',
  'active',
  'portal_access',
  'permissions',
  'created_at',
  'updated_at',
] as const;
