import type { Command } from 'commander';
import type { MatterThread, ThreadMessage } from '../../sdk/schemas/threads.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printTable } from '../output.js';
import { askText } from '../prompts.js';
import { withAdmin, type OutputFlags } from './clients.js';
import { resolveMatter } from './matters.js';

const messages = {
  noMatter: 'Name the matter with --matter <number-or-id>.',
  started: (th: MatterThread) => `Started thread "${th.subject}" (id ${th.id}).\n`,
  replied: (m: ThreadMessage) => `Posted message ${m.id} to thread ${m.thread_id}.\n`,
};

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** `caseflow threads …`: staff discussions on matters. */
export function registerThreads(program: Command): void {
  const threads = program.command('threads').description('Staff discussion threads on matters');

  withAdmin(
    threads
      .command('list')
      .description("List a matter's threads, latest activity first")
      .option('--matter <number-or-id>', 'the matter'),
  ).action(async (flags: OutputFlags & { matter?: string }) => {
    if (!flags.matter) throw new CliError(messages.noMatter);
    const admin = adminClient(flags);
    const matter = await resolveMatter(admin, flags.matter);
    const all = await admin.threads.list(matter.id).toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((th) => ({
        subject: th.subject,
        messages: th.message_count,
        last: when(th.last_message_at),
        by: th.created_by.name,
        id: th.id,
      })),
      ['subject', 'messages', 'last', 'by', 'id'],
    );
  });

  withAdmin(
    threads
      .command('start')
      .description('Start a thread on a matter with its first message')
      .option('--matter <number-or-id>', 'the matter')
      .option('--subject <subject>')
      .option('--body <text>', 'the first message'),
  ).action(async (flags: OutputFlags & { matter?: string; subject?: string; body?: string }) => {
    if (!flags.matter) throw new CliError(messages.noMatter);
    const admin = adminClient(flags);
    const matter = await resolveMatter(admin, flags.matter);
    const subject = await askText(flags.subject, '--subject', 'Subject');
    const body = await askText(flags.body, '--body', 'First message');
    const started = await admin.threads.start(matter.id, { subject, body });
    if (flags.json) printJson(started);
    else process.stdout.write(messages.started(started.thread));
  });

  withAdmin(threads.command('show <id>').description('Show a thread and its messages, oldest first')).action(
    async (id: string, flags: OutputFlags) => {
      const admin = adminClient(flags);
      const thread = await admin.threads.retrieve(id);
      const all = await admin.threads.messages(id, { limit: 100 }).toArray();
      if (flags.json) return printJson({ thread, messages: all });
      process.stdout.write(`${thread.subject}\n\n`);
      for (const m of all) process.stdout.write(`${when(m.created_at)}  ${m.author.name}\n${m.body}\n\n`);
    },
  );

  withAdmin(
    threads.command('reply <id>').description('Post a message to a thread').option('--body <text>', 'the message'),
  ).action(async (id: string, flags: OutputFlags & { body?: string }) => {
    const body = await askText(flags.body, '--body', 'Message');
    const message = await adminClient(flags).threads.reply(id, { body });
    if (flags.json) printJson(message);
    else process.stdout.write(messages.replied(message));
  });
}
