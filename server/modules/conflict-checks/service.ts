import type { z } from 'zod';
import type { List, ParamCode } from '../../../sdk/schemas/common.js';
import type {
  ConflictCheck,
  ConflictCheckListQuery,
  ConflictCheckRequest,
  ConflictCheckSummary,
} from '../../../sdk/schemas/conflict-checks.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as leads from '../leads/service.js';
import * as matters from '../matters/service.js';
import {
  ConflictCheckMatchModel,
  ConflictCheckModel,
  type ConflictCheckWithCount,
  type ConflictMatchRow,
} from './models.js';
import { candidates, pairMatches, searchKeys } from './search.js';
import { adminConflictCheck, adminConflictCheckSummary } from './serialize.js';

export const messages = {
  notFound: 'No such conflict check.',
  unknownMatter: 'No such matter in this firm.',
  unknownLead: 'No such lead in this firm.',
};

/** Checks with how many matches each found. */
function selectChecks(db: RequestDb) {
  return ConflictCheckModel.query(db.knex)
    .select(
      'conflict_checks.id',
      'conflict_checks.parties',
      'conflict_checks.result',
      'conflict_checks.matter_id',
      'conflict_checks.lead_id',
      'conflict_checks.note',
      'conflict_checks.run_by_type',
      'conflict_checks.run_by_id',
      'conflict_checks.created_at',
      ConflictCheckModel.relatedQuery('matches').count().castTo<number>().as('match_count'),
    )
    .castTo<ConflictCheckWithCount[]>();
}

const invalid = (path: string, message: string, code?: ParamCode) =>
  new ValidationError(message, [{ path, message, ...(code ? { code } : {}) }]);

/** The firm's conflict checks, newest first (without their matches). */
export async function list(
  db: RequestDb,
  query: z.output<typeof ConflictCheckListQuery>,
): Promise<List<z.input<typeof ConflictCheckSummary>>> {
  const rows = await keysetPage(selectChecks(db), 'conflict_checks', query);
  return toList(rows, query.limit, adminConflictCheckSummary);
}

/** One check with its matches, in the order the check found them. */
export async function retrieve(db: RequestDb, id: string): Promise<z.input<typeof ConflictCheck>> {
  const [row] = await selectChecks(db).where('conflict_checks.id', id);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  const matches = await ConflictCheckMatchModel.query(db.knex)
    .select('party_index', 'kind', 'record_id', 'matched_name', 'matched_email', 'matched_on')
    .where({ check_id: id })
    .orderBy('position')
    .castTo<ConflictMatchRow[]>();
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
  if (body.matter_id && !(await matters.exists(db, body.matter_id))) {
    throw invalid('body.matter_id', messages.unknownMatter, 'not_found');
  }
  if (body.lead_id && !(await leads.exists(db, body.lead_id)))
    throw invalid('body.lead_id', messages.unknownLead, 'not_found');
  const keys = await searchKeys(db, body.parties);
  const names = [...new Set(keys.map((k) => k.name_key).filter((k) => k !== null))];
  const emails = [...new Set(keys.map((k) => k.email_key).filter((k) => k !== null))];
  const rows = await candidates(db, names, emails, { matterId: body.matter_id ?? null, leadId: body.lead_id ?? null });
  const matches = pairMatches(keys, rows);

  const parties = body.parties.map((p) => ({ name: p.name, email: p.email ?? null }));
  const { id } = await ConflictCheckModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      parties,
      result: matches.length ? 'potential_conflict' : 'clear',
      matter_id: body.matter_id ?? null,
      lead_id: body.lead_id ?? null,
      note: body.note ?? null,
      run_by_type: act.admin.principal_type,
      run_by_id: act.admin.principal_id,
    } as never)
    .returning('id')
    .castTo<Pick<Row<ConflictCheckModel>, 'id'>>();
  if (matches.length) {
    // One multi-row INSERT, in the order the check found them.
    await ConflictCheckMatchModel.query(db.knex).insert(
      matches.map((m, position) => ({ tenant_id: currentTenant(), check_id: id, position, ...m })) as never,
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
