import type { z } from 'zod';
import type { Author } from '../../../sdk/schemas/notes.js';
import type { AdminScope } from '../../db/request-transaction.js';

/** The author columns of a row written through the admin API: a staff user or an API key, never both. */
export interface AuthorRow {
  author_type: 'staff' | 'api_key';
  author_id: string;
  author_name: string;
}

/**
 * SELECT expressions for the author of `alias`'s row, whose staff and API key
 * columns are `staffColumn` and `keyColumn`: its kind, id and display name.
 */
export function authorSql(alias: string, staffColumn: string, keyColumn: string): string {
  const staff = `${alias}.${staffColumn}`;
  const key = `${alias}.${keyColumn}`;
  return `CASE WHEN ${staff} IS NOT NULL THEN 'staff' ELSE 'api_key' END AS author_type,
    coalesce(${staff}, ${key}) AS author_id,
    coalesce(
      (SELECT s.first_name || ' ' || s.last_name FROM staff_users s WHERE s.tenant_id = ${alias}.tenant_id AND s.id = ${staff}),
      (SELECT k.name FROM api_keys k WHERE k.tenant_id = ${alias}.tenant_id AND k.id = ${key})
    ) AS author_name`;
}

/** The (staff id, API key id) pair to store for the acting credential. */
export function authorIds(admin: AdminScope): [string | null, string | null] {
  return admin.principal_type === 'staff' ? [admin.principal_id, null] : [null, admin.principal_id];
}

export function author(row: AuthorRow): z.input<typeof Author> {
  return { type: row.author_type, id: row.author_id, name: row.author_name };
}
