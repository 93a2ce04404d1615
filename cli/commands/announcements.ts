import type { Command } from 'commander';
import type { Announcement } from '../../sdk/schemas/announcements.js';
import { adminClient } from '../api.js';
import { printJson, printTable } from '../output.js';
import { askText } from '../prompts.js';
import { withAdmin, type OutputFlags } from './clients.js';

const messages = {
  created: (a: Announcement) =>
    a.published_at
      ? `Published "${a.title}" (id ${a.id}): every client contact sees it in the portal.\n`
      : `Saved "${a.title}" as a draft (id ${a.id}): publish it with \`caseflow announcements publish ${a.id}\`.\n`,
  published: (a: Announcement) => `"${a.title}" is published (since ${a.published_at}).\n`,
};

function show(announcement: Announcement, flags: OutputFlags, human: (a: Announcement) => string): void {
  if (flags.json) printJson(announcement);
  else process.stdout.write(human(announcement));
}

/** `caseflow announcements …`: the firm's announcements to its client contacts. */
export function registerAnnouncements(program: Command): void {
  const announcements = program
    .command('announcements')
    .description("Write, list and publish the firm's announcements to its clients (writing: admins only)");

  withAdmin(announcements.command('list').description('List announcements, drafts included, newest first')).action(
    async (flags: OutputFlags) => {
      const all = await adminClient(flags).announcements.list({ limit: 100 }).toArray();
      if (flags.json) return printJson(all);
      printTable(
        all.map((a) => ({ published: a.published_at ?? 'draft', title: a.title, id: a.id })),
        ['published', 'title', 'id'],
      );
    },
  );

  withAdmin(
    announcements
      .command('create')
      .description('Write an announcement (a draft unless --publish)')
      .option('--title <text>', 'its title')
      .option('--body <text>', 'its text')
      .option('--publish', 'publish it at once'),
  ).action(async (flags: OutputFlags & { title?: string; body?: string; publish?: boolean }) => {
    const admin = adminClient(flags);
    const title = await askText(flags.title, '--title', 'Title');
    const body = await askText(flags.body, '--body', 'Text');
    show(await admin.announcements.create({ title, body, publish: Boolean(flags.publish) }), flags, messages.created);
  });

  withAdmin(announcements.command('publish <id>').description('Publish a draft announcement')).action(
    async (id: string, flags: OutputFlags) => {
      show(await adminClient(flags).announcements.publish(id), flags, messages.published);
    },
  );
}
