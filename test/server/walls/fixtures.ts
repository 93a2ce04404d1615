/**
 * One fixture per table: it makes sure the table has a row of each firm (acme,
 * bluebird) and, for client tables, of another client of the crawled contact's
 * firm (Globex), so the canary pass has rows to write into. Through the SDK where
 * an endpoint exists (that exercises the admin and portal side too), as the owner
 * otherwise. Rows the demo seed already has need no fixture: an empty entry says
 * so. A table added later fails the crawl's coverage check until it gets an
 * entry here (the failure names the table).
 */
import { randomUUID } from 'node:crypto';
import type { AdminClient } from '../../../sdk/admin-client.js';
import type { PortalClient } from '../../../sdk/portal-client.js';
import {
  aCheckoutSession,
  aConflictCheck,
  aCredit,
  aDomainEvent,
  aLead,
  aMatterParty,
  anInternalNote,
  anIdempotencyKey,
  aNote,
  aPayment,
  aPracticeArea,
  aRefund,
  aStripeAccount,
  aStripeEvent,
  aThread,
} from '../../helpers/factories/index.js';
import type { TestServer } from '../../helpers/server.js';

export interface World {
  s: TestServer;
  ada: AdminClient;
  bea: AdminClient;
  gina: PortalClient;
  ian: PortalClient;
  acme: string;
  bluebird: string;
  northwind: string;
  globex: string;
  initech: string;
  nora: string;
  ginaId: string;
  ianId: string;
  /** Invoices: Nora's sent one, Globex's, Initech's (sent, with a payment each after the payments fixture). */
  invoices: { northwind: string; globex: string; initech: string };
}

const owner = (w: World) => w.s.db.owner;

/** A matter of Northwind and one of Initech (the matters fixture makes Initech's). */
async function firmMatters(w: World): Promise<{ tenant_id: string; id: string }[]> {
  return owner(w)('matters')
    .whereIn('client_id', [w.northwind, w.initech])
    .distinctOn('client_id')
    .select('tenant_id', 'id');
}

/** The admin who writes a firm's records through the API: Ada at Acme, Bea at Bluebird. */
const adminOf = (w: World, tenantId: string): AdminClient => (tenantId === w.acme ? w.ada : w.bea);

