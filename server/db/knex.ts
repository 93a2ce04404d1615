import knexFactory, { type Knex } from 'knex';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// knex keeps its dialect classes out of its public types: reach them once, here.
const PgClient = require('knex/lib/dialects/postgres/index.js') as new (config: Knex.Config) => KnexClient;
const PgTransaction = require('knex/lib/dialects/postgres/execution/pg-transaction.js') as new (
  ...args: unknown[]
) => KnexTransaction;

interface KnexClient {
  transaction(container: unknown, config: TransactionConfig | undefined, outerTx: unknown): unknown;
}
interface KnexTransaction {
  begin(conn: unknown): Promise<unknown>;
  query(conn: unknown, sql: string): Promise<unknown>;
}

/**
 * A preamble is sent in the same simple-query round trip as BEGIN: it checks the
 * credential, sets the role and the caseflow.* settings before any data query.
 * Only values the server produced or strictly validated (hex hashes, uuids, DNS
 * labels) may be inlined into it.
 */
export interface Preamble {
  sql: string;
  /** Receives the rows of the preamble's one SELECT. */
  onRows?: (rows: Record<string, unknown>[]) => void;
}

export interface TransactionConfig extends Knex.TransactionConfig {
  preamble?: Preamble;
}

interface RawConnection {
  query(sql: string): Promise<PgResult | PgResult[]>;
}

interface PgResult {
  command?: string;
  rows?: Record<string, unknown>[];
}

class PreambleTransaction extends PgTransaction {
  declare preamble: Preamble | undefined;
  constructor(client: unknown, container: unknown, config: TransactionConfig | undefined, outerTx: unknown) {
    super(client, container, config, outerTx);
    this.preamble = config?.preamble;
  }
  override begin(conn: unknown): Promise<unknown> {
    const preamble = this.preamble;
    if (!preamble) return super.begin(conn);
    const client = conn as RawConnection;
    return client.query(`BEGIN; ${preamble.sql}`).then(
      (response) => {
        const results = Array.isArray(response) ? response : [response];
        const select = results.find((r) => r.command === 'SELECT');
        preamble.onRows?.(select?.rows ?? []);
        return response;
      },
      async (error: unknown) => {
        // The failed string left the connection in an aborted transaction block:
        // end it before knex hands the connection back to the pool.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      },
    );
  }
}

class CaseflowPgClient extends PgClient {
  override transaction(container: unknown, config: TransactionConfig | undefined, outerTx: unknown) {
    if (outerTx) return super.transaction(container, config, outerTx);
    return new PreambleTransaction(this, container, config, outerTx);
  }
}

export function createKnex(connectionString: string, poolMax: number): Knex {
  const knex = knexFactory({
    client: CaseflowPgClient as unknown as typeof Knex.Client,
    connection: { connectionString, application_name: 'caseflow' },
    pool: { min: 0, max: poolMax },
  });
  return knex;
}

export type { Knex };
