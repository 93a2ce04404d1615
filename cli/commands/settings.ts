import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { FirmSettings, FirmSettingsUpdate } from '../../sdk/schemas/tenants.js';
import { readImage } from '../../sdk/images.js';
import { adminClient } from '../api.js';
import { CliError, printJson } from '../output.js';

/** The settings `--clear` may empty, by the flag's name. */
const clearable = {
  color: 'primary_color',
  address: 'address',
  phone: 'phone',
  email: 'email',
  website: 'website',
  'bank-details': 'payment_instructions.bank_details',
  'remit-to': 'payment_instructions.remit_to',
  'payment-notes': 'payment_instructions.notes',
} as const;
type Clearable = keyof typeof clearable;

const messages = {
  updated: 'Settings saved.\n',
  unchanged: 'Nothing changed: the settings already had these values.\n',
  instructions:
    'Payment instructions changed: every admin of the firm was emailed about it, and clients see the new text ' +
    'with today’s date.\n',
  nothingToChange: 'Nothing to change: give at least one option (see `caseflow settings set --help`).',
  badClear: (field: string) =>
    `--clear ${field}: not a setting that can be emptied. Use one of: ${Object.keys(clearable).join(', ')}.`,
  bothSetAndClear: (field: string) => `--${field} and --clear ${field} were both given: choose one.`,
  unreadable: (file: string, why: string) => `Could not read ${file}: ${why}.`,
  notImage: (file: string) =>
    `${file} is not a PNG or JPEG image (checked by its bytes). Export the logo as PNG or JPEG.`,
  logoSaved: (logo: NonNullable<FirmSettings['logo']>) =>
    `Logo saved: ${logo.media_type === 'image/png' ? 'PNG' : 'JPEG'}, ${logo.width} × ${logo.height} px, ` +
    `${Math.ceil(logo.bytes / 1024)} KB. Clients see it at ${logo.url}.\n`,
  logoRemoved: 'Logo removed: the portal shows the firm’s name alone.\n',
  logoArgs: 'Give the logo file (`caseflow settings logo logo.png`), or --remove to take the logo away.',
};

const collect = (value: string, previous: string[]) => [...previous, value];

interface SetFlags {
  color?: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  locale?: string;
  currency?: string;
  timezone?: string;
  invoicePrefix?: string;
  allowedOrigin: string[];
  bankDetails?: string;
  remitTo?: string;
  paymentNotes?: string;
  clear: string[];
  json?: boolean;
}

/** Multi-line values are typed on one line with "\n" between the lines. */
const lines = (value: string) => value.replaceAll('\\n', '\n');

/** The request body the flags ask for. */
export function settingsUpdate(flags: SetFlags): FirmSettingsUpdate {
  const body: FirmSettingsUpdate = {};
  const instructions: NonNullable<FirmSettingsUpdate['payment_instructions']> = {};
  if (flags.color !== undefined) body.primary_color = flags.color;
  if (flags.address !== undefined) body.address = lines(flags.address);
  if (flags.phone !== undefined) body.phone = flags.phone;
  if (flags.email !== undefined) body.email = flags.email;
  if (flags.website !== undefined) body.website = flags.website;
  if (flags.locale !== undefined) body.locale = flags.locale;
  if (flags.currency !== undefined) body.currency = flags.currency.toUpperCase();
  if (flags.timezone !== undefined) body.timezone = flags.timezone;
  if (flags.invoicePrefix !== undefined) body.invoice_prefix = flags.invoicePrefix;
  if (flags.allowedOrigin.length) body.allowed_origins = flags.allowedOrigin;
  if (flags.bankDetails !== undefined) instructions.bank_details = lines(flags.bankDetails);
  if (flags.remitTo !== undefined) instructions.remit_to = lines(flags.remitTo);
  if (flags.paymentNotes !== undefined) instructions.notes = lines(flags.paymentNotes);
  const given: Record<Clearable, unknown> = {
    color: flags.color,
    address: flags.address,
    phone: flags.phone,
    email: flags.email,
    website: flags.website,
    'bank-details': flags.bankDetails,
    'remit-to': flags.remitTo,
    'payment-notes': flags.paymentNotes,
  };
  for (const field of flags.clear) {
    if (!(field in clearable)) throw new CliError(messages.badClear(field));
    if (given[field as Clearable] !== undefined) throw new CliError(messages.bothSetAndClear(field));
    const key = clearable[field as Clearable];
    if (key.startsWith('payment_instructions.')) {
      instructions[key.slice('payment_instructions.'.length) as keyof typeof instructions] = null;
    } else {
      (body as Record<string, unknown>)[key] = null;
    }
  }
  if (Object.keys(instructions).length) body.payment_instructions = instructions;
  if (Object.keys(body).length === 0) throw new CliError(messages.nothingToChange);
  return body;
}

const none = '(not set)';

