import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  MatterParty,
  MatterPartyCreateRequest,
  MatterPartyListQuery,
} from '../../../sdk/schemas/matter-parties.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError } from '../../errors.js';
import { keysetSql, Params, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import type { AdminAct } from '../../http/context.js';
import type { MatterPartyRow } from './models.js';
import { adminMatterParty } from './serialize.js';

export const messages = {
  matterNotFound: 'No such matter.',
  notFound: 'No such party on this matter.',
};

type PartyOut = z.input<typeof MatterParty>;

const columns =
  'matter_parties.id, matter_parties.matter_id, matter_parties.name, matter_parties.email, matter_parties.role, matter_parties.created_at';

/** The matter (404 if it is not the firm's). */
async function requireMatter(db: RequestDb, matterId: string): Promise<{ number: number }> {
  const [matter] = await db.query<{ number: number }>(`SELECT number FROM matters WHERE id = $1`, [matterId]);
  if (!matter) throw new NotFoundError('resource_missing', messages.matterNotFound);
  return matter;
}

/** A matter's parties, newest first. */
export async function list(
  db: RequestDb,
  matterId: string,
  query: z.output<typeof MatterPartyListQuery>,
): Promise<List<PartyOut>> {
  await requireMatter(db, matterId);
  const params = new Params();
  const keyset = keysetSql('matter_parties', params, query);
  const where = [`matter_parties.matter_id = ${params.add(matterId)}`, keyset.where].filter((c) => c !== null);
  const rows = await db.query<MatterPartyRow>(
    `SELECT ${columns} FROM matter_parties WHERE ${where.join(' AND ')} ${keyset.orderAndLimit}`,
    params.values,
  );
  return toList(rows, query.limit, adminMatterParty);
}

/** Adds a party to a matter. */
export async function add(
  act: AdminAct,
  matterId: string,
  body: z.output<typeof MatterPartyCreateRequest>,
): Promise<PartyOut> {
  const { db } = act;
  const matter = await requireMatter(db, matterId);
  const [row] = await db.query<MatterPartyRow>(
    `INSERT INTO matter_parties (tenant_id, matter_id, name, email, role)
     VALUES (caseflow.current_tenant(), $1, $2, $3, $4)
     RETURNING ${columns}`,
    [matterId, body.name, body.email ?? null, body.role],
  );
  await recordAudit(
    db,
    {
      action: 'matter_party.added',
      ...adminActor(act.admin),
      subjectType: 'matter_party',
      subjectId: row!.id,
      data: { matter_id: matterId, matter_number: matter.number, name: body.name, role: body.role },
    },
    act.meta,
  );
  return adminMatterParty(row!);
}

/** Removes a party from a matter (404 if it is not one of this matter's). */
export async function remove(act: AdminAct, matterId: string, partyId: string): Promise<void> {
  const { db } = act;
  const matter = await requireMatter(db, matterId);
  const [row] = await db.query<{ name: string; role: string }>(
    `DELETE FROM matter_parties WHERE id = $1 AND matter_id = $2 RETURNING name, role`,
    [partyId, matterId],
  );
  if (!row) throw new NotFoundError('resource_missing', messages.notFound);
  await recordAudit(
    db,
    {
      action: 'matter_party.removed',
      ...adminActor(act.admin),
      subjectType: 'matter_party',
      subjectId: partyId,
      data: { matter_id: matterId, matter_number: matter.number, name: row.name, role: row.role },
    },
    act.meta,
  );
}
