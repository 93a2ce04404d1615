import test from 'ava';
import type { PortalClient } from '../../../sdk/portal-client.js';
import type { PortalHome } from '../../../sdk/schemas/home.js';
import { aClient, aContact, firmAdmin, portalAs } from '../../helpers/factories/index.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { statementsOf } from '../../helpers/statements.js';

// The home runs a fixed number of SQL statements whatever the data size: the
// statements one GET /portal/home sends on the app login's connections are
// counted in this process (the test server runs in it) by wrapping
// pg.Client.prototype.query, with 10 and then 10,000 invoices and announcements.

let s: TestServer;
let portal: PortalClient;
const ids = {} as { tenant: string; client: string; contact: string; ada: string };
const password = 'quarry-portal-2026';

test.before(async () => {
  s = await startTestServer();
  const ada = await firmAdmin(s);
  const client = await aClient(s, { admin: ada, name: 'Quarry Holdings' });
  const contact = await aContact(s, { admin: ada, client, password });
  portal = await portalAs(s, contact, password);
  const row = await s.db.owner('contacts').where({ id: contact.id }).first('tenant_id');
  const staff = await s.db.owner('staff_users').where({ email: 'ada@acme-law.example' }).first('id');
  Object.assign(ids, { tenant: row.tenant_id, client: client.id, contact: contact.id, ada: staff.id });
});
test.after.always(async () => s?.close());

/**
 * Invoices number `from` to `to` of the client, in one statement as the owner.
 * Invoice g is unpaid, partially paid (400 of 1,000 paid), paid or cancelled by
 * g mod 4; in USD, EUR or JPY by g mod 3; without a due date, long past due or
 * due far ahead by g mod 5.
 */
async function addInvoices(from: number, to: number): Promise<void> {
  await s.db.owner.raw(
    `INSERT INTO invoices (tenant_id, client_id, number, status, currency, issue_date, due_date,
                           subtotal, tax, total, amount_paid)
     SELECT :tenant, :client, 'Q-' || lpad(g::text, 5, '0'),
            (ARRAY['unpaid', 'partially_paid', 'paid', 'cancelled'])[g % 4 + 1],
            (ARRAY['USD', 'EUR', 'JPY'])[g % 3 + 1],
            DATE '2026-01-01',
            CASE g % 5 WHEN 0 THEN NULL WHEN 1 THEN DATE '2020-01-01' + g % 300 ELSE DATE '2099-01-01' + g % 300 END,
            1000, 0, 1000,
            CASE g % 4 WHEN 1 THEN 400 WHEN 2 THEN 1000 ELSE 0 END
       FROM generate_series(:from::int, :to::int) AS g`,
    { tenant: ids.tenant, client: ids.client, from, to },
  );
}

/**
 * Announcements number `from` to `to` of the firm, as the owner: announcement g
 * is published a minute after g − 1, except every tenth (a draft); the contact
 * has read every third.
 */
async function addAnnouncements(from: number, to: number): Promise<void> {
  await s.db.owner.raw(
    `INSERT INTO announcements (tenant_id, title, body, published_at, created_by_type, created_by_id)
     SELECT :tenant, 'Bulk ' || g, 'Body of ' || g,
            CASE WHEN g % 10 = 0 THEN NULL ELSE TIMESTAMPTZ '2026-01-01T00:00:00Z' + g * INTERVAL '1 minute' END,
            'staff', :ada
       FROM generate_series(:from::int, :to::int) AS g`,
    { tenant: ids.tenant, ada: ids.ada, from, to },
  );
  await s.db.owner.raw(
    `INSERT INTO announcement_reads (tenant_id, announcement_id, contact_id, client_id)
     SELECT tenant_id, id, :contact, :client FROM announcements
      WHERE tenant_id = :tenant AND published_at IS NOT NULL AND title ~ '^Bulk [0-9]+$'
        AND split_part(title, ' ', 2)::int BETWEEN :from AND :to AND split_part(title, ' ', 2)::int % 3 = 0`,
    { tenant: ids.tenant, contact: ids.contact, client: ids.client, from, to },
  );
}

/** The home the rules above give for records 1 to n, worked out here record by record. */
function expectedHome(n: number): Pick<PortalHome, 'invoices'> & { unread: number; latest: string[] } {
  const balance = new Map<string, number>();
  let open = 0;
  let overdue = 0;
  let next: { g: number; offset: number } | undefined;
  for (let g = 1; g <= n; g++) {
    if (g % 4 > 1) continue; // paid or cancelled
    open++;
    const currency = ['USD', 'EUR', 'JPY'][g % 3]!;
    balance.set(currency, (balance.get(currency) ?? 0) + (g % 4 === 1 ? 600 : 1000));
    if (g % 5 === 1) {
      overdue++;
      if (!next || g % 300 < next.offset) next = { g, offset: g % 300 };
    }
  }
  const unread: number[] = [];
  for (let g = 1; g <= n; g++) if (g % 10 !== 0 && g % 3 !== 0) unread.push(g);
  const due = (offset: number) => new Date(Date.UTC(2020, 0, 1 + offset)).toISOString().slice(0, 10);
  return {
    invoices: {
      balance_due: [...balance]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, amount]) => ({ currency, amount })),
      open_count: open,
      overdue_count: overdue,
      next_due: next
        ? {
            invoice_id: '(any)',
            number: `Q-${String(next.g).padStart(5, '0')}`,
            due_date: due(next.offset),
            amount_due: next.g % 4 === 1 ? 600 : 1000,
            currency: ['USD', 'EUR', 'JPY'][next.g % 3]!,
          }
        : null,
    },
    unread: unread.length,
    latest: unread
      .slice(-3)
      .reverse()
      .map((g) => `Bulk ${g}`),
  };
}

/** One GET /portal/home, with what it answered checked against the rules, and the statements it ran. */
async function measure(t: import('ava').ExecutionContext, n: number): Promise<string[]> {
  await s.server.jobs.drain(); // no job of the setup runs on the app pool while the request is counted
  const started = performance.now();
  const { result: home, statements } = await statementsOf(s, () => portal.home());
  t.log(`${n} records: ${statements.length} statements, answered in ${Math.round(performance.now() - started)} ms`);
  const expected = expectedHome(n);
  t.deepEqual(
    { ...home.invoices!, next_due: home.invoices!.next_due && { ...home.invoices!.next_due, invoice_id: '(any)' } },
    expected.invoices!,
    `invoices with ${n} records`,
  );
  t.is(home.announcements!.unread_count, expected.unread, `unread announcements with ${n} records`);
  t.deepEqual(
    home.announcements!.latest.map((a) => a.title),
    expected.latest,
  );
  return statements;
}

test.serial(
  'GET /portal/home runs the same four statements with 10 and with 10,000 invoices and announcements',
  async (t) => {
    t.timeout(60_000);
    await addInvoices(1, 10);
    await addAnnouncements(1, 10);
    const small = await measure(t, 10);

    await addInvoices(11, 10_000);
    await addAnnouncements(11, 10_000);
    const large = await measure(t, 10_000);

    // The session check with its settings (one round trip), the invoices, the announcements, the commit.
    t.is(small.length, 4);
    t.is(large.length, small.length);
    t.deepEqual(large, small);
    t.regex(small[0]!, /^BEGIN; SELECT \* FROM caseflow\.enter_portal_session\(/);
    t.regex(small[1]!, /FROM invoices/);
    t.regex(small[2]!, /FROM announcements/);
    t.is(small[3], 'COMMIT');
  },
);
