import { Model } from 'objection';

/** A client as the admin API reads it, with its primary contact's id. */
export class ClientRow extends Model {
  static override tableName = 'clients';
  static override idColumn = ['tenant_id', 'id'];
  declare id: string;
  declare number: number;
  declare name: string;
  declare primary_contact_id: string | null;
  declare created_at: Date;
  declare updated_at: Date;
}
