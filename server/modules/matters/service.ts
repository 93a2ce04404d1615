import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  Matter,
  MatterCreateRequest,
  MatterListQuery,
  MatterUpdateRequest,
} from '../../../sdk/schemas/matters.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import { assertAssignable } from '../practice-areas/service.js';
import type { MatterRow } from './models.js';
import { adminMatter } from './serialize.js';

export const messages = {
  notFound: 'No such matter.',
  unknownClient: 'No such client in this firm.',
  numberTaken: (number: number) => `Another matter of this firm already has number ${number}.`,
};

type MatterOut = z.input<typeof Matter>;

const columns =
  'matters.id, matters.client_id, matters.number, matters.title, matters.status, matters.practice_area_id, matters.created_at, matters.updated_at';

/** The firm's matters, newest first, optionally one client's. */
export async function list(db: RequestDb, query: z.output<typeof MatterListQuery>): Promise<List<MatterOut>> {
  const params = new Params();
  const keyset = keysetSql('matters', params, query);
  const where = [keyset.where, query.client_id ? `matters.client_id = ${params.add(query.client_id)}` : null].filter(
    (c) => c !== null,
  );
  const rows = await db.query<MatterRow>(
    `SELECT ${columns} FROM matters ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminMatter);
}

export async function retrieve(db: RequestDb, id: string): Promise<MatterOut> {
  const [row] = await db.query<MatterRow>(`SELECT ${columns} FROM matters WHERE id = $1`, [id]);
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  return adminMatter(row);
}

/**
 * Creates a matter. Without a number it takes the next one (highest + 1, the
 * first is 1) under a per-firm advisory lock, as client numbers do.
 */
export async function create(act: AdminAct, body: z.output<typeof MatterCreateRequest>): Promise<MatterOut> {
  const { db } = act;
  const [client] = await db.query(`SELECT 1 FROM clients WHERE id = $1`, [body.client_id]);
  if (!client) {
    throw new ValidationError(messages.unknownClient, [{ path: 'body.client_id', message: messages.unknownClient }]);
  }
  if (body.practice_area_id) await assertAssignable(db, body.practice_area_id, 'body.practice_area_id');
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('matters:' || caseflow.current_tenant()))`);
  let row: { id: string; number: number };
  try {
    [row] = (await db.query<{ id: string; number: number }>(
      `INSERT INTO matters (tenant_id, client_id, number, title, status, practice_area_id)
       VALUES (caseflow.current_tenant(), $1, COALESCE($2::integer, (SELECT COALESCE(max(number), 0) + 1 FROM matters)), $3, $4, $5)
       RETURNING id, number`,
      [body.client_id, body.number ?? null, body.title, body.status, body.practice_area_id ?? null],
    )) as [{ id: string; number: number }];
  } catch (error) {
    const e = error as { code?: string; constraint?: string };
    if (e.code === '23505' && e.constraint === 'matters_tenant_id_number_key') {
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
  const [before] = await db.query<MatterRow>(`SELECT ${columns} FROM matters WHERE id = $1 FOR UPDATE`, [id]);
  if (!before) throw new NotFoundError('resource_missing', messages.notFound);
  const area = body.practice_area_id;
  if (area && area !== before.practice_area_id) await assertAssignable(db, area, 'body.practice_area_id');
  const [row] = (await db.query<MatterRow>(
    `UPDATE matters
        SET title = coalesce($2, title), status = coalesce($3, status),
            practice_area_id = CASE WHEN $4::boolean THEN $5::uuid ELSE practice_area_id END,
            updated_at = now()
      WHERE id = $1
      RETURNING ${columns}`,
    [id, body.title ?? null, body.status ?? null, area !== undefined, area ?? null],
  )) as [MatterRow];
  const changes: Record<string, unknown> = {};
  for (const field of ['title', 'status', 'practice_area_id'] as const) {
    if (row[field] !== before[field]) changes[field] = { from: before[field], to: row[field] };
  }
  await recordAudit(
    db,
    { action: 'matter.updated', ...adminActor(act.admin), subjectType: 'matter', subjectId: id, data: changes },
    act.meta,
  );
  return adminMatter(row);
}
