import type { MatterStatus } from '../../../sdk/schemas/matters.js';
import { TenantModel } from '../../db/model.js';

/** A matter: a client's case, numbered per firm, optionally filed under a practice area. */
export class MatterModel extends TenantModel {
  static override tableName = 'matters';
  declare client_id: string;
  declare number: number;
  declare title: string;
  declare status: MatterStatus;
  declare practice_area_id: string | null;
  declare created_at: Date;
  declare updated_at: Date;
}
