import type pg from 'pg';
import { knexOn } from './connection-knex.js';
import { compile, type Compilable, type Knex, type Statement } from './knex.js';

/**
 * The request transaction as services see it: statements run on the one
 * connection whose role and caseflow.* settings the preamble has set.
 * Models run on it through `db.knex` (`Contact.query(db.knex)`); hot paths send
 * prepared SQL with `query`, typed with the model's row type (`ModelObject<M>`).
 */
export class RequestDb {
  constructor(private readonly client: pg.PoolClient) {}

  /** knex on this transaction's connection, for `Model.query(db.knex)` (same role, same settings). */
  get knex(): Knex {
    return knexOn(this.client);
  }

  async query<R = Record<string, unknown>>(statement: Statement | string, values: unknown[] = []): Promise<R[]> {
    const config = typeof statement === 'string' ? { text: statement, values } : statement;
    const result = await this.client.query(config as pg.QueryConfig);
    return result.rows as R[];
  }

  /** Runs a knex or objection builder. */
  rows<R = Record<string, unknown>>(builder: Compilable): Promise<R[]> {
    return this.query<R>(compile(builder));
  }

  async first<R = Record<string, unknown>>(builder: Compilable): Promise<R | undefined> {
    return (await this.rows<R>(builder))[0];
  }
}
