import test from 'ava';
import pg from 'pg';
import { tokenHash } from '../../../server/security/tokens.js';
import { idleSession } from '../../helpers/factories/index.js';
import { demo, startTestServer } from '../../helpers/server.js';

test('graceful close: a request in flight finishes, then the server stops accepting and the pool closes', async (t) => {
  const s = await startTestServer();
  t.teardown(() => s.db.close());
  const portal = s.portal('acme');
  await portal.auth.login(demo.nora);

  // Hold the session row: a session unused for 2 minutes gets its last-seen time
  // written by the next request, which therefore waits for our lock.
  await idleSession(s, portal.token!, '2 minutes');
  const locker = new pg.Client({ connectionString: s.db.ownerUrl });
  await locker.connect();
  t.teardown(() => locker.end());
  await locker.query('BEGIN');
  await locker.query('SELECT 1 FROM sessions WHERE token_hash = $1 FOR UPDATE', [tokenHash(portal.token!)]);

  const inFlight = portal.invoices.list();
  // Wait until PostgreSQL shows the request blocked on our lock.
  for (let waited = 0; ; waited += 20) {
    const { rows } = await s.db.owner.raw(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0].n === 1) break;
    if (waited > 10_000) throw new Error('the request never reached the lock');
    await new Promise((r) => setTimeout(r, 20));
  }
  let closed = false;
  const closing = s.server.close().then(() => (closed = true));
  await new Promise((r) => setTimeout(r, 300));
  t.false(closed, 'close waits for the request in flight');
  await t.throwsAsync(fetch(`${s.baseUrl}/healthz`), undefined, 'no new connections are accepted');

  await locker.query('COMMIT');
  const page = await inFlight;
  t.is(page.data.length, 6);
  await closing;
  t.true(closed);
});
