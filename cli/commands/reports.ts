import { InvalidArgumentError, type Command } from 'commander';
import { formatMoney } from '../../sdk/format.js';
import type { RevenueReport } from '../../sdk/schemas/reports.js';
import { adminClient } from '../api.js';
import { printJson, printTable } from '../output.js';
import { withAdmin, type OutputFlags } from './clients.js';

const messages = {
  badMonth: 'It must be a month such as 2026-03.',
  header: (r: RevenueReport) => `Revenue ${r.from} to ${r.to} (months in ${r.timezone})\n`,
  none: 'No invoices or payments in this period.\n',
  noArea: '(no practice area)',
};

function month(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError(messages.badMonth);
  return value;
}

/** `caseflow reports …`: the firm's financial reports (admins only). */
export function registerReports(program: Command): void {
  const reports = program.command('reports').description('Financial reports (admins and admin API keys only)');

  withAdmin(
    reports
      .command('revenue')
      .description('Collected and outstanding per month and per practice area, one table per currency')
      .option('--from <YYYY-MM>', 'first month (default: 11 months before --to)', month)
      .option('--to <YYYY-MM>', "last month (default: this month in the firm's time zone)", month),
  ).action(async (flags: OutputFlags & { from?: string; to?: string }) => {
    const report = await adminClient(flags).reports.revenue({
      ...(flags.from ? { from: flags.from } : {}),
      ...(flags.to ? { to: flags.to } : {}),
    });
    if (flags.json) return printJson(report);
    process.stdout.write(messages.header(report));
    if (report.currencies.length === 0) return void process.stdout.write(messages.none);
    for (const c of report.currencies) {
      const money = (amount: number) => formatMoney(amount, c.currency);
      process.stdout.write(`\n${c.currency}\n`);
      printTable(
        [
          ...c.months.map((m) => ({
            month: m.month,
            collected: money(m.collected),
            outstanding: money(m.outstanding),
          })),
          { month: 'total', collected: money(c.totals.collected), outstanding: money(c.totals.outstanding) },
        ],
        ['month', 'collected', 'outstanding'],
      );
      process.stdout.write('\n');
      printTable(
        c.practice_areas.map((a) => ({
          practice_area: a.name ?? messages.noArea,
          collected: money(a.collected),
          outstanding: money(a.outstanding),
        })),
        ['practice_area', 'collected', 'outstanding'],
      );
    }
  });
}
