import type { z } from 'zod';
import type { Client, ClientCreateRequest, ClientListQuery } from '../../../sdk/schemas/clients.js';
import type { List } from '../../../sdk/schemas/common.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { isUniqueViolation } from '../../db/errors.js';
import { currentTenant } from '../../db/model.js';
import { ClientModel, type ClientWithPrimary } from './models.js';
import { adminClient } from './serialize.js';

export const messages = {
  notFound: 'No such client.',
  numberTaken: (number: number | undefined) =>
    number === undefined
      ? 'Another client of this firm already has this number.'
      : `Another client of this firm already has number ${number}.`,
};

/** Numbers given by default start here (a firm's first client is 1001). */
export const FIRST_CLIENT_NUMBER = 1001;

type ClientOut = z.input<typeof Client>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function selectClients(db: RequestDb) {
  return ClientModel.query(db.knex)
    .select(
      'clients.tenant_id',
      'clients.id',
      'clients.number',
      'clients.name',
      'clients.created_at',
      'clients.updated_at',
      ClientModel.raw(
        `(SELECT c.id FROM contacts c
           WHERE c.tenant_id = clients.tenant_id AND c.client_id = clients.id AND c.is_primary) AS primary_contact_id`,
      ),
    )
    .castTo<ClientWithPrimary[]>();
}

async function find(db: RequestDb, id: string): Promise<ClientWithPrimary | undefined> {
  const [client] = await selectClients(db).where('clients.id', id);
  return client;
}

/** The firm's clients by number; the cursor is the id of the last client seen. */
export async function list(db: RequestDb, query: ClientListQuery & { limit: number }): Promise<List<ClientOut>> {
  const builder = selectClients(db)
    .orderBy('clients.number')
    .limit(query.limit + 1);
  if (query.q) builder.whereRaw('clients.name ILIKE ?', [`%${escapeLike(query.q)}%`]);
  if (query.number !== undefined) builder.where('clients.number', query.number);
  if (query.starting_after) {
    builder.whereRaw('clients.number > (SELECT c.number FROM clients c WHERE c.id = ?)', [query.starting_after]);
  }
  return toList(await builder, query.limit, adminClient);
}

/** Whether the client exists in the firm (another firm's clients never do). */
export async function exists(db: RequestDb, id: string): Promise<boolean> {
  return (await ClientModel.query(db.knex).select(1).where({ id }).first()) !== undefined;
}

export async function retrieve(db: RequestDb, id: string): Promise<ClientOut> {
  const client = await find(db, id);
  if (!client) throw new NotFoundError('resource_missing', messages.notFound);
  return adminClient(client);
}

/**
 * Creates a client. Without a number it takes the next one (the highest + 1, at
 * least 1001) under a per-firm advisory lock, so concurrent creations never pick
 * the same number; a number in use is a 409.
 */
export async function create(act: AdminAct, body: z.output<typeof ClientCreateRequest>): Promise<ClientOut> {
  const { db } = act;
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('clients:' || caseflow.current_tenant()))`);
  let id: string;
  try {
    const row = await ClientModel.query(db.knex)
      .insert({
        tenant_id: currentTenant(),
        number: ClientModel.raw(
          `COALESCE(?::integer, (SELECT GREATEST(COALESCE(max(number), 0) + 1, ?::integer) FROM clients))`,
          [body.number ?? null, FIRST_CLIENT_NUMBER],
        ),
        name: body.name,
      } as never)
      .returning(['id', 'number'])
      .castTo<Pick<ClientModel, 'id' | 'number'>>();
    id = row.id;
    await recordAudit(
      db,
      {
        action: 'client.created',
        ...adminActor(act.admin),
        subjectType: 'client',
        subjectId: id,
        data: { number: row.number, name: body.name },
      },
      act.meta,
    );
  } catch (error) {
    if (isUniqueViolation(error, 'clients_tenant_id_number_key')) {
      throw new ConflictError('client_number_taken', messages.numberTaken(body.number));
    }
    throw error;
  }
  return retrieve(db, id);
}

/** Renames a client. */
export async function update(act: AdminAct, id: string, body: { name: string }): Promise<ClientOut> {
  const { db } = act;
  const before = await ClientModel.query(db.knex).select('name').where({ id }).forNoKeyUpdate().first();
  if (!before) throw new NotFoundError('resource_missing', messages.notFound);
  if (before.name !== body.name) {
    await ClientModel.query(db.knex)
      .patch({ name: body.name, updated_at: ClientModel.fn.now() } as never)
      .where({ id });
    await recordAudit(
      db,
      {
        action: 'client.updated',
        ...adminActor(act.admin),
        subjectType: 'client',
        subjectId: id,
        data: { name: { from: before.name, to: body.name } },
      },
      act.meta,
    );
  }
  return retrieve(db, id);
}
