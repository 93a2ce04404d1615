import type { Command } from 'commander';
import { formatMinor, formatMoney, parseMajor } from '../../sdk/format.js';
import type { StaffUpdateRequest } from '../../sdk/schemas/staff.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';

const messages = {
  badRate: (currency: string, why: string) =>
    `--hourly-rate: ${why} (amounts are in ${currency}, e.g. ${formatMinor(25_000, currency)}).`,
};

function role(value: string | undefined): 'admin' | 'staff' | undefined {
  if (value === undefined || value === 'admin' || value === 'staff') return value;
  throw new CliError('--role must be admin or staff.');
}

export function registerStaff(program: Command): void {
  const staff = program.command('staff').description("Manage the firm's staff users");

  staff
    .command('list')
    .description('List staff users')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const admin = adminClient();
      const all = [];
      for await (const user of admin.staff.list({ limit: 100 })) all.push(user);
      if (options.json) return printJson(all);
      // Rates are minor units of the firm's currency: shown as money, like every amount the CLI prints.
      const { currency } = (await admin.me()).firm;
      printTable(
        all.map((u) => ({ ...u, hourly_rate: u.hourly_rate === null ? '-' : formatMoney(u.hourly_rate, currency) })),
        ['id', 'email', 'first_name', 'last_name', 'role', 'active', 'phone', 'hourly_rate'],
      );
    });

  staff
    .command('invite')
    .description('Invite a staff user: they are emailed a single-use set-password link (admins only)')
    .requiredOption('--email <email>')
    .requiredOption('--first-name <name>')
    .requiredOption('--last-name <name>')
    .option('--role <role>', 'admin or staff', 'staff')
    .option('--json', 'print JSON')
    .action(async (options: { email: string; firstName: string; lastName: string; role: string; json?: boolean }) => {
      const user = await adminClient().staff.invite({
        email: options.email,
        first_name: options.firstName,
        last_name: options.lastName,
        role: role(options.role)!,
      });
      if (options.json) return printJson(user);
      process.stdout.write(`Invited ${user.email} (${user.role}); a set-password link valid 48 hours was emailed.\n`);
    });

  staff
    .command('resend-invite <id>')
    .description('Email a staff user a new set-password link; the old one stops working (admins only)')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const user = await adminClient().staff.resendInvite(id);
      if (options.json) return printJson(user);
      process.stdout.write(
        `Sent ${user.email} a new set-password link, valid 48 hours; the previous link no longer works.\n`,
      );
    });

  staff
    .command('update <id>')
    .description(
      'Rename, change the role, phone or hourly rate of, or (de)activate a staff user (admins only; you may change your own phone)',
    )
    .option('--first-name <name>')
    .option('--last-name <name>')
    .option('--role <role>', 'admin or staff')
    .option('--deactivate', 'end their access and sessions')
    .option('--reactivate')
    .option('--phone <phone>', 'e.g. "+1 212 555 0100"; "none" removes it')
    .option('--hourly-rate <amount>', 'in the firm currency, e.g. 250.00; "none" removes it')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        options: {
          firstName?: string;
          lastName?: string;
          role?: string;
          deactivate?: boolean;
          reactivate?: boolean;
          phone?: string;
          hourlyRate?: string;
          json?: boolean;
        },
      ) => {
        const admin = adminClient();
        const profile: StaffUpdateRequest = {};
        if (options.phone !== undefined) profile.phone = options.phone.toLowerCase() === 'none' ? null : options.phone;
        if (options.hourlyRate !== undefined) {
          if (options.hourlyRate.toLowerCase() === 'none') profile.hourly_rate = null;
          else {
            // Rates are in the firm's currency: its exponent says how many decimals an amount may have.
            const { currency } = (await admin.me()).firm;
            try {
              profile.hourly_rate = parseMajor(options.hourlyRate, currency);
            } catch (error) {
              throw new CliError(messages.badRate(currency, (error as Error).message));
            }
          }
        }
        const user = await admin.staff.update(id, {
          ...profile,
          ...(options.firstName ? { first_name: options.firstName } : {}),
          ...(options.lastName ? { last_name: options.lastName } : {}),
          ...(options.role ? { role: role(options.role) } : {}),
          ...(options.deactivate ? { active: false } : options.reactivate ? { active: true } : {}),
        });
        if (options.json) return printJson(user);
        printRecord(user);
      },
    );
}
