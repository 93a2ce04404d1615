/**
 * What an admin preview writes records the admin (DESIGN §2), so both sides can
 * show "by {admin}, previewing": a `previewed_by` column on the rows a preview can
 * write (checkout sessions, and the Stripe payments they lead to), answered as
 * `previewed_by: { id, name } | null`.
 */
import type { RequestDb } from '../../db/request-db.js';
import type { PortalScope } from '../../db/request-transaction.js';
import { staffName } from '../staff/service.js';

export interface Previewer {
  id: string;
  name: string;
}

/** A select-list entry giving `previewed_by` as `{ id, name }` (JSON) or null, for a table with that column. */
export const previewerColumn = (table: string) =>
  `(SELECT json_build_object('id', s.id, 'name', s.first_name || ' ' || s.last_name)
      FROM staff_users s WHERE s.tenant_id = ${table}.tenant_id AND s.id = ${table}.previewed_by) AS previewed_by`;

/** The admin previewing in this session; null in the client's own sessions. */
export const previewerId = (scope: PortalScope): string | null =>
  scope.session_kind === 'preview' ? scope.impersonator_id : null;

/** The previewing admin with their name, as the answers show them. */
export async function previewerOf(db: RequestDb, scope: PortalScope): Promise<Previewer | null> {
  const id = previewerId(scope);
  if (!id) return null;
  return staffName(db, id);
}
