import { InvalidArgumentError, type Command } from 'commander';
import type { AdminCredit } from '../../sdk/schemas/invoices.js';
import type { AdminCreditResolveRequest } from '../../sdk/schemas/payments.js';
import { formatMoney } from '../../sdk/format.js';
import { adminClient } from '../api.js';
import { printJson, printTable } from '../output.js';
import { resolveClient, withAdmin, type OutputFlags } from './clients.js';

type Resolution = AdminCreditResolveRequest['resolution'];
const resolutions: Resolution[] = ['refunded_manually', 'written_off'];

const messages = {
  none: 'No open credits.\n',
  resolved: (c: AdminCredit) =>
    `Credit of ${formatMoney(c.original_amount, c.currency)} settled (${c.resolution?.replace('_', ' ')}).\n`,
  badResolution: `It must be one of ${resolutions.join(', ')}.`,
};

function resolution(value: string): Resolution {
  if (!resolutions.includes(value as Resolution)) throw new InvalidArgumentError(messages.badResolution);
  return value as Resolution;
}

/** `caseflow credits …`: money clients paid above a balance, owed back until the firm settles it. */
export function registerCredits(program: Command): void {
  const credits = program
    .command('credits')
    .description('Open client credits (overpayments taken by Stripe) and settling them');

  withAdmin(
    credits
      .command('list')
      .description('List open credits, newest first')
      .option('--client <number-or-id>', "only this client's credits"),
  ).action(async (flags: OutputFlags & { client?: string }) => {
    const admin = adminClient(flags);
    const client = flags.client ? await resolveClient(admin, flags.client) : undefined;
    const all = await admin.credits.list({ limit: 100, ...(client ? { client_id: client.id } : {}) }).toArray();
    if (flags.json) return printJson(all);
    if (!all.length) return void process.stdout.write(messages.none);
    printTable(
      all.map((c) => ({
        amount: formatMoney(c.amount, c.currency),
        client: c.client_id,
        invoice: c.invoice_id,
        created_at: c.created_at,
        id: c.id,
      })),
      ['amount', 'client', 'invoice', 'created_at', 'id'],
    );
  });

  withAdmin(
    credits
      .command('resolve <id>')
      .description('Settle a credit the firm handled itself')
      .requiredOption('--as <resolution>', `how it was settled: ${resolutions.join(' or ')}`, resolution)
      .option('--note <text>', 'kept in the audit trail'),
  ).action(async (id: string, flags: OutputFlags & { as: Resolution; note?: string }) => {
    const credit = await adminClient(flags).credits.resolve(id, {
      resolution: flags.as,
      ...(flags.note ? { note: flags.note } : {}),
    });
    if (flags.json) printJson(credit);
    else process.stdout.write(messages.resolved(credit));
  });
}
