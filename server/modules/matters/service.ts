import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  Matter,
  MatterCreateRequest,
  MatterListQuery,
  MatterUpdateRequest,
} from '../../../sdk/schemas/matters.js';
import { isUniqueViolation } from '../../db/errors.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as clients from '../clients/service.js';
import { assertAssignable } from '../practice-areas/service.js';
import { MatterModel } from './models.js';
import { adminMatter } from './serialize.js';

export const messages = {
  notFound: 'No such matter.',
  unknownClient: 'No such client in this firm.',
  numberTaken: (number: number) => `Another matter of this firm already has number ${number}.`,
};

type MatterOut = z.input<typeof Matter>;

/** The firm's matters, newest first, optionally one client's. */
export async function list(db: RequestDb, query: z.output<typeof MatterListQuery>): Promise<List<MatterOut>> {
  const builder = keysetPage(MatterModel.query(db.knex), 'matters', query);
  if (query.client_id) builder.where('matters.client_id', query.client_id);
  return toList(await builder, query.limit, adminMatter);
}

async function find(db: RequestDb, id: string): Promise<Row<MatterModel> | undefined> {
  return MatterModel.query(db.knex).where({ id }).first();
}

export async function retrieve(db: RequestDb, id: string): Promise<MatterOut> {
  const row = await find(db, id);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  return adminMatter(row);
}

/** Whether the matter exists in the firm (another firm's matters never do). */
export async function exists(db: RequestDb, id: string): Promise<boolean> {
  return (await MatterModel.query(db.knex).select(1).where({ id }).first()) !== undefined;
}

/**
 * The client and number of a matter of the firm, for the modules that file
 * records under it (plain data: no model instance leaves the module).
 */
export async function identify(
  db: RequestDb,
  id: string,
): Promise<Pick<Row<MatterModel>, 'client_id' | 'number'> | undefined> {
  const matter = await MatterModel.query(db.knex).select('client_id', 'number').where({ id }).first();
  return matter && { client_id: matter.client_id, number: matter.number };
}

/**
 * Creates a matter. Without a number it takes the next one (highest + 1, the
 * first is 1) under a per-firm advisory lock, as client numbers do.
 */
export async function create(act: AdminAct, body: z.output<typeof MatterCreateRequest>): Promise<MatterOut> {
  const { db } = act;
  if (!(await clients.exists(db, body.client_id))) {
    throw new ValidationError(messages.unknownClient, [
      { path: 'body.client_id', code: 'not_found', message: messages.unknownClient },
    ]);
  }
  if (body.practice_area_id) await assertAssignable(db, body.practice_area_id, 'body.practice_area_id');
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('matters:' || caseflow.current_tenant()))`);
  let row: Pick<Row<MatterModel>, 'id' | 'number'>;
  try {
    row = await MatterModel.query(db.knex)
      .insert({
        tenant_id: currentTenant(),
        client_id: body.client_id,
        number: MatterModel.raw(`COALESCE(?::integer, (SELECT COALESCE(max(number), 0) + 1 FROM matters))`, [
          body.number ?? null,
        ]),
        title: body.title,
        status: body.status,
        practice_area_id: body.practice_area_id ?? null,
      } as never)
      .returning(['id', 'number'])
      .castTo<Pick<Row<MatterModel>, 'id' | 'number'>>();
  } catch (error) {
    if (isUniqueViolation(error, 'matters_tenant_id_number_key')) {
      throw new ConflictError('matter_number_taken', messages.numberTaken(body.number!));
    }
    throw error;
  }
  await recordAudit(
    db,
    {
      action: 'matter.created',
      ...adminActor(act.admin),
      subjectType: 'matter',
      subjectId: row.id,
      data: {
        number: row.number,
        client_id: body.client_id,
        title: body.title,
        practice_area_id: body.practice_area_id ?? null,
      },
    },
    act.meta,
  );
  return retrieve(db, row.id);
}

/**
 * Retitles a matter, moves its status, or files it under another practice area
 * (or none). A newly given area must not be archived; keeping the current one is
 * always allowed. Audited with what changed.
 */
export async function update(
  act: AdminAct,
  id: string,
  body: z.output<typeof MatterUpdateRequest>,
): Promise<MatterOut> {
  const { db } = act;
  const before = await MatterModel.query(db.knex).where({ id }).forUpdate().first();
  if (!before) throw new NotFoundError('resource_missing', messages.notFound);
  const area = body.practice_area_id;
  if (area && area !== before.practice_area_id) await assertAssignable(db, area, 'body.practice_area_id');
  const [row] = await MatterModel.query(db.knex)
    .patch({
      ...(body.title != null && { title: body.title }),
      ...(body.status != null && { status: body.status }),
      ...(area !== undefined && { practice_area_id: area }),
      updated_at: MatterModel.fn.now(),
    } as never)
    .where({ id })
    .returning('*')
    .castTo<Row<MatterModel>[]>();
  const changes: Record<string, unknown> = {};
  for (const field of ['title', 'status', 'practice_area_id'] as const) {
    if (row![field] !== before[field]) changes[field] = { from: before[field], to: row![field] };
  }
  await recordAudit(
    db,
    { action: 'matter.updated', ...adminActor(act.admin), subjectType: 'matter', subjectId: id, data: changes },
    act.meta,
  );
  return adminMatter(row!);
}
