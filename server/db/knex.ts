import knexFactory, { type Knex } from 'knex';
import { Model } from 'objection';

/** A knex with a connection: the owner's, for migrations, seeds and maintenance. */
export function createKnex(connectionString: string, poolMax: number): Knex {
  return knexFactory({
    client: 'pg',
    connection: { connectionString, application_name: 'caseflow-owner' },
    pool: { min: 0, max: poolMax },
  });
}

/**
 * knex and objection as SQL builders only. This instance has no connection, so
 * nothing built with it can run except through a request transaction
 * (RequestDb), which compiles the builder and sends it on its own connection.
 */
export const sqlBuilder: Knex = knexFactory({ client: 'pg' });
Model.knex(sqlBuilder);

export interface Statement {
  text: string;
  values: unknown[];
  /** Names a prepared statement: parsed and planned once per connection. */
  name?: string;
}

interface KnexCompilable {
  toSQL(): { toNative(): { sql: string; bindings: readonly unknown[] } };
}
/** A knex builder, or an objection one (which becomes knex through toKnexQuery). */
export type Compilable = KnexCompilable | { toKnexQuery(): KnexCompilable };

/** Turns a knex or objection builder into one parameterised statement. */
export function compile(builder: Compilable): Statement {
  const knexQuery = 'toKnexQuery' in builder ? builder.toKnexQuery() : builder;
  const native = knexQuery.toSQL().toNative();
  return { text: native.sql, values: [...native.bindings] };
}

export type { Knex };
