import type { List } from '../../sdk/schemas/common.js';

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

/** A builder keysetSql can narrow: knex's or objection's (both have whereRaw, orderBy and limit). */
interface KeysetBuilder {
  whereRaw(sql: string, bindings: readonly unknown[]): unknown;
  orderBy(column: string, order: 'desc'): unknown;
  limit(limit: number): unknown;
}

/** keysetSql for a model's query builder: the same order, cursor and limit+1 rows. */
export function keyset<B extends KeysetBuilder>(
  builder: B,
  table: string,
  page: { limit: number; starting_after?: string | undefined },
  timeColumn = 'created_at',
): B {
  if (page.starting_after) {
    builder.whereRaw(
      `(${table}.${timeColumn}, ${table}.id) < (SELECT c.${timeColumn}, c.id FROM ${table} c WHERE c.id = ?)`,
      [page.starting_after],
    );
  }
  builder.orderBy(`${table}.${timeColumn}`, 'desc');
  builder.orderBy(`${table}.id`, 'desc');
  builder.limit(page.limit + 1);
  return builder;
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
