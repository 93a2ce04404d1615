import { TenantModel, type Row } from '../../db/model.js';

/** A client of the firm: the party its contacts belong to and its invoices are billed to. */
export class ClientModel extends TenantModel {
  static override tableName = 'clients';
  declare number: number;
  declare name: string;
  declare created_at: Date;
  declare updated_at: Date;
}

/** A client as the admin API reads it: with its primary contact's id. */
export type ClientWithPrimary = Row<ClientModel> & { primary_contact_id: string | null };
