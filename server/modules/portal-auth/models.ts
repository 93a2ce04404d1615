import { Model } from 'objection';
import type { PortalPermission } from '../../db/request-transaction.js';

/** A contact as authentication reads it (caseflow_auth may read the hash). */
export class ContactCredential extends Model {
  static override tableName = 'contacts';
  static override idColumn = ['tenant_id', 'id'];
  declare id: string;
  declare client_id: string;
  declare active: boolean;
  declare portal_access: boolean;
  declare password_hash: string | null;
}

/** A contact and its client as the portal shows them. */
export class PortalContact extends Model {
  static override tableName = 'contacts';
  static override idColumn = ['tenant_id', 'id'];
  declare id: string;
  declare first_name: string;
  declare last_name: string;
  declare email: string;
  declare client_id: string;
  declare client_number: number;
  declare client_name: string;
  declare permissions: PortalPermission[];
  declare primary_color: string | null;
  declare logo_url: string | null;
  declare payments_enabled: boolean;
  declare partial_payment_minimum: number | null;
}
