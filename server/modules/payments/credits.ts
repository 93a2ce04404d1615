/**
 * Client credits: money Stripe took above an invoice's balance, owed to the
 * client until a Stripe refund uses it up (recording.ts) or the firm settles it
 * here (refunded outside Stripe, or written off).
 */
import type { z } from 'zod';
import type { List } from '../../../sdk/schemas/common.js';
import type { AdminCredit } from '../../../sdk/schemas/invoices.js';
import type { AdminCreditListQuery, AdminCreditResolveRequest } from '../../../sdk/schemas/payments.js';
import type { RequestDb } from '../../db/request-db.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { AdminAct } from '../../http/context.js';
import { toList } from '../../http/pagination.js';
import { adminActor, recordAudit } from '../audit/service.js';
import { ClientCreditModel } from './models.js';
import { adminCredit, type CreditRow } from './serialize.js';
import { creditColumns } from './service.js';

export const creditMessages = {
  notFound: 'No such credit.',
  resolved: (how: string) => `This credit is already settled (${how.replace('_', ' ')}).`,
};

/** Open client credits, newest first (keyset on created_at, id: the cursor is the last credit's id). */
export async function listCredits(
  db: RequestDb,
  query: z.output<typeof AdminCreditListQuery>,
): Promise<List<z.input<typeof AdminCredit>>> {
  const builder = ClientCreditModel.query(db.knex)
    .select(...creditColumns)
    .whereNull('client_credits.resolved_at')
    .orderBy([
      { column: 'client_credits.created_at', order: 'desc' },
      { column: 'client_credits.id', order: 'desc' },
    ])
    .limit(query.limit + 1)
    .castTo<CreditRow[]>();
  if (query.starting_after) {
    builder.whereRaw(
      '(client_credits.created_at, client_credits.id) < (SELECT c.created_at, c.id FROM client_credits c WHERE c.id = ?)',
      [query.starting_after],
    );
  }
  if (query.client_id) builder.where('client_credits.client_id', query.client_id);
  return toList(await builder, query.limit, adminCredit);
}

/**
 * Settles an open credit the firm handled itself. The row lock makes a
 * concurrent Stripe refund of the same payment wait, then find it settled.
 */
export async function resolveCredit(
  act: AdminAct,
  id: string,
  body: z.output<typeof AdminCreditResolveRequest>,
): Promise<z.input<typeof AdminCredit>> {
  const { db, admin } = act;
  const open = await ClientCreditModel.query(db.knex)
    .select(...creditColumns)
    .where('id', id)
    .forUpdate()
    .first()
    .castTo<CreditRow | undefined>();
  if (!open) throw new NotFoundError('resource_missing', creditMessages.notFound);
  if (open.resolved_at) throw new ConflictError('credit_resolved', creditMessages.resolved(open.resolution!));
  const [row] = await ClientCreditModel.query(db.knex)
    .patch({ amount: 0, resolved_at: ClientCreditModel.fn.now(), resolution: body.resolution } as never)
    .where('id', id)
    .returning([...creditColumns])
    .castTo<CreditRow[]>();
  await recordAudit(
    db,
    {
      action: 'credit.resolved',
      ...adminActor(admin),
      subjectType: 'client_credit',
      subjectId: id,
      data: { resolution: body.resolution, amount: open.amount, currency: open.currency, note: body.note ?? null },
    },
    act.meta,
  );
  return adminCredit(row!);
}
