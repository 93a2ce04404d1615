import type { Command } from 'commander';
import { AdminClient } from '../../sdk/admin-client.js';
import { adminClient, DEFAULT_URL, serverUrl } from '../api.js';
import { cliEnv } from '../env.js';
import { CliError, printJson, printRecord } from '../output.js';
import { askSecret, askText, readStdin } from '../prompts.js';
import { deleteProfile, readProfile, writeProfile } from '../profile.js';

interface LoginOptions {
  url?: string;
  tenant?: string;
  email?: string;
  passwordStdin?: boolean;
  profile?: string;
  json?: boolean;
}

export function registerAuth(program: Command): void {
  program
    .command('login')
    .description('Log in as a staff user and keep the session in a profile (mode 0600)')
    .option('--url <url>', `server URL (default: CASEFLOW_URL or ${DEFAULT_URL})`)
    .option('--tenant <slug>', 'the firm, e.g. acme')
    .option('--email <email>', 'your staff email')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .option('--profile <name>', 'profile name', 'default')
    .option('--json', 'print JSON')
    .action(async (options: LoginOptions) => {
      const baseUrl = serverUrl(await askText(options.url ?? cliEnv.CASEFLOW_URL, '--url', 'Server URL', DEFAULT_URL));
      const tenant = await askText(options.tenant, '--tenant', 'Firm (slug)');
      const email = await askText(options.email, '--email', 'Email');
      const password = options.passwordStdin ? await readStdin() : await askSecret('Password');
      if (!password) throw new CliError('No password given.');
      const client = new AdminClient({ baseUrl, tenant, maxRetries: 0 });
      const answer = await client.auth.login({ email, password });
      const file = writeProfile(
        { base_url: baseUrl, tenant, token: answer.token, email: answer.user.email },
        options.profile,
      );
      if (options.json)
        return printJson({
          user: answer.user,
          tenant,
          base_url: baseUrl,
          expires_at: answer.expires_at,
          profile: file,
        });
      process.stdout.write(
        `Logged in to ${tenant} as ${answer.user.first_name} ${answer.user.last_name} (${answer.user.role}). Session saved in ${file}.\n`,
      );
    });

  program
    .command('logout')
    .description('End the staff session on the server and forget the profile')
    .option('--profile <name>', 'profile name', 'default')
    .action(async (options: { profile?: string }) => {
      const profile = readProfile(options.profile);
      if (!profile) throw new CliError('Not logged in.');
      try {
        await adminClient({ profile: options.profile }).auth.logout();
      } finally {
        deleteProfile(options.profile);
      }
      process.stdout.write(`Logged out of ${profile.tenant}.\n`);
    });

  program
    .command('whoami')
    .description('Who the CLI acts as: the staff user or API key, its role and the firm')
    .option('--profile <name>', 'profile name', 'default')
    .option('--json', 'print JSON')
    .action(async (options: { profile?: string; json?: boolean }) => {
      const me = await adminClient({ profile: options.profile }).me();
      if (options.json) return printJson(me);
      printRecord({
        name: me.principal.name,
        email: me.principal.email,
        kind: me.principal.type === 'staff' ? 'staff user' : 'API key',
        role: me.principal.role,
        firm: `${me.firm.name} (${me.firm.slug}, ${me.firm.plan})`,
      });
    });
}
