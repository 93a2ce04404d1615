/**
 * The Stripe tables under the request roles: the portal never reads the webhook
 * signing secret nor another client's checkouts, nor the event store; the auth
 * role sees only whether payments are on; another firm sees nothing.
 */
import test from 'ava';
import pg from 'pg';
import { aCheckoutSession, aStripeAccount, aStripeEvent } from '../../helpers/factories/index.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';

let db: TestDatabase;
const ids: Record<string, string> = {};

test.before(async () => {
  db = await createTestDatabase();
  const owner = db.owner;
  const acme = await owner('tenants').where({ slug: 'acme' }).first();
  ids.acme = acme.id;
  ids.bluebird = (await owner('tenants').where({ slug: 'bluebird' }).first()).id;
  ids.northwind = (await owner('clients').where({ tenant_id: acme.id, number: 1001 }).first()).id;
  ids.globex = (await owner('clients').where({ tenant_id: acme.id, number: 1002 }).first()).id;
  ids.nora = (await owner('contacts').where({ email: 'nora@northwind.example' }).first()).id;
  ids.gina = (await owner('contacts').where({ email: 'gina@globex.example' }).first()).id;
  ids.noraInvoice = (await owner('invoices').where({ tenant_id: acme.id, number: 'INV-0003' }).first()).id;
  ids.ginaInvoice = (await owner('invoices').where({ tenant_id: acme.id, number: 'INV-0007' }).first()).id;
  await aStripeAccount(db, { firm: 'acme' });
  await aCheckoutSession(db, {
    invoice: ids.noraInvoice!,
    contact: ids.nora!,
    amount: 100,
    stripe_session_id: 'cs_test_nora',
  });
  await aStripeEvent(db, { firm: 'acme' });
});
test.after.always(async () => db?.close());

/** Statements as the app login in one rolled-back transaction, with the given role and settings. */
async function as<T>(role: string, settings: Record<string, string>, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.appUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const [name, value] of Object.entries(settings)) {
      await client.query(`SELECT set_config($1, $2, true)`, [`caseflow.${name}`, value]);
    }
    await client.query(`SET LOCAL ROLE ${role}`);
    return await fn(client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

const portalOf = (client: string, contact: string) => ({
  tenant_id: ids.acme!,
  client_id: client,
  contact_id: contact,
});

test('the portal reads whether payments are on, never the webhook secret; and no event', async (t) => {
  await as('caseflow_portal', portalOf(ids.northwind!, ids.nora!), async (c) => {
    const { rows } = await c.query('SELECT enabled, allow_partial_payments FROM stripe_accounts');
    t.deepEqual(rows, [{ enabled: true, allow_partial_payments: false }]);
    await c.query('SAVEPOINT s');
    await t.throwsAsync(c.query('SELECT webhook_secret_sealed FROM stripe_accounts'), { message: /permission denied/ });
    await c.query('ROLLBACK TO SAVEPOINT s');
    await t.throwsAsync(c.query('SELECT * FROM stripe_events'), { message: /permission denied/ });
  });
});

test('the auth role (login profile) sees only the payment switch', async (t) => {
  await as('caseflow_auth', { tenant_id: ids.acme! }, async (c) => {
    t.deepEqual((await c.query('SELECT enabled FROM stripe_accounts')).rows, [{ enabled: true }]);
    await t.throwsAsync(c.query('SELECT secret_key_sealed FROM stripe_accounts'), { message: /permission denied/ });
  });
});

test('a client sees its own invoices’ checkouts only, and cannot open one as another contact', async (t) => {
  await as('caseflow_portal', portalOf(ids.globex!, ids.gina!), async (c) => {
    t.deepEqual((await c.query('SELECT stripe_session_id FROM checkout_sessions')).rows, []);
    const updated = await c.query(`UPDATE checkout_sessions SET status = 'expired'`);
    t.is(updated.rowCount, 0);
    await t.throwsAsync(
      c.query(
        `INSERT INTO checkout_sessions (tenant_id, invoice_id, contact_id, stripe_session_id, amount, currency, url, expires_at)
         VALUES ($1, $2, $3, 'cs_test_forged', 1, 'USD', 'x', now())`,
        [ids.acme, ids.noraInvoice, ids.gina],
      ),
      { message: /row-level security/ },
    );
  });
  await as('caseflow_portal', portalOf(ids.northwind!, ids.nora!), async (c) => {
    t.deepEqual((await c.query('SELECT stripe_session_id FROM checkout_sessions')).rows, [
      { stripe_session_id: 'cs_test_nora' },
    ]);
  });
});

test('staff of another firm see no Stripe row', async (t) => {
  await as('caseflow_staff', { tenant_id: ids.bluebird! }, async (c) => {
    for (const table of ['stripe_accounts', 'checkout_sessions', 'stripe_events']) {
      t.deepEqual((await c.query(`SELECT * FROM ${table}`)).rows, [], table);
    }
  });
  await as('caseflow_staff', { tenant_id: ids.acme! }, async (c) => {
    t.is((await c.query('SELECT * FROM stripe_events')).rows.length, 1);
  });
});
