import test from 'ava';
import { demo, startTestServer } from '../../helpers/server.js';

test('idle app connections killed by the database do not take the server down', async (t) => {
  const s = await startTestServer();
  t.teardown(() => s.close());
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);
  t.is((await portal.invoices.list()).data.length, 6);

  const { rows } = await s.db.owner.raw(
    `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND usename = 'caseflow_app' AND state = 'idle'`,
  );
  t.true(rows[0].n >= 1);
  await new Promise((r) => setTimeout(r, 100)); // let the pool see the connections go

  t.is((await portal.invoices.list()).data.length, 6);
  const health = await fetch(`${s.baseUrl}/readyz`);
  t.is(health.status, 200);
});
