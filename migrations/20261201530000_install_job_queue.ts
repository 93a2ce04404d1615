/**
 * The job queue (DESIGN §10a): graphile-worker 0.16.6, pinned in package.json.
 * Its schema is installed here, by the owner, with the library's own migration
 * runner; at run time the worker finds it current and changes nothing (its role
 * could not: caseflow_jobs has no CREATE anywhere). Upgrading graphile-worker
 * means a new migration that calls runMigrations again.
 */
import type { Knex } from 'knex';
import pg from 'pg';
import { runMigrations } from 'graphile-worker';

function connectionString(knex: Knex): string {
  const connection = (knex.client as { config: { connection: unknown } }).config.connection;
  if (typeof connection === 'string') return connection;
  const { connectionString: url } = connection as { connectionString?: string };
  if (!url) throw new Error('the migration needs the owner connection as a URL');
  return url;
}

export async function up(knex: Knex): Promise<void> {
  const pgPool = new pg.Pool({ connectionString: connectionString(knex), max: 1 });
  try {
    await runMigrations({ pgPool, logger: undefined });
  } finally {
    await pgPool.end();
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP SCHEMA graphile_worker CASCADE`);
}
