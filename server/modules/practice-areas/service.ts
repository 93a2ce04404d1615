import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  PracticeArea,
  PracticeAreaCreateRequest,
  PracticeAreaListQuery,
  PracticeAreaUpdateRequest,
} from '../../../sdk/schemas/practice-areas.js';
import { isUniqueViolation } from '../../db/errors.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { PracticeAreaModel } from './models.js';
import { adminPracticeArea } from './serialize.js';

export const messages = {
  notFound: 'No such practice area.',
  nameTaken: (name: string) => `This firm already has a practice area named "${name}".`,
  unknown: 'No such practice area in this firm.',
  archived: (name: string) => `The practice area "${name}" is archived: unarchive it or choose another.`,
};

type AreaOut = z.input<typeof PracticeArea>;

/** The firm's practice areas by name (case-insensitively), then id; the cursor is the last area's id. */
export async function list(db: RequestDb, query: z.output<typeof PracticeAreaListQuery>): Promise<List<AreaOut>> {
  const builder = PracticeAreaModel.query(db.knex)
    .orderByRaw('lower(name), id')
    .limit(query.limit + 1);
  if (!query.include_archived) builder.whereNull('archived_at');
  if (query.starting_after) {
    builder.whereRaw(`(lower(name), id) > (SELECT lower(c.name), c.id FROM practice_areas c WHERE c.id = ?)`, [
      query.starting_after,
    ]);
  }
  return toList(await builder, query.limit, adminPracticeArea);
}

async function find(db: RequestDb, id: string): Promise<Row<PracticeAreaModel> | undefined> {
  return PracticeAreaModel.query(db.knex).where({ id }).first();
}

const isNameTaken = (error: unknown) => isUniqueViolation(error, 'practice_areas_name');

export async function create(act: AdminAct, body: z.output<typeof PracticeAreaCreateRequest>): Promise<AreaOut> {
  const { db } = act;
  let row: Row<PracticeAreaModel>;
  try {
    row = await PracticeAreaModel.query(db.knex)
      .insert({ tenant_id: currentTenant(), name: body.name } as never)
      .returning('*')
      .castTo<Row<PracticeAreaModel>>();
  } catch (error) {
    if (isNameTaken(error)) throw new ConflictError('practice_area_name_taken', messages.nameTaken(body.name));
    throw error;
  }
  await recordAudit(
    db,
    {
      action: 'practice_area.created',
      ...adminActor(act.admin),
      subjectType: 'practice_area',
      subjectId: row.id,
      data: { name: row.name },
    },
    act.meta,
  );
  return adminPracticeArea(row);
}

export async function update(
  act: AdminAct,
  id: string,
  body: z.output<typeof PracticeAreaUpdateRequest>,
): Promise<AreaOut> {
  const { db } = act;
  const before = await find(db, id);
  if (!before) throw new NotFoundError('resource_missing', messages.notFound);
  let row: Row<PracticeAreaModel>;
  try {
    [row] = (await PracticeAreaModel.query(db.knex)
      .patch({
        ...(body.name != null && { name: body.name }),
        // Archiving keeps the first archiving's time; unarchiving clears it.
        ...(body.archived != null && {
          archived_at: body.archived ? PracticeAreaModel.raw('coalesce(archived_at, now())') : null,
        }),
        updated_at: PracticeAreaModel.fn.now(),
      } as never)
      .where({ id })
      .returning('*')
      .castTo<Row<PracticeAreaModel>[]>()) as [Row<PracticeAreaModel>];
  } catch (error) {
    if (isNameTaken(error)) throw new ConflictError('practice_area_name_taken', messages.nameTaken(body.name!));
    throw error;
  }
  const changes: Record<string, unknown> = {};
  if (row.name !== before.name) changes.name = { from: before.name, to: row.name };
  const wasArchived = before.archived_at !== null;
  const isArchived = row.archived_at !== null;
  if (wasArchived !== isArchived) changes.archived = { from: wasArchived, to: isArchived };
  const action =
    'archived' in changes
      ? isArchived
        ? 'practice_area.archived'
        : 'practice_area.unarchived'
      : 'practice_area.updated';
  await recordAudit(
    db,
    { action, ...adminActor(act.admin), subjectType: 'practice_area', subjectId: id, data: changes },
    act.meta,
  );
  return adminPracticeArea(row);
}

/**
 * Checks that `id` may be given to a matter: an area of this firm that is not
 * archived (an area a matter already has may stay when it is archived later).
 */
export async function assertAssignable(db: RequestDb, id: string, path: string): Promise<void> {
  const row = await find(db, id);
  if (!row) throw new ValidationError(messages.unknown, [{ path, code: 'not_found', message: messages.unknown }]);
  if (row.archived_at) {
    throw new ValidationError(
      messages.archived(row.name),
      [{ path, message: messages.archived(row.name) }],
      'practice_area_archived',
    );
  }
}
