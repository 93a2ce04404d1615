/**
 * Counts the SQL statements a piece of work sends on the request pool's
 * connections (the app login), by pg `query()` call: the query-count tests'
 * one tool. It wraps pg for the whole process, so tests using it run serially.
 */
import pg from 'pg';
import type { TestServer } from './server.js';

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

export async function statementsOf<T>(
  s: TestServer,
  fn: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const appLogin = decodeURIComponent(new URL(s.db.appUrl).username);
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const statements: string[] = [];
  proto.query = function (this: pg.Client, ...args: unknown[]) {
    if ((this as unknown as { user?: string }).user === appLogin) {
      const first = args[0];
      statements.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
    }
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    proto.query = original;
  }
}
