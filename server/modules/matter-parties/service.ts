import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type {
  MatterParty,
  MatterPartyCreateRequest,
  MatterPartyListQuery,
} from '../../../sdk/schemas/matter-parties.js';
import { currentTenant, type Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { NotFoundError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { keysetPage, toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import * as matters from '../matters/service.js';
import { MatterPartyModel } from './models.js';
import { adminMatterParty } from './serialize.js';

export const messages = {
  matterNotFound: 'No such matter.',
  notFound: 'No such party on this matter.',
};

type PartyOut = z.input<typeof MatterParty>;

/** The matter (404 if it is not the firm's). */
async function requireMatter(db: RequestDb, matterId: string): Promise<{ number: number }> {
  const matter = await matters.identify(db, matterId);
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
  const rows = await keysetPage(MatterPartyModel.query(db.knex), 'matter_parties', query).where(
    'matter_parties.matter_id',
    matterId,
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
  const row = await MatterPartyModel.query(db.knex)
    .insert({
      tenant_id: currentTenant(),
      matter_id: matterId,
      name: body.name,
      email: body.email ?? null,
      role: body.role,
    } as never)
    .returning('*')
    .castTo<Row<MatterPartyModel>>();
  await recordAudit(
    db,
    {
      action: 'matter_party.added',
      ...adminActor(act.admin),
      subjectType: 'matter_party',
      subjectId: row.id,
      data: { matter_id: matterId, matter_number: matter.number, name: body.name, role: body.role },
    },
    act.meta,
  );
  return adminMatterParty(row);
}

/** Removes a party from a matter (404 if it is not one of this matter's). */
export async function remove(act: AdminAct, matterId: string, partyId: string): Promise<void> {
  const { db } = act;
  const matter = await requireMatter(db, matterId);
  const [row] = await MatterPartyModel.query(db.knex)
    .delete()
    .where({ id: partyId, matter_id: matterId })
    .returning(['name', 'role'])
    .castTo<Pick<Row<MatterPartyModel>, 'name' | 'role'>[]>();
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
