import type { List } from '../../sdk/schemas/common.js';
import type { Model, QueryBuilder } from 'objection';

/** Collects the values of a parameterised statement and hands out their $n placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Keyset pagination over (created_at DESC, id DESC): the cursor is the id of the
 * last item seen, so rows inserted while a client walks the pages are neither
 * repeated nor skipped. The cursor row is read through the same policies, so a
 * cursor from another client simply ends the list.
 */
export function keysetSql(
  table: string,
  params: Params,
  page: { limit: number; starting_after?: string | undefined },
  timeColumn = 'created_at',
) {
  return {
    where: page.starting_after
      ? `(${table}.${timeColumn}, ${table}.id) < (SELECT c.${timeColumn}, c.id FROM ${table} c WHERE c.id = ${params.add(page.starting_after)})`
      : null,
    orderAndLimit: `ORDER BY ${table}.${timeColumn} DESC, ${table}.id DESC LIMIT ${params.add(page.limit + 1)}`,
  };
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

/**
 * `keysetSql` for a model query: the same (timeColumn DESC, id DESC) keyset and
 * limit+1, added to `builder` (objection builders change in place).
 */
export function keysetPage<M extends Model, R>(
  builder: QueryBuilder<M, R>,
  table: string,
  page: { limit: number; starting_after?: string | undefined },
  timeColumn = 'created_at',
): QueryBuilder<M, R> {
  if (page.starting_after) {
    builder.whereRaw(`(??, ??) < (SELECT c.??, c.id FROM ?? c WHERE c.id = ?)`, [
      `${table}.${timeColumn}`,
      `${table}.id`,
      timeColumn,
      table,
      page.starting_after,
    ]);
  }
  return builder
    .orderBy(`${table}.${timeColumn}`, 'desc')
    .orderBy(`${table}.id`, 'desc')
    .limit(page.limit + 1);
}
