import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { simpleParser } from 'mailparser';
import { loadConfig } from '../../server/config.js';
import { mailDir } from '../../server/modules/email/transport.js';
import { CliError, printJson, printTable } from '../output.js';
import { localAction } from './local-action.js';

type MailSummary = {
  id: string;
  date: string;
  to: string;
  subject: string;
  file: string;
};

async function readMessage(file: string) {
  const mail = await simpleParser(fs.readFileSync(file));
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
  return { mail, to };
}

/** The .eml files of the local mail folder, oldest first (their names start with the time). */
function mailFiles(): string[] {
  const dir = mailDir(loadConfig());
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => path.join(dir, f));
}

const idOf = (file: string) => path.basename(file, '.eml').slice(-36);

export function registerMail(program: Command): void {
  const mail = program
    .command('mail')
    .description('Read the mail the local server wrote to its mail folder (when no SMTP_URL is set)');

  mail
    .command('list')
    .description('List messages, oldest first')
    .option('--to <address>', 'only messages to this address')
    .option('--json', 'print JSON')
    .action(
      localAction(async (options: { to?: string; json?: boolean }) => {
        const rows: MailSummary[] = [];
        for (const file of mailFiles()) {
          const { mail: message, to } = await readMessage(file);
          if (options.to && !to.toLowerCase().includes(options.to.toLowerCase())) continue;
          rows.push({
            id: idOf(file),
            date: message.date?.toISOString() ?? '',
            to,
            subject: message.subject ?? '',
            file,
          });
        }
        if (options.json) return printJson(rows);
        // Which folder was read: a server started with another CASEFLOW_DATA_DIR writes elsewhere.
        process.stdout.write(`Mail folder: ${mailDir(loadConfig())}\n`);
        printTable(rows, ['id', 'date', 'to', 'subject']);
      }),
    );

  mail
    .command('show <id>')
    .description('Print one message (its id from `mail list`, or "latest")')
    .option('--json', 'print JSON')
    .action(
      localAction(async (id: string, options: { json?: boolean }) => {
        const files = mailFiles();
        const file = id === 'latest' ? files[files.length - 1] : files.find((f) => idOf(f) === id);
        if (!file) throw new CliError(`No message ${id} in ${mailDir(loadConfig())}.`);
        const { mail: message, to } = await readMessage(file);
        const shown = {
          id: idOf(file),
          date: message.date?.toISOString() ?? '',
          from: message.from?.text ?? '',
          to,
          subject: message.subject ?? '',
          text: message.text ?? '',
        };
        if (options.json) return printJson(shown);
        process.stdout.write(
          `From: ${shown.from}\nTo: ${shown.to}\nDate: ${shown.date}\nSubject: ${shown.subject}\n\n${shown.text}`,
        );
      }),
    );
}
