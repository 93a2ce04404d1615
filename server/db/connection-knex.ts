import knexFactory, { type Knex } from 'knex';
import type pg from 'pg';
import { sqlBuilder } from './knex.js';

/**
 * knex (and so objection) on one connection that is already inside a request
 * transaction: every query goes to that connection, nothing is borrowed from
 * a pool, and `.transaction()` opens a savepoint, never a second BEGIN or a
 * COMMIT of its own. The transaction, its role and its caseflow.* settings
 * stay the request's (DESIGN §4): inScope() begins and ends it.
 */
const PgClient = sqlBuilder.client.constructor as typeof Knex.Client;

class ConnectionClient extends PgClient {
  // Read by knex to nest `.transaction()` calls as savepoints.
  transacting = true;

  constructor(
    config: Knex.Config,
    private readonly connection: pg.PoolClient,
  ) {
    super(config);
  }

  override acquireConnection(): Promise<pg.PoolClient> {
    return Promise.resolve(this.connection);
  }

  override releaseConnection(): Promise<void> {
    return Promise.resolve();
  }
}

// A pool's connections live long and serve many requests in turn: one knex each.
const byConnection = new WeakMap<pg.PoolClient, Knex>();

/** The knex of `connection`, made once per connection. */
export function knexOn(connection: pg.PoolClient): Knex {
  let knex = byConnection.get(connection);
  if (!knex) {
    knex = knexFactory({
      client: class extends ConnectionClient {
        constructor(config: Knex.Config) {
          super(config, connection);
        }
      },
    });
    byConnection.set(connection, knex);
  }
  return knex;
}
