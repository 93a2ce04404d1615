import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  ConflictCheck,
  ConflictCheckListQuery,
  ConflictCheckRequest,
  ConflictCheckSummary,
} from '../../../sdk/schemas/conflict-checks.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import type { ConflictCheckRow, ConflictMatchRow } from './models.js';
import { candidates, pairMatches, searchKeys } from './search.js';
import { adminConflictCheck, adminConflictCheckSummary } from './serialize.js';

export const messages = {
  notFound: 'No such conflict check.',
  unknownMatter: 'No such matter in this firm.',
  unknownLead: 'No such lead in this firm.',
};

const columns = `conflict_checks.id, conflict_checks.parties, conflict_checks.result, conflict_checks.matter_id,
  conflict_checks.lead_id, conflict_checks.note, conflict_checks.run_by_type, conflict_checks.run_by_id,
  conflict_checks.created_at,
  (SELECT count(*)::integer FROM conflict_check_matches m
    WHERE m.tenant_id = conflict_checks.tenant_id AND m.check_id = conflict_checks.id) AS match_count`;

const invalid = (path: string, message: string) => new ValidationError(message, [{ path, message }]);

/** The firm's conflict checks, newest first (without their matches). */
export async function list(
  db: RequestDb,
  query: z.output<typeof ConflictCheckListQuery>,
): Promise<List<z.input<typeof ConflictCheckSummary>>> {
  const params = new Params();
  const keyset = keysetSql('conflict_checks', params, query);
  const rows = await db.query<ConflictCheckRow>(
    `SELECT ${columns} FROM conflict_checks ${keyset.where ? `WHERE ${keyset.where}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminConflictCheckSummary);
}

/** One check with its matches, in the order the check found them. */
export async function retrieve(db: RequestDb, id: string): Promise<z.input<typeof ConflictCheck>> {
  const [row] = await db.query<ConflictCheckRow>(`SELECT ${columns} FROM conflict_checks WHERE id = $1`, [id]);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  const matches = await db.query<ConflictMatchRow>(
    `SELECT party_index, kind, record_id, matched_name, matched_email, matched_on
       FROM conflict_check_matches WHERE check_id = $1 ORDER BY position`,
    [id],
  );
  return adminConflictCheck(row, matches);
}

/**
 * Runs a check: searches the firm's clients, contacts, matter parties and leads
 * by normalised name and email, keeps the check and what it found, and answers
 * it. The audit event carries the result and counts but not the names searched:
 * those are confidential intake details, kept once, in the check itself.
 */
export async function run(
  act: AdminAct,
  body: z.output<typeof ConflictCheckRequest>,
): Promise<z.input<typeof ConflictCheck>> {
  const { db } = act;
  if (body.matter_id) {
    const [matter] = await db.query(`SELECT 1 FROM matters WHERE id = $1`, [body.matter_id]);
    if (!matter) throw invalid('body.matter_id', messages.unknownMatter);
  }
  if (body.lead_id) {
    const [lead] = await db.query(`SELECT 1 FROM leads WHERE id = $1`, [body.lead_id]);
    if (!lead) throw invalid('body.lead_id', messages.unknownLead);
  }
  const keys = await searchKeys(db, body.parties);
  const names = [...new Set(keys.map((k) => k.name_key).filter((k) => k !== null))];
  const emails = [...new Set(keys.map((k) => k.email_key).filter((k) => k !== null))];
  const rows = await candidates(db, names, emails, { matterId: body.matter_id ?? null, leadId: body.lead_id ?? null });
  const matches = pairMatches(keys, rows);

  const parties = body.parties.map((p) => ({ name: p.name, email: p.email ?? null }));
  const [check] = await db.query<{ id: string }>(
    `INSERT INTO conflict_checks (tenant_id, parties, result, matter_id, lead_id, note, run_by_type, run_by_id)
     VALUES (caseflow.current_tenant(), $1::jsonb, $2, $3, $4, $5, $6, $7)
     RETURNING id`,
    [
      JSON.stringify(parties),
      matches.length ? 'potential_conflict' : 'clear',
      body.matter_id ?? null,
      body.lead_id ?? null,
      body.note ?? null,
      act.admin.principal_type,
      act.admin.principal_id,
    ],
  );
  const id = check!.id;
  if (matches.length) {
    await db.query(
      `INSERT INTO conflict_check_matches
         (tenant_id, check_id, position, party_index, kind, record_id, matched_name, matched_email, matched_on)
       SELECT caseflow.current_tenant(), $1, m.position - 1, m.party_index, m.kind, m.record_id, m.matched_name,
              m.matched_email, m.matched_on
         FROM unnest($2::integer[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[])
              WITH ORDINALITY AS m (party_index, kind, record_id, matched_name, matched_email, matched_on, position)`,
      [
        id,
        matches.map((m) => m.party_index),
        matches.map((m) => m.kind),
        matches.map((m) => m.record_id),
        matches.map((m) => m.matched_name),
        matches.map((m) => m.matched_email),
        matches.map((m) => m.matched_on),
      ],
    );
  }
  await recordAudit(
    db,
    {
      action: 'conflict_check.run',
      ...adminActor(act.admin),
      subjectType: 'conflict_check',
      subjectId: id,
      data: {
        result: matches.length ? 'potential_conflict' : 'clear',
        match_count: matches.length,
        party_count: body.parties.length,
        matter_id: body.matter_id ?? null,
        lead_id: body.lead_id ?? null,
      },
    },
    act.meta,
  );
  return retrieve(db, id);
}
