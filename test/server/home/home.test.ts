import test from 'ava';
import type { AdminClient } from '../../../sdk/admin-client.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import { PlanUpgradeRequiredError, type CaseflowError } from '../../../sdk/errors.js';
import type { Announcement } from '../../../sdk/schemas/announcements.js';
import type { PortalHome } from '../../../sdk/schemas/home.js';
import {
  aClient,
  aContact,
  anAnnouncement,
  anInvoiceRow,
  portalAs,
  setPlan,
  type InvoiceRow,
} from '../../helpers/factories/index.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';

// GET /api/v1/portal/home through the SDK (portal.home()). The announcements are
// the firm's, seen by every contact, so the tests run one after the other.

let s: TestServer;
let ada: AdminClient;
let hana: PortalClient;
let client: { id: string };
const password = 'homestead-portal-2026';
const invoice: Record<string, InvoiceRow> = {};
const announcement: Record<string, Announcement> = {};

/** A date long gone and one far ahead: overdue or not whatever day the suite runs. */
const past = (monthDay: string) => `2020-${monthDay}`;
const ahead = (monthDay: string) => `2099-${monthDay}`;

test.before(async () => {
  s = await startTestServer();
  ada = await s.staffLogin(demoStaff.ada);
  client = await aClient(s, { admin: ada, name: 'Homestead Farms' });
  const contact = await aContact(s, { admin: ada, client, is_primary: true, password });
  hana = await portalAs(s, contact, password);

  // Open: unpaid or partially paid, in two currencies, overdue or not, one without a due date.
  invoice.usdOverdue = await anInvoiceRow(s, { client, currency: 'USD', total: 10_000, due_date: past('01-15') });
  invoice.usdPartial = await anInvoiceRow(s, {
    client,
    currency: 'USD',
    status: 'partially_paid',
    total: 30_000,
    amount_paid: 12_000,
    due_date: ahead('03-01'),
  });
  invoice.usdUndated = await anInvoiceRow(s, { client, currency: 'USD', total: 5_000, due_date: null });
  invoice.eurOverdue = await anInvoiceRow(s, {
    client,
    currency: 'EUR',
    status: 'partially_paid',
    total: 20_000,
    amount_paid: 1_000,
    due_date: past('02-01'),
  });
  invoice.eurUpcoming = await anInvoiceRow(s, { client, currency: 'EUR', total: 6_000, due_date: ahead('01-10') });
  // Not counted: paid, cancelled (even past due); invisible: a draft, another client's.
  await anInvoiceRow(s, { client, status: 'paid', total: 7_000, amount_paid: 7_000, due_date: past('01-01') });
  await anInvoiceRow(s, { client, status: 'cancelled', currency: 'EUR', total: 9_000, due_date: past('01-02') });
  await anInvoiceRow(s, { client, status: 'draft', total: 50_000, due_date: '2019-01-01' });
  const other = await aClient(s, { admin: ada });
  await anInvoiceRow(s, { client: other, currency: 'GBP', total: 40_000, due_date: '2019-06-01' });
});
test.after.always(async () => s?.close());

async function refusal(promise: PromiseLike<unknown>): Promise<CaseflowError> {
  try {
    await promise;
  } catch (error) {
    return error as CaseflowError;
  }
  throw new Error('expected a refusal');
}

const listed = (a: Announcement) => ({ id: a.id, title: a.title, published_at: a.published_at! });

/** What Hana's home shows of the invoices above (the sums worked by hand). */
const hanasInvoices = (): PortalHome['invoices'] => ({
  balance_due: [
    { currency: 'EUR', amount: 19_000 + 6_000 },
    { currency: 'USD', amount: 10_000 + 18_000 + 5_000 },
  ],
  open_count: 5,
  overdue_count: 2,
  next_due: {
    invoice_id: invoice.usdOverdue!.id,
    number: invoice.usdOverdue!.number!,
    due_date: '2020-01-15',
    amount_due: 10_000,
    currency: 'USD',
  },
});

