import test from 'ava';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let db: TestDatabase;
let ids: { acme: string; northwind: string; globex: string };

test.before(async () => {
  db = await createTestDatabase();
  const tenant = await db.owner('tenants').where({ slug: 'acme' }).first();
  const northwind = await db.owner('clients').where({ tenant_id: tenant.id, number: 1001 }).first();
  const globex = await db.owner('clients').where({ tenant_id: tenant.id, number: 1002 }).first();
  ids = { acme: tenant.id, northwind: northwind.id, globex: globex.id };
});
test.after.always(async () => db?.close());

/** Runs statements as the app login, inside one transaction that is rolled back. */
async function asApp<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

async function asPortalOf(clientId: string | null, fn: (client: pg.Client) => Promise<void>) {
  return asApp(async (client) => {
    if (clientId) {
      await client.query(
        `SELECT set_config('caseflow.tenant_id', $1, true), set_config('caseflow.client_id', $2, true)`,
        [ids.acme, clientId],
      );
    }
    await client.query('SET LOCAL ROLE caseflow_portal');
    await fn(client);
  });
}

test('the owner sees invoices of several clients, drafts included (the proofs below are not vacuous)', async (t) => {
  const rows = await db.owner('invoices').where({ tenant_id: ids.acme }).select('client_id', 'status');
  t.true(rows.some((r) => r.client_id === ids.northwind && r.status === 'draft'));
  t.true(rows.some((r) => r.client_id === ids.globex));
  t.is(rows.length, 9);
});

test('caseflow_portal with client A settings: SELECT id, client_id FROM invoices returns exactly A’s non-draft rows', async (t) => {
  const expected = (
    await db
      .owner('invoices')
      .where({ tenant_id: ids.acme, client_id: ids.northwind })
      .whereNot({ status: 'draft' })
      .select('id')
  )
    .map((r) => r.id)
    .sort();
  t.is(expected.length, 6);
  await asPortalOf(ids.northwind, async (client) => {
    // Not SELECT *: external_id (the firm's billing-system id) is withheld from the portal.
    const { rows } = await client.query('SELECT id, client_id FROM invoices');
    t.deepEqual(rows.map((r) => r.id).sort(), expected);
  });
});

test('caseflow_portal without settings sees no invoice, line, payment, client or contact', async (t) => {
  await asPortalOf(null, async (client) => {
    for (const table of ['invoices', 'invoice_lines', 'payments', 'clients', 'tenants']) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
      t.is(rows[0].n, 0, table);
    }
    const { rows } = await client.query('SELECT count(*)::int AS n FROM contacts WHERE true');
    t.is(rows[0].n, 0);
  });
});

test('caseflow_portal may not read the audit log', async (t) => {
  await asPortalOf(ids.northwind, async (client) => {
    const error = await t.throwsAsync(client.query('SELECT * FROM audit_events'));
    t.regex(error.message, /permission denied for table audit_events/);
  });
});

test('caseflow_portal may not read the firm’s billing internals: internal notes, payment notes, credits, counters, matters', async (t) => {
  for (const sql of [
    'SELECT * FROM invoice_internal_notes',
    'SELECT note FROM payments',
    'SELECT * FROM payments',
    'SELECT * FROM client_credits',
    'SELECT * FROM invoice_counters',
    'SELECT * FROM matters',
  ]) {
    await asPortalOf(ids.northwind, async (client) => {
      const error = await t.throwsAsync(client.query(sql));
      t.regex(error.message, /permission denied/, sql);
    });
  }
  // The staff role reads the seeded internal note; the portal reads its payments' public columns.
  await asApp(async (client) => {
    await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [ids.acme]);
    await client.query('SET LOCAL ROLE caseflow_staff');
    const { rows } = await client.query('SELECT count(*)::int AS n FROM invoice_internal_notes');
    t.is(rows[0].n, 1);
  });
  await asPortalOf(ids.northwind, async (client) => {
    const { rows } = await client.query('SELECT amount, method, mode FROM payments ORDER BY amount');
    t.deepEqual(rows, [
      { amount: 50000, method: 'manual', mode: 'bank_transfer' },
      { amount: 135000, method: 'manual', mode: 'bank_transfer' },
    ]);
  });
});

test('caseflow_portal may not read credential columns, nor staff beyond names', async (t) => {
  for (const sql of [
    'SELECT password_hash FROM contacts',
    'SELECT email FROM staff_users',
    'SELECT password_hash FROM staff_users',
    'SELECT token_hash FROM sessions',
  ]) {
    await asPortalOf(ids.northwind, async (client) => {
      const error = await t.throwsAsync(client.query(sql));
      t.regex(error.message, /permission denied/, sql);
    });
  }
  await asPortalOf(ids.northwind, async (client) => {
    const { rows } = await client.query('SELECT first_name, last_name FROM staff_users ORDER BY first_name');
    t.deepEqual(rows, [
      { first_name: 'Ada', last_name: 'Admin' },
      { first_name: 'Sam', last_name: 'Staff' },
    ]);
  });
});

test('caseflow_staff cannot read credential columns either', async (t) => {
  await asApp(async (client) => {
    await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [ids.acme]);
    await client.query('SET LOCAL ROLE caseflow_staff');
    const error = await t.throwsAsync(client.query('SELECT password_hash FROM contacts'));
    t.regex(error.message, /permission denied/);
  });
});