/** Runs every fixture whose table exists (in order); answers the tables not there yet. */
export async function runFixtures(w: World): Promise<string[]> {
  const absent: string[] = [];
  for (const [table, fixture] of Object.entries(fixtures)) {
    const { rows } = await owner(w).raw('SELECT to_regclass(?) IS NOT NULL AS present', [`public.${table}`]);
    if (!rows[0].present) {
      absent.push(table);
      continue;
    }
    try {
      await fixture(w);
    } catch (error) {
      throw new Error(`fixture ${table} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return absent;
}

export const fixtures: Record<string, (w: World) => Promise<void>> = {
  // Seeded by the demo for both firms and both Acme clients.
  tenants: async () => {},
  clients: async () => {},
  contacts: async () => {},
  invoices: async () => {},
  invoice_lines: async () => {},
  invoice_counters: async () => {},
  staff_users: async () => {},
  // Rows written by the other fixtures' actions (logins, audited admin calls, first sealed mail).
  sessions: async () => {},
  audit_events: async () => {},
  tenant_keys: async () => {},
  // Seeded by the demo: each firm has its logo.
  tenant_logos: async () => {},
  async announcements(w) {
    await w.ada.announcements.create({ title: 'Office move', body: 'We move on Monday.', publish: true });
    await w.ada.announcements.create({ title: 'Draft notice', body: 'Not yet.', publish: false });
    await w.bea.announcements.create({ title: 'Bluebird news', body: 'Hello.', publish: true });
  },
  async announcement_reads(w) {
    const [acme] = (await w.gina.announcements.list()).data;
    await w.gina.announcements.markRead(acme!.id);
    const [bluebird] = (await w.ian.announcements.list()).data;
    await w.ian.announcements.markRead(bluebird!.id);
  },
  async api_keys(w) {
    await w.ada.apiKeys.create({ name: 'Billing sync', role: 'staff' });
    await w.bea.apiKeys.create({ name: 'Bluebird sync', role: 'admin' });
  },
  async matters(w) {
    await w.ada.matters.create({ client_id: w.globex, title: 'Globex merger' });
    await w.bea.matters.create({ client_id: w.initech, title: 'Initech lease' });
  },
  async email_outbox(w) {
    // Reset requests of other contacts: outbox rows, reset requests and single-use tokens of both firms.
    await w.s.portal('acme').auth.forgotPassword({ email: 'gina@globex.example' });
    await w.s.portal('bluebird').auth.forgotPassword({ email: 'ian@initech.example' });
    await w.s.server.jobs.drain();
  },
  async one_time_tokens(w) {
    // A welcome link of another contact, and Bluebird's own preview link.
    const [ned] = (await w.ada.contacts.list({ client_id: w.northwind })).data.filter((c) => c.id !== w.nora);
    if (ned) await w.ada.contacts.enablePortalAccess(ned.id, { send_welcome: true });
    await w.bea.impersonations.create(w.initech, { reason: 'check what Ian sees' });
  },
  async invoice_internal_notes(w) {
    for (const invoice of Object.values(w.invoices)) await anInternalNote(w.s, { invoice, keepExisting: true });
  },
  async payments(w) {
    await aPayment(w.s, { invoice: w.invoices.initech });
  },
  async refunds(w) {
    for (const invoice of [w.invoices.globex, w.invoices.initech])
      await aRefund(w.s, { payment: await aPayment(w.s, { invoice }) });
  },
  async client_credits(w) {
    for (const invoice of Object.values(w.invoices)) await aCredit(w.s, { payment: await aPayment(w.s, { invoice }) });
  },
  async checkout_sessions(w) {
    for (const [invoice, contact] of [
      [w.invoices.globex, w.ginaId],
      [w.invoices.initech, w.ianId],
    ] as const)
      await aCheckoutSession(w.s, { invoice, contact, status: 'expired', expires_at: new Date() });
  },
  async idempotency_keys(w) {
    for (const [tenantId, principal] of [
      [w.acme, `contact:${w.ginaId}`],
      [w.bluebird, `contact:${w.ianId}`],
      [w.acme, `staff:${randomUUID()}`],
    ] as const)
      await anIdempotencyKey(w.s, { firm: tenantId, principal });
  },
  async stripe_accounts(w) {
    // Acme's is connected through the admin API by the crawl (connectStripe); Bluebird's is written here.
    await aStripeAccount(w.s, { firm: w.bluebird });
  },
  async stripe_events(w) {
    for (const firm of [w.acme, w.bluebird]) await aStripeEvent(w.s, { firm });
  },
  async rate_limits(w) {
    await owner(w)('rate_limits').insert({ key: `walls:${randomUUID()}`, points: 1, expire: Date.now() + 3_600_000 });
  },
  // Firm records (staff-only tables): one row of Northwind (or of Acme) and one of Bluebird each,
  // through the admin API as each firm's admin. Skipped while the table does not exist yet.
  async practice_areas(w) {
    for (const admin of [w.ada, w.bea]) await aPracticeArea(w.s, { admin });
  },
  async leads(w) {
    for (const admin of [w.ada, w.bea]) await aLead(w.s, { admin });
  },
  async matter_parties(w) {
    for (const m of await firmMatters(w)) await aMatterParty(w.s, { admin: adminOf(w, m.tenant_id), matter: m });
  },
  async conflict_checks(w) {
    // Each check names its firm's own client, so the search records a match (conflict_check_matches).
    await aConflictCheck(w.s, { admin: w.ada, parties: [{ name: 'Northwind Traders' }], note: 'note' });
    await aConflictCheck(w.s, { admin: w.bea, parties: [{ name: 'Initech' }], note: 'note' });
  },
  // Written by conflict_checks (the searches' matches).
  conflict_check_matches: async () => {},
  async internal_notes(w) {
    await aNote(w.s, { admin: w.ada, client: w.northwind });
    await aNote(w.s, { admin: w.bea, client: w.initech });
  },
  async matter_threads(w) {
    // Each thread starts with its first message (matter_thread_messages).
    for (const m of await firmMatters(w)) await aThread(w.s, { admin: adminOf(w, m.tenant_id), matter: m });
  },
  // Written by matter_threads (every thread's first message).
  matter_thread_messages: async () => {},
  async password_reset_requests(w) {
    // Processed requests forget their email (a CHECK): keep one waiting, of each firm, by inserting
    // it with its trigger off, so no job is enqueued to process it before the canary pass.
    await owner(w).transaction(async (trx) => {
      await trx.raw('ALTER TABLE password_reset_requests DISABLE TRIGGER password_reset_requests_enqueue');
      for (const tenantId of [w.acme, w.bluebird])
        await trx('password_reset_requests').insert({ tenant_id: tenantId, email: 'waiting@example.com' });
      await trx.raw('ALTER TABLE password_reset_requests ENABLE TRIGGER password_reset_requests_enqueue');
    });
  },
  async domain_events(w) {
    // One event of each firm, as a service records it with its change.
    for (const firm of [w.acme, w.bluebird]) await aDomainEvent(w.s, { firm });
  },
};
