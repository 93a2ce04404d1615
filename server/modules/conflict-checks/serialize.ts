import type { z } from 'zod';
import type { ConflictCheck, ConflictCheckSummary, ConflictMatch } from '../../../sdk/schemas/conflict-checks.js';
import type { ConflictCheckWithCount, ConflictMatchRow } from './models.js';

/** The admin API's allow-list of conflict check fields (the list shows no matches). */
export function adminConflictCheckSummary(row: ConflictCheckWithCount): z.input<typeof ConflictCheckSummary> {
  return {
    id: row.id,
    parties: row.parties.map((p) => ({ name: p.name, email: p.email })),
    result: row.result,
    match_count: row.match_count,
    matter_id: row.matter_id,
    lead_id: row.lead_id,
    note: row.note,
    run_by: { type: row.run_by_type, id: row.run_by_id },
    created_at: row.created_at.toISOString(),
  };
}

export function adminConflictMatch(row: ConflictMatchRow): z.input<typeof ConflictMatch> {
  return {
    party_index: row.party_index,
    kind: row.kind,
    record_id: row.record_id,
    matched_name: row.matched_name,
    matched_email: row.matched_email,
    matched_on: row.matched_on,
  };
}

export function adminConflictCheck(
  row: ConflictCheckWithCount,
  matches: ConflictMatchRow[],
): z.input<typeof ConflictCheck> {
  return { ...adminConflictCheckSummary(row), matches: matches.map(adminConflictMatch) };
}
