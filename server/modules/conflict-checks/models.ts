import { Model } from 'objection';
import type { ConflictCheckResult, ConflictMatchKind } from '../../../sdk/schemas/conflict-checks.js';
import { TenantModel, type Row } from '../../db/model.js';

/** A conflict check as it ran: the parties searched, as typed, and its result. Never changed. */
export class ConflictCheckModel extends TenantModel {
  static override tableName = 'conflict_checks';
  // jsonb: objection serialises the array as JSON (not as a Postgres array).
  static override jsonAttributes = ['parties'];
  declare parties: { name: string; email: string | null }[];
  declare result: ConflictCheckResult;
  declare matter_id: string | null;
  declare lead_id: string | null;
  declare note: string | null;
  /** Who ran it: a staff user or an API key (polymorphic, so no foreign key). */
  declare run_by_type: 'staff' | 'api_key';
  declare run_by_id: string;
  declare created_at: Date;
  declare matches?: ConflictCheckMatchModel[];

  static override get relationMappings() {
    return {
      matches: {
        relation: Model.HasManyRelation,
        modelClass: ConflictCheckMatchModel,
        join: {
          from: ['conflict_checks.tenant_id', 'conflict_checks.id'],
          to: ['conflict_check_matches.tenant_id', 'conflict_check_matches.check_id'],
        },
      },
    };
  }
}

/** One record a check found for one searched party, with its name and email as they were then. */
export class ConflictCheckMatchModel extends TenantModel {
  static override tableName = 'conflict_check_matches';
  declare check_id: string;
  /** The match's place in the check's answer. */
  declare position: number;
  declare party_index: number;
  declare kind: ConflictMatchKind;
  declare record_id: string;
  declare matched_name: string;
  declare matched_email: string | null;
  declare matched_on: 'name' | 'email';
}

/** A check as the admin API reads it: with how many matches it found. */
export type ConflictCheckWithCount = Omit<Row<ConflictCheckModel>, 'tenant_id' | 'matches'> & { match_count: number };

/** A match as the API shows it (its place and check are implied). */
export type ConflictMatchRow = Pick<
  Row<ConflictCheckMatchModel>,
  'party_index' | 'kind' | 'record_id' | 'matched_name' | 'matched_email' | 'matched_on'
>;

/** A record a check found, with the keys it is searched by (a row of the conflict search's SQL). */
export interface CandidateRow {
  kind: ConflictMatchKind;
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  name_key: string | null;
  company_key: string | null;
  email_key: string | null;
}
