import { Option, type Command } from 'commander';
import type { Plan } from '../../sdk/schemas/tenants.js';
import type { Tenant, TenantUpdateRequest } from '../../sdk/schemas/tenants.js';
import { platformClient } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';
import { askText } from '../prompts.js';

const PLANS: Plan[] = ['solo', 'growth', 'multi_practice'];

const messages = {
  created: (t: Tenant, email: string) =>
    `Created ${t.name} (${t.slug}) on ${t.plan}. An invitation to set a password was emailed to ${email}.\n` +
    `Portal: ${t.portal_url}\n`,
  updated: (t: Tenant) => `Updated ${t.name} (${t.slug}).\n`,
  disabled: (t: Tenant) =>
    `Disabled ${t.name} (${t.slug}): its portal and API now answer 404. Nothing was deleted; ` +
    `\`caseflow tenants enable ${t.slug}\` brings it back.\n`,
  enabled: (t: Tenant) => `Enabled ${t.name} (${t.slug}): its portal is at ${t.portal_url}.\n`,
  nothingToChange:
    'Nothing to change: give --name, --plan or --public-url. Branding, details, defaults and allowed origins are ' +
    "the firm's own settings: its admins change them with `caseflow settings set`.",
};

interface CommonFlags {
  url?: string;
  json?: boolean;
}

interface UpdateFlags extends CommonFlags {
  name?: string;
  plan?: Plan;
  publicUrl?: string;
}

interface CreateFlags extends UpdateFlags {
  locale?: string;
  currency?: string;
  timezone?: string;
  primaryColor?: string;
  allowOrigin: string[];
  adminEmail?: string;
  adminFirstName?: string;
  adminLastName?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** "none" (or an empty value) clears a setting that may be empty. */
const orNull = (value: string) => (value === 'none' || value === '' ? null : value);

function withCommon(command: Command, json = true): Command {
  command.option('--url <server>', 'the CaseFlow server (default: $CASEFLOW_URL or http://localhost:4000)');
  if (json) command.option('--json', 'print JSON');
  return command;
}

/** What the operator keeps: the plan and the public URL (the name is given per command). */
function withOperatorSettings(command: Command, clearable: boolean): Command {
  const clear = clearable ? '; "none" clears it' : '';
  return command
    .addOption(new Option('--plan <plan>', 'solo, growth or multi_practice').choices(PLANS))
    .option('--public-url <url>', `the firm's own portal address, e.g. https://portal.acme-law.example${clear}`);
}

/** A new firm's first settings; afterwards its admins change them (`caseflow settings set`). */
function withInitialSettings(command: Command): Command {
  return command
    .option('--locale <locale>', 'BCP 47 locale for money and dates, e.g. en-GB')
    .option('--currency <code>', 'ISO 4217 currency, e.g. EUR')
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/Paris')
    .option('--primary-color <#rrggbb>', 'brand colour')
    .option('--allow-origin <origin>', 'a site allowed to embed the widgets (repeatable)', collect, []);
}

function printTenant(tenant: Tenant, flags: CommonFlags, human: (t: Tenant) => string): void {
  if (flags.json) printJson(tenant);
  else process.stdout.write(human(tenant));
}

/** `caseflow tenants …`: the platform operator's firm management (needs the operator key). */
export function registerTenants(program: Command): void {
  const tenants = program
    .command('tenants')
    .description('Create and manage firms (tenants) with the operator key (CASEFLOW_PLATFORM_KEY)');

  const create = tenants
    .command('create <slug>')
    .description('Create a firm and email its first admin an invitation to set a password')
    .option('--name <name>', 'the firm\'s name, e.g. "Acme Law"')
    .option('--admin-email <email>', "the first admin's email")
    .option('--admin-first-name <name>', "the first admin's first name")
    .option('--admin-last-name <name>', "the first admin's last name");
  withCommon(withInitialSettings(withOperatorSettings(create, false))).action(
    async (slug: string, flags: CreateFlags) => {
      const client = platformClient({ url: flags.url });
      const name = await askText(flags.name, '--name', 'Firm name');
      const email = await askText(flags.adminEmail, '--admin-email', "First admin's email");
      const firstName = await askText(flags.adminFirstName, '--admin-first-name', "First admin's first name");
      const lastName = await askText(flags.adminLastName, '--admin-last-name', "First admin's last name");
      const created = await client.tenants.create({
        slug,
        name,
        plan: flags.plan ?? 'growth',
        locale: flags.locale,
        currency: flags.currency,
        timezone: flags.timezone,
        primary_color: flags.primaryColor,
        public_url: flags.publicUrl,
        allowed_origins: flags.allowOrigin.length ? flags.allowOrigin : undefined,
        admin: { email, first_name: firstName, last_name: lastName },
      });
      if (flags.json) printJson(created);
      else process.stdout.write(messages.created(created.tenant, created.admin.email));
    },
  );

  withCommon(tenants.command('list').description('List every firm, newest first')).action(
    async (flags: CommonFlags) => {
      const all = await platformClient({ url: flags.url }).tenants.list({ limit: 100 }).toArray();
      if (flags.json) printJson(all);
      else printTable(all, ['slug', 'name', 'plan', 'status', 'portal_url', 'created_at']);
    },
  );

  withCommon(tenants.command('show <slug>').description("Show a firm's settings")).action(
    async (slug: string, flags: CommonFlags) => {
      const tenant = await platformClient({ url: flags.url }).tenants.retrieve(slug);
      if (flags.json) printJson(tenant);
      else printRecord(tenant);
    },
  );

  const update = tenants
    .command('update <slug>')
    .description("Change a firm's name, plan or public URL (its admins change the rest: `caseflow settings`)")
    .option('--name <name>', "the firm's name");
  withOperatorSettings(update, true);
  withCommon(update).action(async (slug: string, flags: UpdateFlags) => {
    const client = platformClient({ url: flags.url });
    const body: TenantUpdateRequest = {};
    if (flags.name !== undefined) body.name = flags.name;
    if (flags.plan !== undefined) body.plan = flags.plan;
    if (flags.publicUrl !== undefined) body.public_url = orNull(flags.publicUrl);
    if (Object.keys(body).length === 0) throw new CliError(messages.nothingToChange);
    const tenant = await client.tenants.update(slug, body);
    if (flags.json) return printJson(tenant);
    process.stdout.write(messages.updated(tenant));
    printRecord(Object.fromEntries(Object.keys(body).map((key) => [key, tenant[key as keyof Tenant]])));
  });

  withCommon(
    tenants.command('disable <slug>').description('Disable a firm: its portal and API answer 404; nothing is deleted'),
  ).action(async (slug: string, flags: CommonFlags) => {
    printTenant(await platformClient({ url: flags.url }).tenants.disable(slug), flags, messages.disabled);
  });

  withCommon(tenants.command('enable <slug>').description('Enable a disabled firm again')).action(
    async (slug: string, flags: CommonFlags) => {
      printTenant(await platformClient({ url: flags.url }).tenants.enable(slug), flags, messages.enabled);
    },
  );
}
