import { InvalidArgumentError, type Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type {
  AdminInvoice,
  AdminInvoiceLineInput,
  AdminInvoiceStatus,
  AdminInvoiceSummary,
  PaymentMode,
} from '../../sdk/schemas/invoices.js';
import { isKnownCurrency } from '../../sdk/currencies.js';
import { formatMoney, parseMajor } from '../../sdk/format.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';
import { resolveClient, withAdmin, type OutputFlags } from './clients.js';
import { resolveMatter } from './matters.js';

const statuses: AdminInvoiceStatus[] = ['draft', 'unpaid', 'partially_paid', 'paid', 'overdue', 'cancelled'];
const modes: PaymentMode[] = ['bank_transfer', 'cash', 'check', 'card', 'other'];

const messages = {
  created: (i: AdminInvoice) =>
    `Created draft invoice ${i.id} for ${formatMoney(i.total, i.currency)} (${i.lines.length} line${i.lines.length === 1 ? '' : 's'}).\n`,
  updated: (i: AdminInvoice) => `Draft invoice ${i.id} updated: total ${formatMoney(i.total, i.currency)}.\n`,
  sent: (i: AdminInvoice) =>
    `Sent invoice ${i.number} (${formatMoney(i.amount_due, i.currency)} due${i.due_date ? ` by ${i.due_date}` : ''}).\n`,
  cancelled: (i: AdminInvoice) => `Cancelled invoice ${i.number}.\n`,
  paid: (amount: number, i: AdminInvoice) =>
    `Recorded ${formatMoney(amount, i.currency)} on invoice ${i.number}: now ${i.status}, ${formatMoney(i.amount_due, i.currency)} due.\n`,
  previewedBy: (admin: string) => `by ${admin}, previewing`,
  noInvoice: (ref: string) => `No invoice number ${ref} in this firm.`,
  noClient: 'Name the client with --client <number-or-id>.',
  noLines: 'Give at least one --line "description|quantity|unit price|tax rate".',
  badLine: (line: string) =>
    `"${line}" is not "description|quantity|unit price" or "description|quantity|unit price|tax rate" (e.g. "Advice|1.5|250.00|20").`,
  badAmount: (currency: string, why: string) => `${why} (amounts are in ${currency}, e.g. 150.00).`,
  badStatus: `It must be one of ${statuses.join(', ')}.`,
  badMode: `It must be one of ${modes.join(', ')}.`,
  badCurrency: (c: string) => `"${c}" is not an ISO 4217 currency code such as USD.`,
  badDate: 'It must be a date such as 2026-12-31.',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An invoice by its id or its number (e.g. INV-0007). */
async function resolveInvoice(admin: AdminClient, ref: string): Promise<AdminInvoice> {
  if (uuid.test(ref)) return admin.invoices.retrieve(ref);
  const [found] = (await admin.invoices.list({ number: ref, limit: 1 })).data;
  if (!found) throw new CliError(messages.noInvoice(ref));
  return admin.invoices.retrieve(found.id);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function date(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(messages.badDate);
  return value;
}
function currency(value: string): string {
  const code = value.toUpperCase();
  if (!isKnownCurrency(code)) throw new InvalidArgumentError(messages.badCurrency(value));
  return code;
}

/** A major-unit amount (150.00) in minor units of the currency: never rounded. */
function minor(text: string, code: string): number {
  try {
    return parseMajor(text, code);
  } catch (error) {
    throw new CliError(messages.badAmount(code, (error as Error).message));
  }
}

/**
 * `--line "description|quantity|unit price|tax rate"`: the unit price in major
 * units of the invoice's currency (150.00 USD → 15000 cents; 1500 JPY → 1500),
 * the tax rate in percent, optional. Descriptions cannot contain "|".
 */
export function parseLine(line: string, code: string): AdminInvoiceLineInput {
  const parts = line.split('|').map((p) => p.trim());
  if (parts.length < 3 || parts.length > 4 || !parts[0]) throw new CliError(messages.badLine(line));
  const [description, quantity, price, taxRate] = parts as [string, string, string, string | undefined];
  return {
    description,
    quantity,
    unit_price: minor(price, code),
    ...(taxRate ? { tax_rate: taxRate } : {}),
  };
}

/** The names of the invoices' clients, each client read once. */
async function clientNames(admin: AdminClient, invoices: AdminInvoiceSummary[]): Promise<Map<string, string>> {
  const ids = [...new Set(invoices.map((i) => i.client_id))];
  const clients = await Promise.all(ids.map((id) => admin.clients.retrieve(id)));
  return new Map(clients.map((c) => [c.id, c.name]));
}

/** One line of `invoices list`: who owes it, and BALANCE for what is still owed (DUE read as a date). */
function summaryRow(i: AdminInvoiceSummary, names: Map<string, string>) {
  return {
    number: i.number ?? '(draft)',
    client: names.get(i.client_id) ?? i.client_id,
    status: i.status,
    total: formatMoney(i.total, i.currency),
    balance: formatMoney(i.amount_due, i.currency),
    due_date: i.due_date,
    id: i.id,
  };
}

function showInvoice(i: AdminInvoice): void {
  printRecord({
    id: i.id,
    number: i.number,
    status: i.status,
    client_id: i.client_id,
    matter_id: i.matter_id,
    issue_date: i.issue_date,
    due_date: i.due_date,
    subtotal: formatMoney(i.subtotal, i.currency),
    tax: formatMoney(i.tax, i.currency),
    total: formatMoney(i.total, i.currency),
    amount_paid: formatMoney(i.amount_paid, i.currency),
    balance: formatMoney(i.amount_due, i.currency),
    external_id: i.external_id,
    last_sent_at: i.last_sent_at,
    client_note: i.client_note,
    internal_note: i.internal_note,
  });
  process.stdout.write('\n');
  printTable(
    i.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unit_price: formatMoney(l.unit_price, i.currency),
      tax_rate: l.tax_rate,
      amount: formatMoney(l.amount, i.currency),
      tax: formatMoney(l.tax, i.currency),
    })),
    ['description', 'quantity', 'unit_price', 'tax_rate', 'amount', 'tax'],
  );
  if (i.payments.length) {
    process.stdout.write('\n');
    // A payment an admin made while previewing the portal as the client says so (DESIGN §2);
    // the column is there only when one did.
    const previewed = i.payments.some((p) => p.previewed_by);
    printTable(
      i.payments.map((p) => ({
        paid_at: p.paid_at,
        amount: formatMoney(p.amount, p.currency),
        method: p.method,
        mode: p.mode,
        transaction_id: p.transaction_id,
        previewed: p.previewed_by ? messages.previewedBy(p.previewed_by.name) : null,
      })),
      ['paid_at', 'amount', 'method', 'mode', 'transaction_id', ...(previewed ? ['previewed'] : [])],
    );
  }
}

