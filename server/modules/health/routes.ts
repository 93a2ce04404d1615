import type Router from '@koa/router';
import { latestKnownMigration } from '../../db/migrations.js';
import type { Pool } from '../../db/pool.js';
import type { AppExtensions, AppState } from '../../http/context.js';

/** /healthz: the process answers. /readyz: the database answers and its schema is current. */
export function healthRoutes(router: Router<AppState, AppExtensions>, pool: Pool) {
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const expected = await latestKnownMigration();
    try {
      const { rows } = await pool.query<{ version: string | null }>('SELECT caseflow.schema_version() AS version');
      const current = rows[0]?.version ?? null;
      const ready = current === expected;
      ctx.status = ready ? 200 : 503;
      ctx.body = { status: ready ? 'ready' : 'migrations_pending', schema: current, expected };
    } catch {
      ctx.status = 503;
      ctx.body = { status: 'database_unreachable' };
    }
  });
}
