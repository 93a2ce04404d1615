import type Router from '@koa/router';
import { latestKnownMigration } from '../../db/migrations.js';
import type { Pool } from '../../db/pool.js';
import { readSqlObjects, staleSqlObjects } from '../../db/sql-objects.js';
import type { AppExtensions, AppState } from '../../http/context.js';
import type { QueueHealth } from '../../jobs/queue.js';

/**
 * /healthz: the process answers. /readyz: the database answers, its schema is
 * current (the migrations, and the functions, policies and triggers of
 * server/db/sql/ this process ships) and this process's job queue runs (with
 * how many jobs are due and dead).
 */
export function healthRoutes(
  router: Router<AppState, AppExtensions>,
  pool: Pool,
  jobs: { health(): Promise<QueueHealth> },
) {
  // Hashed once at boot: the definitions this process was built with, whatever the folder holds later.
  const sqlObjects = readSqlObjects();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const expected = await latestKnownMigration();
    try {
      const { rows } = await pool.query<{ version: string | null }>('SELECT caseflow.schema_version() AS version');
      const current = rows[0]?.version ?? null;
      const stale = current === expected ? await staleSqlObjectNames(pool, sqlObjects) : [];
      const queue = await jobs.health();
      const status =
        current !== expected
          ? 'migrations_pending'
          : stale.length > 0
            ? 'sql_objects_stale'
            : queue.status !== 'running'
              ? 'queue_not_running'
              : 'ready';
      ctx.status = status === 'ready' ? 200 : 503;
      ctx.body = { status, schema: current, expected, ...(stale.length > 0 && { stale_sql_objects: stale }), queue };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'database_unreachable' };
    }
  });
}

async function staleSqlObjectNames(pool: Pool, files: ReturnType<typeof readSqlObjects>): Promise<string[]> {
  const { rows } = await pool.query<{ name: string; sha256: string }>(
    'SELECT name, sha256 FROM caseflow.sql_object_hashes()',
  );
  return staleSqlObjects(files, rows);
}
