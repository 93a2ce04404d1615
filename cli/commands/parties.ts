import { InvalidArgumentError, type Command } from 'commander';
import type { MatterParty, MatterPartyRole } from '../../sdk/schemas/matter-parties.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printTable } from '../output.js';
import { askText } from '../prompts.js';
import { withAdmin, type OutputFlags } from './clients.js';
import { resolveMatter } from './matters.js';

const roles: MatterPartyRole[] = ['client', 'opposing_party', 'opposing_counsel', 'witness', 'related_party', 'other'];

const messages = {
  added: (p: MatterParty, number: number) => `Added ${p.name} (${p.role}) to matter ${number} (id ${p.id}).\n`,
  removed: (id: string, number: number) => `Removed party ${id} from matter ${number}.\n`,
  badRole: `It must be one of ${roles.join(', ')}.`,
  noMatter: 'Name the matter with --matter <number-or-id>.',
  noRole: `Give the party's role with --role (${roles.join(', ')}).`,
};

function role(value: string): MatterPartyRole {
  if (!roles.includes(value as MatterPartyRole)) throw new InvalidArgumentError(messages.badRole);
  return value as MatterPartyRole;
}

type MatterFlags = OutputFlags & { matter?: string };

async function matterOf(flags: MatterFlags) {
  if (!flags.matter) throw new CliError(messages.noMatter);
  const admin = adminClient(flags);
  return { admin, matter: await resolveMatter(admin, flags.matter) };
}

/** `caseflow parties …`: the people and organisations involved in a matter (staff-only records). */
export function registerParties(program: Command): void {
  const parties = program
    .command('parties')
    .description("List, add and remove a matter's parties (client, opposing party and counsel, witnesses…)");

  withAdmin(
    parties
      .command('list')
      .description("List a matter's parties, newest first")
      .option('--matter <number-or-id>', 'the matter'),
  ).action(async (flags: MatterFlags) => {
    const { admin, matter } = await matterOf(flags);
    const all = await admin.matterParties.list(matter.id, { limit: 100 }).toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((p) => ({ role: p.role, name: p.name, email: p.email, id: p.id })),
      ['role', 'name', 'email', 'id'],
    );
  });

  withAdmin(
    parties
      .command('add')
      .description('Add a party to a matter')
      .option('--matter <number-or-id>', 'the matter')
      .option('--name <name>', 'a person or an organisation')
      .option('--email <email>', 'their email')
      .option('--role <role>', roles.join(', '), role),
  ).action(async (flags: MatterFlags & { name?: string; email?: string; role?: MatterPartyRole }) => {
    const { admin, matter } = await matterOf(flags);
    const name = await askText(flags.name, '--name', 'Party name');
    if (!flags.role) throw new CliError(messages.noRole);
    const party = await admin.matterParties.add(matter.id, {
      name,
      role: flags.role,
      ...(flags.email ? { email: flags.email } : {}),
    });
    if (flags.json) printJson(party);
    else process.stdout.write(messages.added(party, matter.number));
  });

  withAdmin(
    parties
      .command('remove <party-id>')
      .description('Remove a party from a matter')
      .option('--matter <number-or-id>', 'the matter'),
    false,
  ).action(async (partyId: string, flags: MatterFlags) => {
    const { admin, matter } = await matterOf(flags);
    await admin.matterParties.remove(matter.id, partyId);
    process.stdout.write(messages.removed(partyId, matter.number));
  });
}
