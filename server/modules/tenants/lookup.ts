import type { Row } from '../../db/model.js';
import type { RequestDb } from '../../db/request-db.js';
import { FirmModel } from './models.js';

/*
 * What other modules ask about a firm. Apart from service.ts (which creates
 * firms and their first admin through the staff service), so staff can ask for
 * its firm's public URL without the two services importing each other.
 */

type Firm = Row<FirmModel>;

/** The public URL of the firm the transaction acts for (null: the platform's default host). */
export async function currentPublicUrl(db: RequestDb): Promise<string | null> {
  const row = await FirmModel.query(db.knex)
    .select('public_url')
    .whereRaw('id = caseflow.current_tenant()')
    .first()
    .castTo<Pick<Firm, 'public_url'> | undefined>();
  return row?.public_url ?? null;
}

/** A firm's slug, name, public URL, locale and time zone by id (for jobs, which know the firm by its id). */
export async function findById(
  db: RequestDb,
  id: string,
): Promise<Pick<Firm, 'slug' | 'name' | 'public_url' | 'locale' | 'timezone'> | undefined> {
  const [row] = await FirmModel.query(db.knex)
    .select('slug', 'name', 'public_url', 'locale', 'timezone')
    .where({ id })
    .castTo<Pick<Firm, 'slug' | 'name' | 'public_url' | 'locale' | 'timezone'>[]>();
  return row && { ...row };
}
