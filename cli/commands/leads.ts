import { InvalidArgumentError, type Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import { isKnownCurrency } from '../../sdk/currencies.js';
import { formatMoney, parseMajor } from '../../sdk/format.js';
import type { Lead, LeadStage, LeadUpdateRequest } from '../../sdk/schemas/leads.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';
import { askText } from '../prompts.js';
import { withAdmin, type OutputFlags } from './clients.js';

const stages: LeadStage[] = ['new', 'contacted', 'qualified', 'proposal', 'won', 'lost'];
const clearable = ['email', 'phone', 'company', 'source', 'owner', 'value', 'notes'] as const;
type Clearable = (typeof clearable)[number];

const messages = {
  created: (l: Lead) => `Added lead ${l.name} at stage ${l.stage} (id ${l.id}).\n`,
  updated: (l: Lead) => `Lead ${l.name} is at stage ${l.stage}.\n`,
  badStage: `It must be one of ${stages.join(', ')}.`,
  badCurrency: (v: string) => `"${v}" is not an ISO 4217 currency code such as USD.`,
  badAmount: (code: string, why: string) => `--value must be an amount in ${code} such as 1500.00: ${why}.`,
  badClear: `It must be one of ${clearable.join(', ')}.`,
  noOwner: (ref: string) => `No staff user ${ref} in this firm.`,
  nothing: 'Nothing to change: give at least one option (see --help).',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function stage(value: string): LeadStage {
  if (!stages.includes(value as LeadStage)) throw new InvalidArgumentError(messages.badStage);
  return value as LeadStage;
}
function currency(value: string): string {
  const code = value.toUpperCase();
  if (!isKnownCurrency(code)) throw new InvalidArgumentError(messages.badCurrency(value));
  return code;
}
function clearField(value: string, previous: Clearable[] = []): Clearable[] {
  if (!clearable.includes(value as Clearable)) throw new InvalidArgumentError(messages.badClear);
  return [...previous, value as Clearable];
}

/** A staff user of the firm by email or id. */
async function resolveOwner(admin: AdminClient, ref: string): Promise<string> {
  if (uuid.test(ref)) return ref;
  for await (const user of admin.staff.list({ limit: 100 })) {
    if (user.email.toLowerCase() === ref.toLowerCase()) return user.id;
  }
  throw new CliError(messages.noOwner(ref));
}

function minor(text: string, code: string): number {
  try {
    return parseMajor(text, code);
  } catch (error) {
    throw new CliError(messages.badAmount(code, (error as Error).message));
  }
}

const value = (l: Lead) => (l.value === null ? null : formatMoney(l.value, l.currency));

function show(lead: Lead, flags: OutputFlags, human?: (l: Lead) => string): void {
  if (flags.json) return printJson(lead);
  if (human) process.stdout.write(human(lead));
  else printRecord({ ...lead, value: value(lead) });
}

interface LeadFlags extends OutputFlags {
  name?: string;
  email?: string;
  phone?: string;
  company?: string;
  stage?: LeadStage;
  source?: string;
  owner?: string;
  value?: string;
  currency?: string;
  notes?: string;
}

function withLeadFields(command: Command): Command {
  return command
    .option('--email <email>', 'their email')
    .option('--phone <phone>', 'their phone number')
    .option('--company <company>', 'their company')
    .option('--stage <stage>', `one of ${stages.join(', ')}`, stage)
    .option('--source <source>', 'where the lead came from, e.g. referral, website')
    .option('--owner <email-or-id>', 'the staff user who owns the lead')
    .option('--value <amount>', 'expected value in major units, e.g. 15000.00')
    .option('--currency <code>', "the value's currency (default: the firm's)", currency)
    .option('--notes <text>', 'notes for the firm');
}

/** `caseflow leads …`: the firm's pipeline of prospective clients (staff-only records). */
export function registerLeads(program: Command): void {
  const leads = program
    .command('leads')
    .description("List, add, show and update the firm's leads (prospective clients)");

  withAdmin(
    leads
      .command('list')
      .description('List leads, newest first')
      .option('--stage <stage>', `only leads at this stage (${stages.join(', ')})`, stage)
      .option('--owner <email-or-id>', 'only leads this staff user owns'),
  ).action(async (flags: OutputFlags & { stage?: LeadStage; owner?: string }) => {
    const admin = adminClient(flags);
    const owner = flags.owner ? await resolveOwner(admin, flags.owner) : undefined;
    const all = await admin.leads
      .list({ limit: 100, ...(flags.stage ? { stage: flags.stage } : {}), ...(owner ? { owner_id: owner } : {}) })
      .toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((l) => ({
        name: l.name,
        company: l.company,
        stage: l.stage,
        value: value(l),
        source: l.source,
        id: l.id,
      })),
      ['name', 'company', 'stage', 'value', 'source', 'id'],
    );
  });

  withAdmin(
    withLeadFields(leads.command('create').description('Add a lead').option('--name <name>', 'their name')),
  ).action(async (flags: LeadFlags) => {
    const admin = adminClient(flags);
    const name = await askText(flags.name, '--name', 'Lead name');
    const code = flags.currency ?? (flags.value ? (await admin.me()).firm.currency : undefined);
    const lead = await admin.leads.create({
      name,
      ...(flags.email ? { email: flags.email } : {}),
      ...(flags.phone ? { phone: flags.phone } : {}),
      ...(flags.company ? { company: flags.company } : {}),
      ...(flags.stage ? { stage: flags.stage } : {}),
      ...(flags.source ? { source: flags.source } : {}),
      ...(flags.owner ? { owner_id: await resolveOwner(admin, flags.owner) } : {}),
      ...(flags.value ? { value: minor(flags.value, code!) } : {}),
      ...(code ? { currency: code } : {}),
      ...(flags.notes ? { notes: flags.notes } : {}),
    });
    show(lead, flags, messages.created);
  });

  withAdmin(leads.command('show <id>').description('Show one lead')).action(async (id: string, flags: OutputFlags) => {
    show(await adminClient(flags).leads.retrieve(id), flags);
  });

  withAdmin(
    withLeadFields(
      leads
        .command('update <id>')
        .description('Change a lead: its stage or any field')
        .option('--name <name>', 'their name')
        .option('--clear <field>', `empty a field (repeatable): ${clearable.join(', ')}`, clearField),
    ),
  ).action(async (id: string, flags: LeadFlags & { clear?: Clearable[] }) => {
    const admin = adminClient(flags);
    const body: LeadUpdateRequest = {};
    if (flags.name) body.name = flags.name;
    if (flags.email) body.email = flags.email;
    if (flags.phone) body.phone = flags.phone;
    if (flags.company) body.company = flags.company;
    if (flags.stage) body.stage = flags.stage;
    if (flags.source) body.source = flags.source;
    if (flags.notes) body.notes = flags.notes;
    if (flags.owner) body.owner_id = await resolveOwner(admin, flags.owner);
    if (flags.currency) body.currency = flags.currency;
    if (flags.value) {
      const code = flags.currency ?? (await admin.leads.retrieve(id)).currency;
      body.value = minor(flags.value, code);
    }
    for (const field of flags.clear ?? []) {
      if (field === 'owner') body.owner_id = null;
      else body[field] = null;
    }
    if (Object.keys(body).length === 0) throw new CliError(messages.nothing);
    show(await admin.leads.update(id, body), flags, messages.updated);
  });
}
