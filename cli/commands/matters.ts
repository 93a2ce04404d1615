import { InvalidArgumentError, type Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { Matter, MatterStatus } from '../../sdk/schemas/matters.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printTable } from '../output.js';
import { askText } from '../prompts.js';
import { resolveClient, withAdmin, type OutputFlags } from './clients.js';
import { resolvePracticeArea } from './practice-areas.js';

const statuses: MatterStatus[] = ['not_started', 'in_progress', 'on_hold', 'cancelled', 'finished'];

const messages = {
  created: (m: Matter) => `Created matter ${m.number} ${m.title} (id ${m.id}).\n`,
  updated: (m: Matter) => `Matter ${m.number} ${m.title} is ${m.status}.\n`,
  nothing: 'Say what to change: --title, --status or --practice-area.',
  badStatus: `It must be one of ${statuses.join(', ')}.`,
  badNumber: 'It must be a positive whole number.',
  noClient: 'Name the client with --client <number-or-id>.',
  noMatter: (ref: string) => `No matter number ${ref} in this firm.`,
  badRef: (ref: string) => `"${ref}" is neither a matter number nor a matter id.`,
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A matter by its number or id. */
export async function resolveMatter(admin: AdminClient, ref: string, clientId?: string): Promise<Matter> {
  if (uuid.test(ref)) return admin.matters.retrieve(ref);
  if (!/^[1-9]\d{0,9}$/.test(ref)) throw new CliError(messages.badRef(ref));
  for await (const matter of admin.matters.list({ limit: 100, ...(clientId ? { client_id: clientId } : {}) })) {
    if (matter.number === Number(ref)) return matter;
  }
  throw new CliError(messages.noMatter(ref));
}

function status(value: string): MatterStatus {
  if (!statuses.includes(value as MatterStatus)) throw new InvalidArgumentError(messages.badStatus);
  return value as MatterStatus;
}

function positiveInt(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new InvalidArgumentError(messages.badNumber);
  return Number(value);
}

/** `caseflow matters …`: the firm's matters (minimal: create and list). */
export function registerMatters(program: Command): void {
  const matters = program.command('matters').description("Create, list and update the firm's matters");

  withAdmin(
    matters
      .command('list')
      .description('List matters, newest first')
      .option('--client <number-or-id>', "only this client's matters"),
  ).action(async (flags: OutputFlags & { client?: string }) => {
    const admin = adminClient(flags);
    const client = flags.client ? await resolveClient(admin, flags.client) : undefined;
    const all = await admin.matters.list({ limit: 100, ...(client ? { client_id: client.id } : {}) }).toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((m) => ({
        number: m.number,
        title: m.title,
        status: m.status,
        client: m.client_id,
        practice_area: m.practice_area_id,
        id: m.id,
      })),
      ['number', 'title', 'status', 'client', 'practice_area', 'id'],
    );
  });

  withAdmin(
    matters
      .command('create')
      .description('Create a matter for a client')
      .option('--client <number-or-id>', 'the client')
      .option('--title <title>', 'e.g. "Lease renewal"')
      .option('--number <number>', 'its number (default: the next one)', positiveInt)
      .option('--status <status>', `one of ${statuses.join(', ')} (default not_started)`, status)
      .option('--practice-area <name-or-id>', 'the practice area to file it under'),
  ).action(
    async (
      flags: OutputFlags & {
        client?: string;
        title?: string;
        number?: number;
        status?: MatterStatus;
        practiceArea?: string;
      },
    ) => {
      const admin = adminClient(flags);
      if (!flags.client) throw new CliError(messages.noClient);
      const client = await resolveClient(admin, flags.client);
      const title = await askText(flags.title, '--title', 'Matter title');
      const matter = await admin.matters.create({
        client_id: client.id,
        title,
        ...(flags.number ? { number: flags.number } : {}),
        ...(flags.status ? { status: flags.status } : {}),
        ...(flags.practiceArea ? { practice_area_id: (await resolvePracticeArea(admin, flags.practiceArea)).id } : {}),
      });
      if (flags.json) printJson(matter);
      else process.stdout.write(messages.created(matter));
    },
  );

  withAdmin(
    matters
      .command('update <number-or-id>')
      .description('Retitle a matter, change its status or its practice area')
      .option('--title <title>')
      .option('--status <status>', `one of ${statuses.join(', ')}`, status)
      .option('--practice-area <name-or-id>', 'a practice area, or "none" to take it out of its area'),
  ).action(
    async (ref: string, flags: OutputFlags & { title?: string; status?: MatterStatus; practiceArea?: string }) => {
      if (!flags.title && !flags.status && flags.practiceArea === undefined) throw new CliError(messages.nothing);
      const admin = adminClient(flags);
      const matter = await resolveMatter(admin, ref);
      const area =
        flags.practiceArea === undefined
          ? undefined
          : flags.practiceArea.toLowerCase() === 'none'
            ? null
            : (await resolvePracticeArea(admin, flags.practiceArea)).id;
      const updated = await admin.matters.update(matter.id, {
        ...(flags.title ? { title: flags.title } : {}),
        ...(flags.status ? { status: flags.status } : {}),
        ...(area !== undefined ? { practice_area_id: area } : {}),
      });
      if (flags.json) printJson(updated);
      else process.stdout.write(messages.updated(updated));
    },
  );
}
