import type { Knex } from 'knex';
import type { TestDatabase } from '../database.js';
import type { TestServer } from '../server.js';

/** Where an owner-connection factory writes: a test server, a test database, or the owner knex itself. */
export type Db = TestServer | TestDatabase | Knex;

/** The owner connection (bypasses RLS) of `db`. */
export function ownerOf(db: Db): Knex {
  if (typeof db === 'function') return db;
  return 'owner' in db ? db.owner : db.db.owner;
}

/** A firm's id from its slug (or the id itself). */
export async function firmId(db: Db, firm: string): Promise<string> {
  const row = await ownerOf(db)('tenants').where({ slug: firm }).first('id');
  if (row) return row.id as string;
  if (/^[0-9a-f-]{36}$/.test(firm)) return firm;
  throw new Error(`no firm ${firm}`);
}

/** Something that is, or has, an id: a row, an SDK object or the id string. */
export type Ref = string | { id: string };

export const idOf = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.id);
