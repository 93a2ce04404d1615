import pg from 'pg';
import { installTypeParsers } from './types.js';

/** The pool of the caseflow_app login: every request transaction takes a connection from it. */
export function createAppPool(connectionString: string, max: number): pg.Pool {
  installTypeParsers();
  return new pg.Pool({ connectionString, max, application_name: 'caseflow', idleTimeoutMillis: 30_000 });
}

export type Pool = pg.Pool;
