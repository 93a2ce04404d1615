import { InvalidArgumentError, type Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { Contact, ContactUpdateRequest } from '../../sdk/schemas/contacts.js';
import { PortalPermission } from '../../sdk/schemas/contacts.js';
import { LANGUAGES, type Language } from '../../sdk/i18n.js';
import { adminClient } from '../api.js';
import { CliError, printJson, printRecord, printTable } from '../output.js';
import { askText, newPassword } from '../prompts.js';
import { resolveClient, withAdmin, type OutputFlags } from './clients.js';

const name = (c: Contact) => `${c.first_name} ${c.last_name}`;

const messages = {
  created: (c: Contact, client: string) =>
    `Created contact ${c.email} (${name(c)}) for client ${client}${c.is_primary ? ', as its primary contact' : ''}.\n`,
  updated: (c: Contact) => `Updated ${c.email}.\n`,
  welcomeSent: (c: Contact) =>
    `Portal access enabled for ${c.email}; a welcome email with a set-password link was sent (it works once, for 48 hours).\n`,
  passwordSet: (c: Contact) =>
    `Portal access enabled for ${c.email}; their password was set and any earlier sessions and links have ended.\n`,
  disabled: (c: Contact) => `Portal access disabled for ${c.email}; their portal sessions and open links have ended.\n`,
  primary: (c: Contact, client: string) => `${c.email} is now the primary contact of client ${client}.\n`,
  deactivated: (c: Contact) =>
    `Deactivated ${c.email}; their sessions and open links have ended.` +
    (c.is_primary ? ' They remain the primary contact of their client.' : '') +
    '\n',
  reactivated: (c: Contact) =>
    `Reactivated ${c.email}.${c.portal_access ? ' They can log in to the portal again.' : ''}\n`,
  howToSetPassword:
    'Say how the contact gets a password: --send-welcome (email a set-password link) or --set-password (type it here).',
  bothWays: 'Give either --send-welcome or --set-password, not both.',
  stdinNeedsSetPassword: '--password-stdin goes with --set-password.',
  noEmail: (email: string) => `No contact with email ${email} in this firm.`,
  badRef: (ref: string) => `"${ref}" is neither a contact's email nor a contact id.`,
  badPermission: (bad: string) =>
    `Unknown section "${bad}": use a comma-separated list of ${PortalPermission.options.join(', ')} (or "none").`,
  badLanguage: (bad: string) =>
    `Unknown language "${bad}": use ${LANGUAGES.join(', ')}, or "default" for the firm's default language.`,
  defaultLanguage: "default (the firm's)",
  rtlAndLtr: 'Give either --rtl or --ltr, not both.',
  nothingToChange: 'Nothing to change: give at least one option (see `caseflow contacts update --help`).',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A contact by its email (any case) or its id. */
export async function resolveContact(admin: AdminClient, ref: string): Promise<Contact> {
  if (uuid.test(ref)) return admin.contacts.retrieve(ref);
  if (ref.includes('@')) {
    const [contact] = (await admin.contacts.list({ email: ref, limit: 1 })).data;
    if (!contact) throw new CliError(messages.noEmail(ref));
    return contact;
  }
  throw new CliError(messages.badRef(ref));
}

/** "invoices,documents" → the sections; "none" → no section. */
function permissionList(value: string): PortalPermission[] {
  if (value.trim() === 'none') return [];
  const list = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const bad = list.find((p) => !(PortalPermission.options as string[]).includes(p));
  if (bad !== undefined) throw new InvalidArgumentError(messages.badPermission(bad));
  return [...new Set(list)] as PortalPermission[];
}

/**
 * "ar" → Arabic; "default" stays "default" (commander turns a parser's null into ""),
 * which `languageField` sends as null: the contact gets the firm's default language.
 */
function languageOption(value: string): Language | 'default' {
  const language = value.trim().toLowerCase();
  if (language !== 'default' && !(LANGUAGES as readonly string[]).includes(language)) {
    throw new InvalidArgumentError(messages.badLanguage(value));
  }
  return language as Language | 'default';
}

/** The request's `language` for a --language given (null: the firm's default), or nothing. */
const languageField = (language: Language | 'default' | undefined) =>
  language === undefined ? {} : { language: language === 'default' ? null : language };

/** "none" (or an empty value) clears an optional field. */
const orNull = (value: string) => (value === 'none' || value === '' ? null : value);

function show(contact: Contact, flags: OutputFlags, human: (c: Contact) => string): void {
  if (flags.json) printJson(contact);
  else process.stdout.write(human(contact));
}

interface CreateFlags extends OutputFlags {
  client?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  title?: string;
  phone?: string;
  rtl?: boolean;
  language?: Language | 'default';
  invoiceEmails: boolean;
  primary?: boolean;
  permissions?: PortalPermission[];
}

interface UpdateFlags extends OutputFlags {
  firstName?: string;
  lastName?: string;
  email?: string;
  title?: string;
  phone?: string;
  rtl?: boolean;
  ltr?: boolean;
  language?: Language | 'default';
  invoiceEmails?: boolean;
  permissions?: PortalPermission[];
}

interface PortalFlags extends OutputFlags {
  sendWelcome?: boolean;
  setPassword?: boolean;
  passwordStdin?: boolean;
}

/** A one-argument command on a contact: resolve it, call the API, say what happened. */
function contactAction(
  parent: Command,
  spec: string,
  description: string,
  run: (admin: AdminClient, contact: Contact) => Promise<Contact>,
  human: (c: Contact, admin: AdminClient) => Promise<string> | string,
): void {
  withAdmin(parent.command(spec).description(description)).action(async (ref: string, flags: OutputFlags) => {
    const admin = adminClient(flags);
    const result = await run(admin, await resolveContact(admin, ref));
    if (flags.json) return printJson(result);
    process.stdout.write(await human(result, admin));
  });
}

const clientLabel = async (admin: AdminClient, clientId: string) => {
  const client = await admin.clients.retrieve(clientId);
  return `${client.number} ${client.name}`;
};

/** `caseflow contacts …`: client contacts, their portal access, password, welcome email and primary flag. */
export function registerContacts(program: Command): void {
  const contacts = program
    .command('contacts')
    .description("Manage clients' contacts: details, portal access, passwords, welcome emails, primary contact");

  withAdmin(
    contacts
      .command('list')
      .description('List contacts, oldest first')
      .option('--client <number-or-id>', "only this client's contacts"),
  ).action(async (flags: OutputFlags & { client?: string }) => {
    const admin = adminClient(flags);
    const client = flags.client ? await resolveClient(admin, flags.client) : undefined;
    const all = await admin.contacts.list({ limit: 100, ...(client ? { client_id: client.id } : {}) }).toArray();
    if (flags.json) return printJson(all);
    printTable(
      all.map((c) => ({
        email: c.email,
        name: name(c),
        primary: c.is_primary ? 'yes' : '',
        active: c.active ? 'yes' : 'no',
        portal: c.portal_access ? 'yes' : 'no',
        id: c.id,
      })),
      ['email', 'name', 'primary', 'active', 'portal', 'id'],
    );
  });

  withAdmin(contacts.command('show <contact>').description('Show one contact (by email or id)')).action(
    async (ref: string, flags: OutputFlags) => {
      const contact = await resolveContact(adminClient(flags), ref);
      if (flags.json) return printJson(contact);
      printRecord({ ...contact, language: contact.language ?? messages.defaultLanguage });
    },
  );

  withAdmin(
    contacts
      .command('create')
      .description('Add a contact to a client (portal access is separate: see `contacts portal enable`)')
      .option('--client <number-or-id>', 'the client, by number or id')
      .option('--first-name <name>', 'first name')
      .option('--last-name <name>', 'last name')
      .option('--email <email>', 'email (unique in the firm; the portal login)')
      .option('--title <title>', 'job title')
      .option('--phone <phone>', 'phone number')
      .option('--rtl', 'lay the portal out right to left for this contact')
      .option(
        '--language <language>',
        `language of the portal, emails and PDFs: ${LANGUAGES.join(', ')}, or "default" (the firm's)`,
        languageOption,
      )
      .option('--no-invoice-emails', 'do not email this contact invoices')
      .option('--primary', "make it the client's primary contact")
      .option(
        '--permissions <sections>',
        'portal sections it may use, e.g. invoices,documents (admins only)',
        permissionList,
      ),
  ).action(async (flags: CreateFlags) => {
    const admin = adminClient(flags);
    const client = await resolveClient(admin, await askText(flags.client, '--client', 'Client number or id'));
    const contact = await admin.contacts.create({
      client_id: client.id,
      first_name: await askText(flags.firstName, '--first-name', 'First name'),
      last_name: await askText(flags.lastName, '--last-name', 'Last name'),
      email: await askText(flags.email, '--email', 'Email'),
      ...(flags.title ? { title: flags.title } : {}),
      ...(flags.phone ? { phone: flags.phone } : {}),
      text_direction: flags.rtl ? 'rtl' : 'ltr',
      ...languageField(flags.language),
      receives_invoice_emails: flags.invoiceEmails,
      is_primary: Boolean(flags.primary),
      ...(flags.permissions ? { permissions: flags.permissions } : {}),
    });
    show(contact, flags, (c) => messages.created(c, `${client.number} ${client.name}`));
  });

  withAdmin(
    contacts
      .command('update <contact>')
      .description("Change a contact's details (by email or id)")
      .option('--first-name <name>', 'first name')
      .option('--last-name <name>', 'last name')
      .option('--email <email>', 'email')
      .option('--title <title>', 'job title; "none" clears it')
      .option('--phone <phone>', 'phone number; "none" clears it')
      .option('--rtl', 'right-to-left layout')
      .option('--ltr', 'left-to-right layout')
      .option(
        '--language <language>',
        `language of the portal, emails and PDFs: ${LANGUAGES.join(', ')}, or "default" (the firm's)`,
        languageOption,
      )
      .option('--invoice-emails', 'email this contact invoices')
      .option('--no-invoice-emails', 'do not email this contact invoices')
      .option(
        '--permissions <sections>',
        `portal sections it may use: ${PortalPermission.options.join(',')} or "none" (admins only)`,
        permissionList,
      ),
  ).action(async (ref: string, flags: UpdateFlags) => {
    if (flags.rtl && flags.ltr) throw new CliError(messages.rtlAndLtr);
    const changes: ContactUpdateRequest = {
      ...(flags.firstName !== undefined ? { first_name: flags.firstName } : {}),
      ...(flags.lastName !== undefined ? { last_name: flags.lastName } : {}),
      ...(flags.email !== undefined ? { email: flags.email } : {}),
      ...(flags.title !== undefined ? { title: orNull(flags.title) } : {}),
      ...(flags.phone !== undefined ? { phone: orNull(flags.phone) } : {}),
      ...(flags.rtl ? { text_direction: 'rtl' as const } : flags.ltr ? { text_direction: 'ltr' as const } : {}),
      ...languageField(flags.language),
      ...(flags.invoiceEmails !== undefined ? { receives_invoice_emails: flags.invoiceEmails } : {}),
      ...(flags.permissions !== undefined ? { permissions: flags.permissions } : {}),
    };
    if (Object.keys(changes).length === 0) throw new CliError(messages.nothingToChange);
    const admin = adminClient(flags);
    const contact = await resolveContact(admin, ref);
    show(await admin.contacts.update(contact.id, changes), flags, messages.updated);
  });

  const portal = contacts.command('portal').description("A contact's portal access (admins only)");

  withAdmin(
    portal
      .command('enable <contact>')
      .description('Give a contact portal access and a way to get a password')
      .option('--send-welcome', 'email a single-use set-password link (48 hours); sending again kills the old link')
      .option('--set-password', 'type the password here (asked twice, never echoed)')
      .option('--password-stdin', 'with --set-password: read the password from standard input instead'),
  ).action(async (ref: string, flags: PortalFlags) => {
    if (flags.sendWelcome && flags.setPassword) throw new CliError(messages.bothWays);
    if (!flags.sendWelcome && !flags.setPassword) throw new CliError(messages.howToSetPassword);
    if (flags.passwordStdin && !flags.setPassword) throw new CliError(messages.stdinNeedsSetPassword);
    const admin = adminClient(flags);
    const contact = await resolveContact(admin, ref);
    if (flags.sendWelcome) {
      const enabled = await admin.contacts.enablePortalAccess(contact.id, { send_welcome: true });
      return show(enabled, flags, messages.welcomeSent);
    }
    const password = await newPassword(flags.passwordStdin);
    const enabled = await admin.contacts.enablePortalAccess(contact.id, { password });
    show(enabled, flags, messages.passwordSet);
  });

  contactAction(
    portal,
    'disable <contact>',
    "Take a contact's portal access away; their sessions end at once",
    (admin, c) => admin.contacts.disablePortalAccess(c.id),
    messages.disabled,
  );

  contactAction(
    contacts,
    'set-primary <contact>',
    "Make a contact its client's primary contact",
    (admin, c) => admin.contacts.setPrimary(c.id),
    async (c, admin) => messages.primary(c, await clientLabel(admin, c.client_id)),
  );

  contactAction(
    contacts,
    'deactivate <contact>',
    'Deactivate a contact; their sessions and open links end at once',
    (admin, c) => admin.contacts.deactivate(c.id),
    messages.deactivated,
  );

  contactAction(
    contacts,
    'reactivate <contact>',
    'Reactivate a contact',
    (admin, c) => admin.contacts.reactivate(c.id),
    messages.reactivated,
  );
}