test('caseflow_app without switching role is denied any query on invoices', async (t) => {
  await asApp(async (client) => {
    const error = await t.throwsAsync(client.query('SELECT count(*) FROM invoices'));
    t.regex(error.message, /permission denied for table invoices/);
  });
});

test('caseflow_app is not a superuser, owns nothing and does not inherit its roles', async (t) => {
  const { rows } = await db.owner.raw(`
    SELECT r.rolsuper, r.rolinherit, r.rolbypassrls,
           (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned
      FROM pg_roles r WHERE r.rolname = 'caseflow_app'`);
  t.deepEqual(rows[0], { rolsuper: false, rolinherit: false, rolbypassrls: false, owned: 0 });
});

test('every table has row-level security enabled and forced', async (t) => {
  const { rows } = await db.owner.raw(`
    SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> ALL (ARRAY['knex_migrations', 'knex_migrations_lock'])
     ORDER BY c.relname`);
  t.deepEqual(
    rows.map((r: { relname: string }) => r.relname),
    [
      'announcement_reads',
      'announcements',
      'api_keys',
      'audit_events',
      'checkout_sessions',
      'client_credits',
      'clients',
      'conflict_check_matches',
      'conflict_checks',
      'contacts',
      'domain_events',
      'email_outbox',
      'idempotency_keys',
      'internal_notes',
      'invoice_counters',
      'invoice_internal_notes',
      'invoice_lines',
      'invoices',
      'leads',
      'matter_parties',
      'matter_thread_messages',
      'matter_threads',
      'matters',
      'one_time_tokens',
      'password_reset_requests',
      'payments',
      'practice_areas',
      'rate_limits',
      'refunds',
      'sessions',
      'staff_users',
      'stripe_accounts',
      'stripe_events',
      'tenant_keys',
      'tenant_logos',
      'tenants',
    ],
  );
  for (const row of rows) t.true(row.relrowsecurity && row.relforcerowsecurity, row.relname);
});

test('the audit log is append-only: no role may update or delete it', async (t) => {
  for (const role of ['caseflow_staff', 'caseflow_portal', 'caseflow_auth', 'caseflow_platform', 'caseflow_worker']) {
    await asApp(async (client) => {
      await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [ids.acme]);
      await client.query(`SET LOCAL ROLE ${role}`);
      await client.query('SAVEPOINT s');
      const update = await t.throwsAsync(client.query(`UPDATE audit_events SET action = 'x'`));
      t.regex(update.message, /permission denied/, role);
      await client.query('ROLLBACK TO SAVEPOINT s');
      const del = await t.throwsAsync(client.query(`DELETE FROM audit_events`));
      t.regex(del.message, /permission denied/, role);
    });
  }
});

test('domain events are append-only for every role; only the worker reads them, one firm at a time', async (t) => {
  for (const role of ['caseflow_staff', 'caseflow_portal', 'caseflow_auth', 'caseflow_platform', 'caseflow_worker']) {
    await asApp(async (client) => {
      await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [ids.acme]);
      await client.query(`SET LOCAL ROLE ${role}`);
      await client.query('SAVEPOINT s');
      const update = await t.throwsAsync(client.query(`UPDATE domain_events SET type = 'x.y'`));
      t.regex(update.message, /permission denied/, role);
      await client.query('ROLLBACK TO SAVEPOINT s');
      const del = await t.throwsAsync(client.query(`DELETE FROM domain_events`));
      t.regex(del.message, /permission denied/, role);
      await client.query('ROLLBACK TO SAVEPOINT s');
      if (role === 'caseflow_worker') return;
      const read = await t.throwsAsync(client.query(`SELECT id FROM domain_events`));
      t.regex(read.message, /permission denied/, role);
    });
  }
  const other = await db.owner('tenants').where({ slug: 'bluebird' }).first();
  await db.owner('domain_events').insert([
    { tenant_id: ids.acme, id: '00000000-0000-4000-8000-00000000e001', type: 'test.acme', actor_type: 'system' },
    { tenant_id: other.id, id: '00000000-0000-4000-8000-00000000e002', type: 'test.bluebird', actor_type: 'system' },
  ]);
  await asApp(async (client) => {
    await client.query(`SELECT set_config('caseflow.tenant_id', $1, true)`, [ids.acme]);
    await client.query(`SET LOCAL ROLE caseflow_worker`);
    const { rows } = await client.query(`SELECT type FROM domain_events WHERE type LIKE 'test.%'`);
    t.deepEqual(rows, [{ type: 'test.acme' }]);
  });
});

test('a portal insert into the audit log is confined to its tenant', async (t) => {
  const other = await db.owner('tenants').where({ slug: 'bluebird' }).first();
  await asPortalOf(ids.northwind, async (client) => {
    await client.query(
      `INSERT INTO audit_events (tenant_id, actor_type, action) VALUES (caseflow.current_tenant(), 'contact', 'test.ok')`,
    );
    const error = await t.throwsAsync(
      client.query(`INSERT INTO audit_events (tenant_id, actor_type, action) VALUES ($1, 'contact', 'test.forged')`, [
        other.id,
      ]),
    );
    t.regex(error.message, /row-level security/);
  });
});
