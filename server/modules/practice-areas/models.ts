import { TenantModel } from '../../db/model.js';

/** A practice area of the firm (Family law, Real estate…): archived, never deleted. */
export class PracticeAreaModel extends TenantModel {
  static override tableName = 'practice_areas';
  declare name: string;
  declare archived_at: Date | null;
  declare created_at: Date;
  declare updated_at: Date;
}
