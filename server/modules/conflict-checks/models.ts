import type { ConflictCheckResult, ConflictMatchKind } from '../../../sdk/schemas/conflict-checks.js';

/** A conflict check row with its match count, as the admin API reads it. */
export interface ConflictCheckRow {
  id: string;
  parties: { name: string; email: string | null }[];
  result: ConflictCheckResult;
  match_count: number;
  matter_id: string | null;
  lead_id: string | null;
  note: string | null;
  run_by_type: 'staff' | 'api_key';
  run_by_id: string;
  created_at: Date;
}

export interface ConflictMatchRow {
  party_index: number;
  kind: ConflictMatchKind;
  record_id: string;
  matched_name: string;
  matched_email: string | null;
  matched_on: 'name' | 'email';
}

/** A record a check found, with the keys it is searched by. */
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