test.serial(
  'the home sums up open invoices per currency, the overdue ones, the next due, and the newest unread announcements',
  async (t) => {
    for (const name of ['first', 'second', 'third', 'fourth', 'fifth']) {
      announcement[name] = await anAnnouncement(s, { admin: ada, title: `Home ${name}` });
    }
    await anAnnouncement(s, { admin: ada, title: 'Home draft', publish: false });
    const bea = await s.staffLogin(demoStaff.bea);
    await anAnnouncement(s, { admin: bea, title: 'Bluebird news' });
    await hana.announcements.markRead(announcement.second!.id);
    // Another contact's read is theirs only.
    const gina = s.portal('acme');
    await gina.auth.login(demo.gina);
    await gina.announcements.markRead(announcement.fifth!.id);

    t.deepEqual(await hana.home(), {
      invoices: hanasInvoices(),
      announcements: {
        unread_count: 4,
        latest: [announcement.fifth!, announcement.fourth!, announcement.third!].map(listed),
      },
      waiting: [
        { kind: 'invoices_overdue', count: 2, href: '/clients/invoices' },
        { kind: 'invoices_to_pay', count: 3, href: '/clients/invoices' },
        { kind: 'announcements_unread', count: 4, href: '/clients/announcements' },
      ],
    });
  },
);

test.serial('a session the firm minted sees the same home as the contact’s own login', async (t) => {
  const contactId = (await s.db.owner('contacts').where({ client_id: client.id, is_primary: true }).first()).id;
  const { token } = await ada.portalSessions.create({ contact_id: contactId });
  t.deepEqual(await s.portal('acme', token).home(), await hana.home());
});

test.serial('a contact without the invoices permission gets invoices: null and no invoice kinds', async (t) => {
  const contact = await aContact(s, { admin: ada, client, permissions: ['documents'], password });
  const home = await (await portalAs(s, contact, password)).home();
  t.deepEqual(home, {
    invoices: null,
    announcements: {
      unread_count: 5,
      latest: [announcement.fifth!, announcement.fourth!, announcement.third!].map(listed),
    },
    waiting: [{ kind: 'announcements_unread', count: 5, href: '/clients/announcements' }],
  });
});

test.serial('with nothing open and everything read, the home has zeros, no next due and nothing waiting', async (t) => {
  const quiet = await aClient(s, { admin: ada });
  await anInvoiceRow(s, { client: quiet, status: 'paid', total: 1_000, amount_paid: 1_000, due_date: past('03-01') });
  const contact = await aContact(s, { admin: ada, client: quiet, password });
  const portal = await portalAs(s, contact, password);
  for (const a of await portal.announcements.list().toArray()) await portal.announcements.markRead(a.id);
  t.deepEqual(await portal.home(), {
    invoices: { balance_due: [], open_count: 0, overdue_count: 0, next_due: null },
    announcements: { unread_count: 0, latest: [] },
    waiting: [],
  });
});

test.serial('on the solo plan the home answers 402 like every portal section', async (t) => {
  await setPlan(s, 'acme', 'solo');
  try {
    const error = await refusal(hana.home());
    t.true(error instanceof PlanUpgradeRequiredError);
    t.is(error.status, 402);
    t.is(error.code, 'plan_upgrade_required');
  } finally {
    await setPlan(s, 'acme', 'growth');
  }
  t.is((await hana.home()).invoices?.open_count, 5);
});

test.serial('an admin preview sees the contact’s home, and reading it marks nothing read', async (t) => {
  const link = await ada.impersonations.create(client.id, { reason: 'home check' });
  const token = /#token=(cfl_[A-Za-z0-9_-]{43})$/.exec(link.url)![1]!;
  const preview = s.portal('acme');
  await preview.auth.redeemImpersonation({ token });
  // Opening the preview marked the firm's announcements read for Hana (DESIGN §2): both see none unread.
  const seen = await preview.home();
  t.deepEqual(seen, {
    invoices: hanasInvoices(),
    announcements: { unread_count: 0, latest: [] },
    waiting: [
      { kind: 'invoices_overdue', count: 2, href: '/clients/invoices' },
      { kind: 'invoices_to_pay', count: 3, href: '/clients/invoices' },
    ],
  });
  t.deepEqual(await hana.home(), seen);

  const news = await anAnnouncement(s, { admin: ada, title: 'Home sixth' });
  const withNews = await preview.home();
  t.deepEqual(withNews.announcements, { unread_count: 1, latest: [listed(news)] });
  t.deepEqual(await preview.home(), withNews, 'the preview reading its home marked nothing read');
  t.deepEqual(await hana.home(), withNews);
});
