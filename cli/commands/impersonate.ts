import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { PermissionError } from '../../sdk/errors.js';
import type { ImpersonationLink } from '../../sdk/schemas/impersonations.js';
import { adminClient } from '../api.js';
import { CliError, printJson } from '../output.js';
import { resolveClient, withAdmin, type OutputFlags } from './clients.js';

const messages = {
  adminsOnly:
    'Login as client is for firm admins only: run `caseflow login` as an admin, or use an admin-role API key.',
  link: (l: ImpersonationLink, seconds: number) =>
    `Admin preview of client ${l.client.number} ${l.client.name} as ${l.contact.first_name} ${l.contact.last_name}.\n` +
    `Open this link within ${seconds} seconds (until ${l.expires_at}); it works once, in one browser tab:\n\n` +
    `  ${l.url}\n\n`,
  opening: 'Opening it in your browser…\n',
  noOpener: (command: string) =>
    `Could not start "${command}" to open a browser: open the link above yourself (it works once).`,
};

/** The platform's "open this URL" command. */
function opener(): { command: string; args: string[] } {
  if (process.platform === 'darwin') return { command: 'open', args: [] };
  if (process.platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  return { command: 'xdg-open', args: [] };
}

/**
 * Opens the URL in the default browser, detached so the CLI can exit at once.
 * Resolves once the opener has started, rejects when it cannot be found.
 */
function openInBrowser(url: string): Promise<void> {
  const { command, args } = opener();
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, url], { detached: true, stdio: 'ignore' });
    child.once('error', () => reject(new CliError(messages.noOpener(command))));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** `caseflow impersonate <client>`: a one-time "login as client" link (admins only). */
export function registerImpersonate(program: Command): void {
  withAdmin(
    program
      .command('impersonate <client>')
      .description(
        "Login as client: print a single-use link (valid 2 minutes) that opens the portal as the client's primary contact",
      )
      .option('--reason <text>', 'why you open the preview; kept in the audit trail')
      .option('--open', 'open the link in your default browser'),
  ).action(async (ref: string, flags: OutputFlags & { reason?: string; open?: boolean }) => {
    const admin = adminClient(flags);
    const client = await resolveClient(admin, ref);
    let link: ImpersonationLink;
    try {
      link = await admin.impersonations.create(client.id, flags.reason !== undefined ? { reason: flags.reason } : {});
    } catch (error) {
      if (error instanceof PermissionError && error.code === 'admin_required') throw new CliError(messages.adminsOnly);
      throw error;
    }
    if (flags.json) printJson(link);
    else {
      const seconds = Math.max(0, Math.round((Date.parse(link.expires_at) - Date.now()) / 1000));
      process.stdout.write(messages.link(link, seconds));
    }
    if (flags.open) {
      if (!flags.json) process.stdout.write(messages.opening);
      await openInBrowser(link.url);
    }
  });
}
