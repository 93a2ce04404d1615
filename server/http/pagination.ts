import type { QueryBuilder, Model } from 'objection';
import type { List } from '../../sdk/schemas/common.js';

/**
 * Keyset pagination over (created_at DESC, id DESC): the cursor is the id of the
 * last item seen, so rows inserted while a client walks the pages are neither
 * repeated nor skipped. The cursor row is read through the same policies, so a
 * cursor from another client simply ends the list.
 */
export function keyset<M extends Model, R>(
  query: QueryBuilder<M, R>,
  table: string,
  page: { limit: number; starting_after?: string | undefined },
): QueryBuilder<M, R> {
  if (page.starting_after) {
    query.whereRaw(`(${table}.created_at, ${table}.id) < (SELECT c.created_at, c.id FROM ${table} c WHERE c.id = ?)`, [
      page.starting_after,
    ]);
  }
  return query
    .orderBy([
      { column: `${table}.created_at`, order: 'desc' },
      { column: `${table}.id`, order: 'desc' },
    ])
    .limit(page.limit + 1);
}

/** Turns the limit+1 rows of a keyset query into the list envelope. */
export function toList<T, Row extends { id: string }>(rows: Row[], limit: number, serialize: (row: Row) => T): List<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    data: pageRows.map(serialize),
    has_more: hasMore,
    next_cursor: hasMore ? pageRows[pageRows.length - 1]!.id : null,
  };
}