function output(invoice: AdminInvoice, flags: OutputFlags, human: (i: AdminInvoice) => string): void {
  if (flags.json) printJson(invoice);
  else process.stdout.write(human(invoice));
}

interface ContentFlags extends OutputFlags {
  client?: string;
  matter?: string;
  currency?: string;
  issueDate?: string;
  due?: string;
  clientNote?: string;
  internalNote?: string;
  externalId?: string;
  line?: string[];
}

function contentOptions(command: Command): Command {
  return command
    .option('--matter <number-or-id>', "one of the client's matters")
    .option('--currency <code>', "ISO 4217 code (default: the firm's currency)", currency)
    .option('--issue-date <date>', 'YYYY-MM-DD (default: today)', date)
    .option('--due <date>', 'due date, YYYY-MM-DD', date)
    .option('--client-note <text>', 'shown to the client and on the PDF')
    .option('--internal-note <text>', 'for the firm only')
    .option(
      '--line <line>',
      '"description|quantity|unit price|tax rate", unit price in major units (150.00), tax rate optional; repeat per line',
      collect,
    );
}

/** `caseflow invoices …`: the firm's invoices. Amounts are typed and shown in major units (150.00 USD). */
export function registerInvoices(program: Command): void {
  const invoices = program
    .command('invoices')
    .description('List, show, create, change, send, cancel and record payments of invoices');

  withAdmin(
    invoices
      .command('list')
      .description('List invoices, newest first (drafts included)')
      .option('--client <number-or-id>', "only this client's invoices")
      .option('--status <status>', `one of ${statuses.join(', ')}`, (v: string) => {
        if (!statuses.includes(v as AdminInvoiceStatus)) throw new InvalidArgumentError(messages.badStatus);
        return v as AdminInvoiceStatus;
      }),
  ).action(async (flags: OutputFlags & { client?: string; status?: AdminInvoiceStatus }) => {
    const admin = adminClient(flags);
    const client = flags.client ? await resolveClient(admin, flags.client) : undefined;
    const all = await admin.invoices
      .list({
        limit: 100,
        ...(client ? { client_id: client.id } : {}),
        ...(flags.status ? { status: flags.status } : {}),
      })
      .toArray();
    if (flags.json) return printJson(all);
    const names = await clientNames(admin, all);
    printTable(
      all.map((i) => summaryRow(i, names)),
      ['number', 'client', 'status', 'total', 'balance', 'due_date', 'id'],
    );
  });

  withAdmin(invoices.command('show <number-or-id>').description('Show one invoice with its lines and payments')).action(
    async (ref: string, flags: OutputFlags) => {
      const invoice = await resolveInvoice(adminClient(flags), ref);
      if (flags.json) return printJson(invoice);
      showInvoice(invoice);
    },
  );

  withAdmin(
    contentOptions(
      invoices
        .command('create')
        .description('Create a draft invoice')
        .option('--client <number-or-id>', 'the client')
        .option('--external-id <id>', "the invoice's id in your own system (unique in the firm)"),
    ),
  ).action(async (flags: ContentFlags) => {
    const admin = adminClient(flags);
    if (!flags.client) throw new CliError(messages.noClient);
    if (!flags.line?.length) throw new CliError(messages.noLines);
    const client = await resolveClient(admin, flags.client);
    // Unit prices are typed in major units: the currency's exponent converts them.
    const code = flags.currency ?? (await admin.me()).firm.currency;
    const matter = flags.matter ? await resolveMatter(admin, flags.matter, client.id) : undefined;
    const invoice = await admin.invoices.create({
      client_id: client.id,
      currency: code,
      lines: flags.line.map((l) => parseLine(l, code)),
      ...(matter ? { matter_id: matter.id } : {}),
      ...(flags.issueDate ? { issue_date: flags.issueDate } : {}),
      ...(flags.due ? { due_date: flags.due } : {}),
      ...(flags.clientNote ? { client_note: flags.clientNote } : {}),
      ...(flags.internalNote ? { internal_note: flags.internalNote } : {}),
      ...(flags.externalId ? { external_id: flags.externalId } : {}),
    });
    output(invoice, flags, messages.created);
  });

  withAdmin(
    contentOptions(
      invoices
        .command('update <id>')
        .description('Change a draft (--line replaces all lines)')
        .option('--client <number-or-id>', 'another client'),
    ),
  ).action(async (ref: string, flags: ContentFlags) => {
    const admin = adminClient(flags);
    const current = await resolveInvoice(admin, ref);
    const client = flags.client ? await resolveClient(admin, flags.client) : undefined;
    const code = flags.currency ?? current.currency;
    const matter = flags.matter ? await resolveMatter(admin, flags.matter, client?.id ?? current.client_id) : undefined;
    const invoice = await admin.invoices.update(current.id, {
      ...(client ? { client_id: client.id } : {}),
      ...(matter ? { matter_id: matter.id } : {}),
      ...(flags.currency ? { currency: code } : {}),
      ...(flags.line?.length ? { lines: flags.line.map((l) => parseLine(l, code)) } : {}),
      ...(flags.issueDate ? { issue_date: flags.issueDate } : {}),
      ...(flags.due ? { due_date: flags.due } : {}),
      ...(flags.clientNote ? { client_note: flags.clientNote } : {}),
      ...(flags.internalNote ? { internal_note: flags.internalNote } : {}),
    });
    output(invoice, flags, messages.updated);
  });

  withAdmin(
    invoices
      .command('send <number-or-id>')
      .description('Send: a draft gets its number; a sent invoice is emailed again'),
  ).action(async (ref: string, flags: OutputFlags) => {
    const admin = adminClient(flags);
    output(await admin.invoices.send((await resolveInvoice(admin, ref)).id), flags, messages.sent);
  });

  withAdmin(invoices.command('cancel <number-or-id>').description('Cancel a sent invoice without payments')).action(
    async (ref: string, flags: OutputFlags) => {
      const admin = adminClient(flags);
      output(await admin.invoices.cancel((await resolveInvoice(admin, ref)).id), flags, messages.cancelled);
    },
  );

  withAdmin(
    invoices
      .command('pay <number-or-id>')
      .description('Record a manual payment (default: the whole balance)')
      .option('--amount <amount>', 'in major units, e.g. 150.00 (default: the balance)')
      .option('--date <date>', 'when it arrived, YYYY-MM-DD (default: now)', date)
      .option('--mode <mode>', modes.join(', '), (v: string) => {
        if (!modes.includes(v as PaymentMode)) throw new InvalidArgumentError(messages.badMode);
        return v as PaymentMode;
      })
      .option('--transaction-id <id>', "the bank's or processor's reference")
      .option('--note <text>', 'internal note'),
  ).action(
    async (
      ref: string,
      flags: OutputFlags & {
        amount?: string;
        date?: string;
        mode?: PaymentMode;
        transactionId?: string;
        note?: string;
      },
    ) => {
      const admin = adminClient(flags);
      const invoice = await resolveInvoice(admin, ref);
      const result = await admin.invoices.pay(invoice.id, {
        ...(flags.amount ? { amount: minor(flags.amount, invoice.currency) } : {}),
        ...(flags.date ? { paid_at: flags.date } : {}),
        ...(flags.mode ? { mode: flags.mode } : {}),
        ...(flags.transactionId ? { transaction_id: flags.transactionId } : {}),
        ...(flags.note ? { note: flags.note } : {}),
      });
      if (flags.json) return printJson(result);
      process.stdout.write(messages.paid(result.payment.amount, result.invoice));
    },
  );
}