/** The settings as a person reads them: labelled lines, multi-line values indented under their label. */
export function humanSettings(settings: FirmSettings): string {
  const rows: [string, string | null][] = [
    ['Firm', settings.name],
    ['Brand colour', settings.primary_color],
    [
      'Logo',
      settings.logo
        ? `${settings.logo.media_type === 'image/png' ? 'PNG' : 'JPEG'}, ${settings.logo.width} × ${settings.logo.height} px (${settings.logo.url})`
        : null,
    ],
    ['Address', settings.address],
    ['Phone', settings.phone],
    ['Email', settings.email],
    ['Website', settings.website],
    ['Locale', settings.locale],
    ['Currency', settings.currency],
    ['Time zone', settings.timezone],
    ['Invoice prefix', settings.invoice_prefix || '(none)'],
    ['Allowed origins', settings.allowed_origins.length ? settings.allowed_origins.join('\n') : null],
    ['Bank details', settings.payment_instructions.bank_details],
    ['Remit to', settings.payment_instructions.remit_to],
    ['Payment notes', settings.payment_instructions.notes],
    ['Instructions updated', settings.payment_instructions.updated_at],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  return (
    rows
      .map(([label, value]) => {
        const [first, ...rest] = (value ?? none).split('\n');
        return [`${`${label}:`.padEnd(width)}${first}`, ...rest.map((line) => `${' '.repeat(width)}${line}`)].join(
          '\n',
        );
      })
      .join('\n') + '\n'
  );
}

/** `caseflow settings …`: the firm's own settings, as its admins change them. */
export function registerSettings(program: Command): void {
  const settings = program
    .command('settings')
    .description("The firm's own settings: branding, footer details, defaults and payment instructions");

  settings
    .command('show')
    .description('Show the settings (any staff member)')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const current = await adminClient().settings.retrieve();
      if (flags.json) return printJson(current);
      process.stdout.write(humanSettings(current));
    });

  settings
    .command('set')
    .description('Change settings (admins only); "\\n" starts a new line in multi-line values')
    .option('--color <#rrggbb>', 'brand colour, e.g. #0f766e')
    .option('--address <text>', 'postal address for the footer and invoice PDFs')
    .option('--phone <number>', 'telephone number, e.g. "+44 20 7946 0000"')
    .option('--email <address>', "the firm's contact email")
    .option('--website <url>', 'e.g. https://www.acme-law.example')
    .option('--locale <locale>', 'BCP 47 locale for money and dates, e.g. en-GB')
    .option('--currency <code>', 'ISO 4217 currency of new invoices, e.g. EUR')
    .option('--timezone <zone>', 'IANA time zone, e.g. Europe/London')
    .option('--invoice-prefix <prefix>', 'put before the number of each invoice sent from now on, e.g. "INV-"')
    .option(
      '--allowed-origin <origin>',
      'a site allowed to embed the widgets (repeatable; the list replaces the old one)',
      collect,
      [],
    )
    .option('--bank-details <text>', 'for bank transfers: account name, bank, account number or IBAN, sort code…')
    .option('--remit-to <text>', 'where to send cheques: the payee and a postal address')
    .option('--payment-notes <text>', 'anything else, e.g. "Quote the invoice number as your reference"')
    .option('--clear <field>', `empty a setting (repeatable): ${Object.keys(clearable).join(', ')}`, collect, [])
    .option('--json', 'print JSON')
    .action(async (flags: SetFlags) => {
      const body = settingsUpdate(flags);
      const admin = adminClient();
      const before = await admin.settings.retrieve();
      const after = await admin.settings.update(body);
      if (flags.json) return printJson(after);
      const changed = after.updated_at !== before.updated_at;
      process.stdout.write(changed ? messages.updated : messages.unchanged);
      if (after.payment_instructions.updated_at !== before.payment_instructions.updated_at) {
        process.stdout.write(messages.instructions);
      }
    });

  settings
    .command('logo [file]')
    .description('Upload the logo (a PNG or JPEG of at most 256 KB; admins only), or remove it with --remove')
    .option('--remove', 'remove the logo')
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, flags: { remove?: boolean; json?: boolean }) => {
      if (flags.remove ? file !== undefined : file === undefined) throw new CliError(messages.logoArgs);
      const admin = adminClient();
      if (flags.remove) {
        const after = await admin.settings.deleteLogo();
        if (flags.json) printJson(after);
        else process.stdout.write(messages.logoRemoved);
        return;
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file!);
      } catch (error) {
        throw new CliError(messages.unreadable(file!, (error as NodeJS.ErrnoException).code ?? 'unknown error'));
      }
      // The type comes from the bytes, not the file's name; the server checks them again.
      const image = readImage(bytes);
      if (!image) throw new CliError(messages.notImage(file!));
      const after = await admin.settings.uploadLogo({ bytes, type: image.mediaType });
      if (flags.json) return printJson(after);
      process.stdout.write(messages.logoSaved(after.logo!));
    });
}
