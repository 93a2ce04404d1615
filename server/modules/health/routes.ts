import type Router from '@koa/router';
import { latestKnownMigration } from '../../db/migrations.js';
import type { Pool } from '../../db/pool.js';
import type { AppExtensions, AppState } from '../../http/context.js';
import type { QueueHealth } from '../../jobs/queue.js';

/**
 * /healthz: the process answers. /readyz: the database answers, its schema is
 * current and this process's job queue runs (with how many jobs are due and dead).
 */
export function healthRoutes(
  router: Router<AppState, AppExtensions>,
  pool: Pool,
  jobs: { health(): Promise<QueueHealth> },
) {
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const expected = await latestKnownMigration();
    try {
      const { rows } = await pool.query<{ version: string | null }>('SELECT caseflow.schema_version() AS version');
      const current = rows[0]?.version ?? null;
      const queue = await jobs.health();
      const ready = current === expected && queue.status === 'running';
      ctx.status = ready ? 200 : 503;
      const status = current !== expected ? 'migrations_pending' : ready ? 'ready' : 'queue_not_running';
      ctx.body = { status, schema: current, expected, queue };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'database_unreachable' };
    }
  });
}
