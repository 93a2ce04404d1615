import test from 'ava';
import type { RequestDb } from '../../../server/db/request-db.js';
import type { PortalScope } from '../../../server/db/request-transaction.js';
import { homeFor } from '../../../server/modules/home/service.js';

// The home's providers decide, from the scope alone, which parts a contact's home
// has; a part it has not is null and costs no statement. No plan that opens the
// portal lacks announcements today, so that case is checked here, on a scope.

const scope = (o: Partial<PortalScope>): PortalScope => ({
  tenant_id: '00000000-0000-4000-8000-000000000001',
  tenant_slug: 'acme',
  tenant_name: 'Acme Law',
  plan: 'growth',
  locale: 'en',
  currency: 'USD',
  timezone: 'UTC',
  session_id: '00000000-0000-4000-8000-000000000002',
  session_kind: 'login',
  session_expires_at: new Date('2099-01-01T00:00:00Z'),
  contact_id: '00000000-0000-4000-8000-000000000003',
  client_id: '00000000-0000-4000-8000-000000000004',
  impersonator_id: null,
  permissions: ['invoices'],
  minted_by_type: null,
  minted_by_id: null,
  ...o,
});

/** A request connection that records the statements it is sent and finds no rows. */
function emptyDb(): { db: RequestDb; sent: string[] } {
  const sent: string[] = [];
  const db = {
    query: async (statement: { name?: string } | string) => {
      sent.push(typeof statement === 'string' ? statement : (statement.name ?? '(unnamed)'));
      return [];
    },
  } as unknown as RequestDb;
  return { db, sent };
}

const noInvoices = { balance_due: [], open_count: 0, overdue_count: 0, next_due: null };

test('each part of the home is read with one statement of its own', async (t) => {
  const { db, sent } = emptyDb();
  t.deepEqual(await homeFor(db, scope({})), {
    invoices: noInvoices,
    announcements: { unread_count: 0, latest: [] },
    waiting: [],
  });
  t.deepEqual(sent, ['portal_home_invoices', 'portal_home_announcements']);
});

test('on a plan without announcements the home leaves them out (null) instead of refusing, and reads nothing of them', async (t) => {
  const { db, sent } = emptyDb();
  t.deepEqual(await homeFor(db, scope({ plan: 'solo' })), { invoices: noInvoices, announcements: null, waiting: [] });
  t.deepEqual(sent, ['portal_home_invoices']);
});

test('without the invoices permission the invoices part is null and no invoice is read', async (t) => {
  const { db, sent } = emptyDb();
  const home = await homeFor(db, scope({ permissions: ['documents'] }));
  t.is(home.invoices, null);
  t.deepEqual(sent, ['portal_home_announcements']);
});
