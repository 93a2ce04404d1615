import type { Command } from 'commander';
import type { ConflictCheck, SearchedParty } from '../../sdk/schemas/conflict-checks.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';
import { withAdmin, type OutputFlags } from './clients.js';
import { resolveMatter } from './matters.js';

const messages = {
  noParty: 'Name at least one party with --party "Name" (repeatable; --email after a --party gives its email).',
  emailFirst: '--email belongs to the --party before it: put a --party first.',
  result: (c: ConflictCheck) =>
    c.result === 'clear'
      ? `Clear: no match for ${c.parties.length} ${c.parties.length === 1 ? 'party' : 'parties'} (check ${c.id}).\n`
      : `Potential conflict: ${c.match_count} ${c.match_count === 1 ? 'match' : 'matches'} (check ${c.id}).\n`,
};

/** --party and --email in the order given: each --email belongs to the --party before it. */
function partyCollector() {
  const parties: SearchedParty[] = [];
  return {
    parties,
    party: (name: string) => {
      parties.push({ name });
      return parties;
    },
    email: (email: string) => {
      const last = parties.at(-1);
      if (!last) throw new CliError(messages.emailFirst);
      last.email = email;
      return email;
    },
  };
}

function printCheck(check: ConflictCheck): void {
  process.stdout.write(messages.result(check));
  if (check.matches.length === 0) return;
  printTable(
    check.matches.map((m) => ({
      party: check.parties[m.party_index]?.name,
      kind: m.kind,
      on: m.matched_on,
      name: m.matched_name,
      email: m.matched_email,
      record: m.record_id,
    })),
    ['party', 'kind', 'on', 'name', 'email', 'record'],
  );
}

/** `caseflow conflicts …`: run and read conflict checks (staff-only records). */
export function registerConflicts(program: Command): void {
  const conflicts = program
    .command('conflicts')
    .description("Check names against the firm's clients, contacts, matter parties and leads");

  const collector = partyCollector();
  withAdmin(
    conflicts
      .command('check')
      .description('Run a conflict check and print its matches (the check is kept)')
      .option('--party <name>', 'a person or organisation to search for (repeatable, up to 20)', collector.party)
      .option('--email <email>', 'the email of the --party before it', collector.email)
      .option('--matter <number-or-id>', 'the matter the check is for')
      .option('--lead <id>', 'the lead the check is for')
      .option('--note <text>', 'why the check was run'),
  ).action(async (flags: OutputFlags & { matter?: string; lead?: string; note?: string }) => {
    if (collector.parties.length === 0) throw new CliError(messages.noParty);
    const admin = adminClient(flags);
    const matter = flags.matter ? await resolveMatter(admin, flags.matter) : undefined;
    const check = await admin.conflictChecks.run({
      parties: collector.parties,
      ...(matter ? { matter_id: matter.id } : {}),
      ...(flags.lead ? { lead_id: flags.lead } : {}),
      ...(flags.note ? { note: flags.note } : {}),
    });
    if (flags.json) return printJson(check);
    printCheck(check);
  });

  withAdmin(conflicts.command('list').description('List conflict checks, newest first')).action(
    async (flags: OutputFlags) => {
      const all = await adminClient(flags).conflictChecks.list({ limit: 100 }).toArray();
      if (flags.json) return printJson(all);
      printTable(
        all.map((c) => ({
          when: c.created_at,
          result: c.result,
          matches: c.match_count,
          parties: c.parties.map((p) => p.name).join('; '),
          id: c.id,
        })),
        ['when', 'result', 'matches', 'parties', 'id'],
      );
    },
  );

  withAdmin(conflicts.command('show <id>').description('Show one conflict check and its matches')).action(
    async (id: string, flags: OutputFlags) => {
      const check = await adminClient(flags).conflictChecks.retrieve(id);
      if (flags.json) return printJson(check);
      const { matches: _matches, parties, run_by, ...rest } = check;
      printRecord({
        ...rest,
        parties: parties.map((p) => (p.email ? `${p.name} <${p.email}>` : p.name)).join('; '),
        run_by: `${run_by.type} ${run_by.id}`,
      });
      printCheck(check);
    },
  );
}
