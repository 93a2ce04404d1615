/**
 * `caseflow invoices show`, a real process against a real server: a payment an
 * admin made while previewing the portal as the client reads "by {admin},
 * previewing" to the firm too (DESIGN §2), in the payments table and in --json.
 */
import test from 'ava';
import type { AdminInvoice } from '../../sdk/schemas/invoices.js';
import { cliWithApiKey, runCli, type KeyedCli } from '../helpers/cli.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
let env: NodeJS.ProcessEnv;
let keyed: KeyedCli;
let adaId: string;

test.before(async () => {
  s = await startTestServer();
  const db = s.db.owner;
  const tenant = await db('tenants').where({ slug: 'acme' }).first();
  keyed = await cliWithApiKey(s.db.owner, {
    baseUrl: s.baseUrl,
    tenant: 'acme',
    role: 'staff',
    name: 'CLI previewed payments (staff)',
  });
  env = keyed.env;
  adaId = (await db('staff_users').where({ tenant_id: tenant.id, email: demoStaff.ada.email }).first()).id;
  const nora = await db('contacts').where({ tenant_id: tenant.id, email: demo.nora.email }).first();
  const invoice = await db('invoices').where({ tenant_id: tenant.id, number: 'INV-0002' }).first();
  // What the Stripe webhook records for a Checkout Ada opened while previewing as Nora.
  const updated = await db('payments').where({ tenant_id: tenant.id, invoice_id: invoice.id }).update({
    method: 'stripe',
    mode: null,
    reference: null,
    stripe_payment_intent_id: 'pi_previewed_by_ada',
    contact_id: nora.id,
    previewed_by: adaId,
  });
  if (updated !== 1) throw new Error(`expected one payment on INV-0002, updated ${updated}`);
});
test.after.always(async () => s?.close());

/** The lines of the payments table: the last block of the output. */
const paymentsTable = (stdout: string) => stdout.trimEnd().split('\n\n').at(-1)!.split('\n');

test('caseflow invoices show prints "by Ada Admin, previewing" beside a payment made in a preview', async (t) => {
  const shown = await runCli(['invoices', 'show', 'INV-0002'], env);
  t.is(shown.code, 0, shown.stderr);
  const [header, row, ...rest] = paymentsTable(shown.stdout);
  t.deepEqual(header!.split(/\s{2,}/), ['PAID_AT', 'AMOUNT', 'METHOD', 'MODE', 'TRANSACTION_ID', 'PREVIEWED']);
  t.regex(row!, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z +500\.00 USD +stripe +- +- +by Ada Admin, previewing$/);
  t.deepEqual(rest, []);

  const json = await runCli(['invoices', 'show', 'INV-0002', '--json'], env);
  t.is(json.code, 0, json.stderr);
  const invoice = JSON.parse(json.stdout) as AdminInvoice;
  t.deepEqual(
    invoice.payments.map((p) => [p.amount, p.method, p.previewed_by]),
    [[50000, 'stripe', { id: adaId, name: 'Ada Admin' }]],
  );
});

test('caseflow invoices show has no previewed column when no payment was made in a preview', async (t) => {
  const shown = await runCli(['invoices', 'show', 'INV-0001'], env);
  t.is(shown.code, 0, shown.stderr);
  const [header, row, ...rest] = paymentsTable(shown.stdout);
  t.deepEqual(header!.split(/\s{2,}/), ['PAID_AT', 'AMOUNT', 'METHOD', 'MODE', 'TRANSACTION_ID']);
  t.regex(row!, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z +1350\.00 USD +manual +bank_transfer +-$/);
  t.deepEqual(rest, []);
  t.notRegex(shown.stdout, /previewing/);
});
