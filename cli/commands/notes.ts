import type { Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { InternalNote } from '../../sdk/schemas/notes.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printTable } from '../output.js';
import { askText } from '../prompts.js';
import { resolveClient, withAdmin, type OutputFlags } from './clients.js';
import { resolveMatter } from './matters.js';

const messages = {
  added: (n: InternalNote) => `Added note ${n.id}${n.pinned ? ' (pinned)' : ''}.\n`,
  edited: (n: InternalNote) => `Note ${n.id} updated${n.pinned ? ' (pinned)' : ''}.\n`,
  deleted: (id: string) => `Deleted note ${id}.\n`,
  target: 'Name the client with --client <number-or-id> or the matter with --matter <number-or-id>, not both.',
  nothing: 'Say what to change: --body, --pin or --unpin.',
  both: 'Give --pin or --unpin, not both.',
};

interface TargetFlags extends OutputFlags {
  client?: string;
  matter?: string;
}

/** The notes endpoint to use: a client's or a matter's. */
async function target(admin: AdminClient, flags: TargetFlags): Promise<{ kind: 'client' | 'matter'; id: string }> {
  if (Boolean(flags.client) === Boolean(flags.matter)) throw new CliError(messages.target);
  if (flags.client) return { kind: 'client', id: (await resolveClient(admin, flags.client)).id };
  return { kind: 'matter', id: (await resolveMatter(admin, flags.matter!)).id };
}

const withTarget = (command: Command) =>
  withAdmin(
    command
      .option('--client <number-or-id>', "the client's notes (those on its matters included)")
      .option('--matter <number-or-id>', "the matter's notes"),
  );

/** `caseflow notes …`: the firm's internal notes on clients and matters (never shown to clients). */
export function registerNotes(program: Command): void {
  const notes = program.command('notes').description('Internal notes on clients and matters (never shown to clients)');

  withTarget(notes.command('list').description('List notes, newest first')).action(async (flags: TargetFlags) => {
    const admin = adminClient(flags);
    const where = await target(admin, flags);
    const list = where.kind === 'client' ? admin.notes.listForClient(where.id) : admin.notes.listForMatter(where.id);
    const all = await list.toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((n) => ({
        created: n.created_at.slice(0, 16).replace('T', ' '),
        author: n.author.name,
        pinned: n.pinned ? 'yes' : '',
        note: n.body.length > 60 ? `${n.body.slice(0, 59)}…` : n.body,
        id: n.id,
      })),
      ['created', 'author', 'pinned', 'note', 'id'],
    );
  });

  withTarget(
    notes.command('add').description('Write a note').option('--body <text>', 'the note').option('--pin', 'pin it'),
  ).action(async (flags: TargetFlags & { body?: string; pin?: boolean }) => {
    const admin = adminClient(flags);
    const where = await target(admin, flags);
    const body = { body: await askText(flags.body, '--body', 'Note'), pinned: Boolean(flags.pin) };
    const note =
      where.kind === 'client'
        ? await admin.notes.createForClient(where.id, body)
        : await admin.notes.createForMatter(where.id, body);
    if (flags.json) printJson(note);
    else process.stdout.write(messages.added(note));
  });

  withAdmin(
    notes
      .command('edit <id>')
      .description('Change or (un)pin a note: your own, or any as an admin')
      .option('--body <text>', 'the new text')
      .option('--pin')
      .option('--unpin'),
  ).action(async (id: string, flags: OutputFlags & { body?: string; pin?: boolean; unpin?: boolean }) => {
    if (flags.pin && flags.unpin) throw new CliError(messages.both);
    if (!flags.body && !flags.pin && !flags.unpin) throw new CliError(messages.nothing);
    const note = await adminClient(flags).notes.update(id, {
      ...(flags.body ? { body: flags.body } : {}),
      ...(flags.pin ? { pinned: true } : flags.unpin ? { pinned: false } : {}),
    });
    if (flags.json) printJson(note);
    else process.stdout.write(messages.edited(note));
  });

  withAdmin(notes.command('delete <id>').description('Delete a note: your own, or any as an admin'), false).action(
    async (id: string, flags: OutputFlags) => {
      await adminClient(flags).notes.delete(id);
      process.stdout.write(messages.deleted(id));
    },
  );
}
