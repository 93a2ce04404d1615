import type { ConflictMatchKind } from '../../../sdk/schemas/conflict-checks.js';
import type { RequestDb } from '../../db/request-db.js';
import type { CandidateRow, ConflictMatchRow } from './models.js';

/** A searched party with its keys, as caseflow.normalize_party_name / normalize_email make them. */
export interface SearchKey {
  name_key: string | null;
  email_key: string | null;
}

/** The searched parties' keys, computed by the same SQL functions as the stored ones (one round trip). */
export async function searchKeys(db: RequestDb, parties: { name: string; email?: string | undefined }[]) {
  return db.query<SearchKey>(
    `SELECT NULLIF(caseflow.normalize_party_name(p.name), '') AS name_key,
            NULLIF(caseflow.normalize_email(p.email), '') AS email_key
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p (name, email, i)
      ORDER BY p.i`,
    [parties.map((p) => p.name), parties.map((p) => p.email ?? null)],
  );
}

/** $1 name keys, $2 email keys, $3 the check's matter, $4 its lead (see `candidates`). */
export const candidateSql = `
     SELECT 'client' AS kind, id, name, NULL AS company, NULL AS email, name_key, NULL AS company_key, NULL AS email_key
       FROM clients WHERE name_key = ANY($1::text[])
     UNION ALL
     SELECT 'contact', id, first_name || ' ' || last_name, NULL, email, name_key, NULL, email_key
       FROM contacts WHERE name_key = ANY($1::text[]) OR email_key = ANY($2::text[])
     UNION ALL
     SELECT 'matter_party', id, name, NULL, email, name_key, NULL, email_key
       FROM matter_parties
      WHERE (name_key = ANY($1::text[]) OR email_key = ANY($2::text[])) AND matter_id IS DISTINCT FROM $3::uuid
     UNION ALL
     SELECT 'lead', id, name, company, email, name_key, company_key, email_key
       FROM leads
      WHERE (name_key = ANY($1::text[]) OR company_key = ANY($1::text[]) OR email_key = ANY($2::text[]))
        AND id IS DISTINCT FROM $4::uuid`;

/**
 * The firm's records whose stored keys equal any searched key: each branch is an
 * index lookup on a generated key column (`key = ANY($n)` is leakproof, so row-level
 * security lets the planner use the index). The check's own lead and the parties
 * of its own matter are left out: they would only find themselves.
 */
export async function candidates(
  db: RequestDb,
  names: string[],
  emails: string[],
  exclude: { matterId: string | null; leadId: string | null },
): Promise<CandidateRow[]> {
  return db.query<CandidateRow>(candidateSql, [names, emails, exclude.matterId, exclude.leadId]);
}

const kindOrder: ConflictMatchKind[] = ['client', 'contact', 'matter_party', 'lead'];

/**
 * Pairs each searched party with the records it matches: on the name (a lead's
 * company counts as a name) and, separately, on the email. One match per party,
 * record and ground, in a stable order: party, kind, name before email, name, id.
 */
export function pairMatches(keys: SearchKey[], rows: CandidateRow[]): ConflictMatchRow[] {
  const matches: ConflictMatchRow[] = [];
  keys.forEach((key, partyIndex) => {
    for (const row of rows) {
      const base = { party_index: partyIndex, kind: row.kind, record_id: row.id, matched_email: row.email };
      if (key.name_key && row.name_key === key.name_key) {
        matches.push({ ...base, matched_name: row.name, matched_on: 'name' });
      } else if (key.name_key && row.company_key === key.name_key) {
        matches.push({ ...base, matched_name: row.company!, matched_on: 'name' });
      }
      if (key.email_key && row.email_key === key.email_key) {
        matches.push({ ...base, matched_name: row.name, matched_on: 'email' });
      }
    }
  });
  return matches.sort(
    (a, b) =>
      a.party_index - b.party_index ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      (a.matched_on === b.matched_on ? 0 : a.matched_on === 'name' ? -1 : 1) ||
      (a.matched_name < b.matched_name ? -1 : a.matched_name > b.matched_name ? 1 : 0) ||
      (a.record_id < b.record_id ? -1 : a.record_id > b.record_id ? 1 : 0),
  );
}
