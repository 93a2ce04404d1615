import { InvalidArgumentError, type Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { Client } from '../../sdk/schemas/clients.js';
import { adminClient, type AdminFlags } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';
import { askText } from '../prompts.js';

const messages = {
  created: (c: Client) => `Created client ${c.number} ${c.name} (id ${c.id}).\n`,
  updated: (c: Client) => `Client ${c.number} is now named ${c.name}.\n`,
  noNumber: (n: string) => `No client number ${n} in this firm.`,
  badRef: (ref: string) => `"${ref}" is neither a client number nor a client id.`,
  badNumber: 'It must be a positive whole number.',
};

export interface OutputFlags extends AdminFlags {
  json?: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client by its number (e.g. 1001) or its id. */
export async function resolveClient(admin: AdminClient, ref: string): Promise<Client> {
  if (uuid.test(ref)) return admin.clients.retrieve(ref);
  if (/^[1-9]\d{0,9}$/.test(ref)) {
    const [client] = (await admin.clients.list({ number: Number(ref), limit: 1 })).data;
    if (!client) throw new CliError(messages.noNumber(ref));
    return client;
  }
  throw new CliError(messages.badRef(ref));
}

/** The options every admin command takes. */
export function withAdmin(command: Command, json = true): Command {
  command.option('--profile <name>', 'the `caseflow login` profile to use (default: "default")');
  if (json) command.option('--json', 'print JSON');
  return command;
}

function show(client: Client, flags: OutputFlags, human: (c: Client) => string): void {
  if (flags.json) printJson(client);
  else process.stdout.write(human(client));
}

function positiveInt(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new InvalidArgumentError(messages.badNumber);
  return Number(value);
}

/** `caseflow clients …`: the firm's clients (staff session from `caseflow login`, or CASEFLOW_API_KEY). */
export function registerClients(program: Command): void {
  const clients = program.command('clients').description("List, show, create and rename the firm's clients");

  withAdmin(
    clients
      .command('list')
      .description('List clients by number')
      .option('--search <text>', 'only clients whose name contains this'),
  ).action(async (flags: OutputFlags & { search?: string }) => {
    const all = await adminClient(flags)
      .clients.list({ limit: 100, ...(flags.search ? { q: flags.search } : {}) })
      .toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((c) => ({ number: c.number, name: c.name, id: c.id })),
      ['number', 'name', 'id'],
    );
  });

  withAdmin(clients.command('show <number-or-id>').description('Show one client')).action(
    async (ref: string, flags: OutputFlags) => {
      const client = await resolveClient(adminClient(flags), ref);
      if (flags.json) return printJson(client);
      printRecord(client);
    },
  );

  withAdmin(
    clients
      .command('create')
      .description('Create a client (numbered after the highest unless --number is given)')
      .option('--name <name>', 'the client\'s name, e.g. "Northwind Traders"')
      .option('--number <number>', 'its number (default: the next one, from 1001)', positiveInt),
  ).action(async (flags: OutputFlags & { name?: string; number?: number }) => {
    const admin = adminClient(flags);
    const name = await askText(flags.name, '--name', 'Client name');
    const client = await admin.clients.create({ name, ...(flags.number ? { number: flags.number } : {}) });
    show(client, flags, messages.created);
  });

  withAdmin(
    clients.command('rename <number-or-id>').description('Rename a client').option('--name <name>', 'the new name'),
  ).action(async (ref: string, flags: OutputFlags & { name?: string }) => {
    const admin = adminClient(flags);
    const client = await resolveClient(admin, ref);
    const name = await askText(flags.name, '--name', 'New name', client.name);
    show(await admin.clients.update(client.id, { name }), flags, messages.updated);
  });
}
