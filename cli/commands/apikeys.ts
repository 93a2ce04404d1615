import type { Command } from 'commander';
import { adminClient } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';

export function registerApiKeys(program: Command): void {
  const keys = program.command('apikeys').description("Manage the firm's API keys (admins only)");

  keys
    .command('create')
    .description('Create a key; its secret is printed once')
    .requiredOption('--name <name>', 'what the key is for')
    .requiredOption('--role <role>', 'admin or staff')
    .option('--scope <scope>', 'an extra narrow permission: portal_sessions:mint')
    .option('--json', 'print JSON')
    .action(async (options: { name: string; role: string; scope?: string; json?: boolean }) => {
      if (options.role !== 'admin' && options.role !== 'staff') throw new CliError('--role must be admin or staff.');
      if (options.scope && options.scope !== 'portal_sessions:mint') {
        throw new CliError('--scope must be portal_sessions:mint.');
      }
      const key = await adminClient().apiKeys.create({
        name: options.name,
        role: options.role,
        scopes: options.scope ? ['portal_sessions:mint'] : [],
      });
      if (options.json) return printJson(key);
      process.stdout.write(`Created API key "${key.name}" (${key.role}, id ${key.id}).\n\n  ${key.secret}\n\n`);
      process.stdout.write('Store the secret now: it is shown only this once.\n');
    });

  keys
    .command('list')
    .description('List the keys (never their secrets)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const all = [];
      for await (const key of adminClient().apiKeys.list({ limit: 100 })) all.push(key);
      if (options.json) return printJson(all);
      printTable(
        all.map((k) => ({ ...k, status: k.revoked_at ? 'revoked' : 'active' })),
        ['id', 'name', 'role', 'scopes', 'prefix', 'status', 'last_used_at'],
      );
    });

  keys
    .command('revoke <id>')
    .description('Revoke a key; it stops working at once')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) => {
      const key = await adminClient().apiKeys.revoke(id);
      if (options.json) return printJson(key);
      printRecord({ revoked: key.name, id: key.id, at: key.revoked_at });
    });
}
