import pg from 'pg';
import type { Logger } from 'pino';
import { installTypeParsers } from './types.js';

/** The pool of the caseflow_app login: every request transaction takes a connection from it. */
export function createAppPool(connectionString: string, max: number, logger: Logger): pg.Pool {
  installTypeParsers();
  const pool = new pg.Pool({ connectionString, max, application_name: 'caseflow', idleTimeoutMillis: 30_000 });
  // An idle connection the server closed (restart, failover) must not crash the
  // process: the pool drops it and opens a new one when needed.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  return pool;
}

export type Pool = pg.Pool;
