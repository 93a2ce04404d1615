import type { Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { PracticeArea } from '../../sdk/schemas/practice-areas.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printTable } from '../output.js';
import { askText } from '../prompts.js';
import { withAdmin, type OutputFlags } from './clients.js';

const messages = {
  created: (a: PracticeArea) => `Created practice area ${a.name} (id ${a.id}).\n`,
  updated: (a: PracticeArea) => `Practice area ${a.name} is ${a.archived ? 'archived' : 'active'} (id ${a.id}).\n`,
  noArea: (ref: string) => `No practice area named "${ref}" in this firm.`,
  nothing: 'Say what to change: --name, --archive or --unarchive.',
  both: 'Give --archive or --unarchive, not both.',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A practice area by its id or its name (case-insensitively, archived ones included). */
export async function resolvePracticeArea(admin: AdminClient, ref: string): Promise<PracticeArea> {
  const all = await admin.practiceAreas.list({ limit: 100, include_archived: true }).toArray();
  const found = uuid.test(ref)
    ? all.find((a) => a.id === ref.toLowerCase())
    : all.find((a) => a.name.toLowerCase() === ref.trim().toLowerCase());
  if (!found) throw new CliError(messages.noArea(ref));
  return found;
}

/** `caseflow practice-areas …`: the firm's practice areas (admins change them). */
export function registerPracticeAreas(program: Command): void {
  const areas = program.command('practice-areas').description("List and manage the firm's practice areas");

  withAdmin(
    areas.command('list').description('List practice areas by name').option('--all', 'include archived areas'),
  ).action(async (flags: OutputFlags & { all?: boolean }) => {
    const all = await adminClient(flags)
      .practiceAreas.list({ limit: 100, ...(flags.all ? { include_archived: true } : {}) })
      .toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((a) => ({ name: a.name, archived: a.archived ? 'yes' : 'no', id: a.id })),
      ['name', 'archived', 'id'],
    );
  });

  withAdmin(
    areas
      .command('create')
      .description('Add a practice area (admins only)')
      .option('--name <name>', 'e.g. "Family law"'),
  ).action(async (flags: OutputFlags & { name?: string }) => {
    const name = await askText(flags.name, '--name', 'Practice area name');
    const area = await adminClient(flags).practiceAreas.create({ name });
    if (flags.json) printJson(area);
    else process.stdout.write(messages.created(area));
  });

  withAdmin(
    areas
      .command('update <name-or-id>')
      .description('Rename, archive or unarchive a practice area (admins only)')
      .option('--name <name>', 'the new name')
      .option('--archive', 'archive it: matters keep it, no matter can be given it again')
      .option('--unarchive', 'make it available again'),
  ).action(async (ref: string, flags: OutputFlags & { name?: string; archive?: boolean; unarchive?: boolean }) => {
    if (flags.archive && flags.unarchive) throw new CliError(messages.both);
    if (!flags.name && !flags.archive && !flags.unarchive) throw new CliError(messages.nothing);
    const admin = adminClient(flags);
    const area = await resolvePracticeArea(admin, ref);
    const updated = await admin.practiceAreas.update(area.id, {
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.archive ? { archived: true } : flags.unarchive ? { archived: false } : {}),
    });
    if (flags.json) printJson(updated);
    else process.stdout.write(messages.updated(updated));
  });
}
