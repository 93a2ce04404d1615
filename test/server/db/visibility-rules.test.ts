import test from 'ava';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.js';
import {
  clientScoped,
  firmWideTables,
  internalTables,
  tables,
  visibilityProblems,
  writeOnlyTables,
} from '../../helpers/visibility.js';

let db: TestDatabase;

test.before(async () => {
  db = await createTestDatabase({ seed: false });
});
test.after.always(async () => db?.close());

test('the schema keeps every visibility rule for the portal role', async (t) => {
  t.deepEqual(await visibilityProblems(db.owner), []);
});

test('the client-scoped tables the portal reads are derived from the grants, and the exceptions are the listed firm-wide ones', async (t) => {
  const all = await tables(db.owner);
  t.deepEqual(
    clientScoped(all).map((x) => x.name),
    ['announcement_reads', 'checkout_sessions', 'contacts', 'invoice_lines', 'invoices', 'payments', 'refunds'],
  );
  t.deepEqual(
    all.filter((x) => x.portalSelect && x.name in firmWideTables).map((x) => x.name),
    ['announcements', 'staff_users', 'stripe_accounts', 'tenant_keys', 'tenant_logos', 'tenants'],
  );
});

test('the portal holds no grant on internal tables, and only INSERT on the audit log and the outbox', async (t) => {
  const all = await tables(db.owner);
  const granted = all.filter(
    (x) => internalTables.includes(x.name) && (x.portalSelect || x.portalInsert || x.portalUpdate || x.portalDelete),
  );
  t.deepEqual(
    granted.map((x) => x.name),
    [],
  );
  for (const name of Object.keys(writeOnlyTables)) {
    const table = all.find((x) => x.name === name)!;
    t.like(table, { portalSelect: false, portalInsert: true, portalUpdate: false, portalDelete: false }, name);
  }
  const { rows } = await db.owner.raw(
    `SELECT has_table_privilege('caseflow_portal', 'audit_events', 'SELECT') AS audit_read,
            has_any_column_privilege('caseflow_portal', 'api_keys', 'SELECT,INSERT,UPDATE,REFERENCES') AS api_keys,
            has_column_privilege('caseflow_portal', 'payments', 'note', 'SELECT') AS payment_note,
            has_column_privilege('caseflow_portal', 'invoices', 'external_id', 'SELECT') AS external_id,
            has_column_privilege('caseflow_portal', 'staff_users', 'email', 'SELECT') AS staff_email`,
  );
  t.deepEqual(rows[0], {
    audit_read: false,
    api_keys: false,
    payment_note: false,
    external_id: false,
    staff_email: false,
  });
});

test('every client row the portal reads names its client, and the database refuses one that names another client', async (t) => {
  const seeded = await createTestDatabase();
  t.teardown(() => seeded.close());
  const owner = seeded.owner;
  const acme = await owner('tenants').where({ slug: 'acme' }).first();
  const globex = await owner('clients').where({ tenant_id: acme.id, number: 1002 }).first();
  const nora = await owner('contacts').where({ email: 'nora@northwind.example' }).first();
  const noraInvoice = await owner('invoices').where({ tenant_id: acme.id, number: 'INV-0003' }).first();
  t.is(noraInvoice.client_id, nora.client_id);
  // A Globex payment on Northwind's invoice: the composite key refuses it (owner: RLS is bypassed).
  const wrongInvoice = await t.throwsAsync(
    owner('payments').insert({
      tenant_id: acme.id,
      client_id: globex.id,
      invoice_id: noraInvoice.id,
      amount: 1,
      currency: 'USD',
      method: 'manual',
    }),
  );
  t.regex(wrongInvoice.message, /payments_invoice_fkey/);
  // Globex's invoice paid by Nora, a contact of another client: refused as well.
  const ginaInvoice = await owner('invoices').where({ tenant_id: acme.id, number: 'INV-0007' }).first();
  const wrongContact = await t.throwsAsync(
    owner('payments').insert({
      tenant_id: acme.id,
      client_id: globex.id,
      invoice_id: ginaInvoice.id,
      contact_id: nora.id,
      amount: 1,
      currency: 'USD',
      method: 'manual',
    }),
  );
  t.regex(wrongContact.message, /payments_contact_fkey/);
  const lines = await owner('invoice_lines').where({ invoice_id: noraInvoice.id }).pluck('client_id');
  t.true(lines.length > 0);
  t.deepEqual([...new Set(lines)], [nora.client_id]);
});

test('a draft invoice moved to another client takes its lines along (the composite key cascades)', async (t) => {
  const seeded = await createTestDatabase();
  t.teardown(() => seeded.close());
  const owner = seeded.owner;
  const acme = await owner('tenants').where({ slug: 'acme' }).first();
  const globex = await owner('clients').where({ tenant_id: acme.id, number: 1002 }).first();
  const draft = await owner('invoices').where({ tenant_id: acme.id, status: 'draft' }).first();
  t.not(draft.client_id, globex.id);
  const lines = await owner('invoice_lines').where({ invoice_id: draft.id }).count({ n: '*' });
  t.true(Number(lines[0]!.n) > 0);
  await owner('invoices').where({ id: draft.id }).update({ client_id: globex.id });
  t.deepEqual(
    [...new Set(await owner('invoice_lines').where({ invoice_id: draft.id }).pluck('client_id'))],
    [globex.id],
  );
});

const rollback = new Error('rolled back on purpose');

test('the rules catch a new client table that forgets client_id, its composite key and its WITH CHECK pins', async (t) => {
  await db.owner
    .transaction(async (trx) => {
      await trx.raw(`
      CREATE TABLE walls_probe (
        tenant_id uuid NOT NULL, id uuid NOT NULL, invoice_id uuid NOT NULL, contact_id uuid NOT NULL, body text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id));
      ALTER TABLE walls_probe ENABLE ROW LEVEL SECURITY;
      CREATE POLICY walls_probe_portal ON walls_probe TO caseflow_portal
        USING (tenant_id = caseflow.current_tenant()) WITH CHECK (tenant_id = caseflow.current_tenant());
      GRANT SELECT, INSERT ON walls_probe TO caseflow_portal;
      CREATE TABLE lead_probe (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id));
      GRANT SELECT ON lead_probe TO caseflow_portal;
      GRANT SELECT (email) ON staff_users TO caseflow_portal;
    `);
      t.deepEqual(await visibilityProblems(trx), [
        'lead_probe: the portal has a grant but row-level security is not enabled and forced',
        'lead_probe: internal table, but the portal holds a grant on it',
        'walls_probe: the portal has a grant but row-level security is not enabled and forced',
        'staff_users: the portal may read tenant_id, id, email, first_name, last_name (only tenant_id, id, first_name, last_name)',
        'lead_probe: the portal can read it but it has no client_id column (add one, or list it as firm-wide with the reason)',
        'lead_probe: no portal read policy',
        'walls_probe: the portal can read it but it has no client_id column (add one, or list it as firm-wide with the reason)',
        'walls_probe: read policy walls_probe_portal does not pin client_id',
        'walls_probe: foreign key walls_probe_tenant_id_invoice_id_fkey to invoices omits client_id (it must map client_id to invoices.client_id)',
        'walls_probe: write policy walls_probe_portal does not pin client_id in WITH CHECK',
        'walls_probe: write policy walls_probe_portal does not pin contact_id in WITH CHECK',
      ]);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  t.deepEqual(await visibilityProblems(db.owner), []);
});
