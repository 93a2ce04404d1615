import { InvalidArgumentError, type Command } from 'commander';
import type { StripeConfigureRequest, StripeSettings } from '../../sdk/schemas/payments.js';
import { adminClient } from '../api.js';
import { CliError, printJson } from '../output.js';
import { askOptionalSecret, askOptionalText, interactive, readStdin } from '../prompts.js';
import { withAdmin, type OutputFlags } from './clients.js';

const messages = {
  prompts: {
    secretKey: (configured: boolean) =>
      `Stripe secret key (sk_live_… or sk_test_…, Developers → API keys)${configured ? ' — empty keeps the current one' : ''}`,
    publishableKey: (configured: boolean) =>
      `Stripe publishable key (pk_live_… or pk_test_…)${configured ? ' — empty keeps the current one' : ''}`,
    webhookSecret: (configured: boolean, url: string) =>
      `Webhook signing secret (whsec_…) of the endpoint ${url}${configured ? ' — empty keeps the current one' : ''}`,
  },
  stdinEmpty: 'Standard input was empty: pipe in the secret key (and/or the webhook secret, one a line).',
  stdinLines: (wanted: number, got: number) =>
    `Expected ${wanted} line(s) on standard input (the secret key, then the webhook secret), got ${got}.`,
  partialBoth: 'Give either --allow-partial or --no-partial, not both.',
  badMinimum: 'The minimum is a positive whole number of minor units (e.g. 5000 for 50.00 USD).',
  disabled:
    'Online payments are disabled: clients see no Pay button and open checkouts expire.\n' +
    'The keys are kept, so webhooks of payments already made are still recorded. `caseflow stripe configure` enables them again.\n',
};

function minorUnits(value: string): number {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new InvalidArgumentError(messages.badMinimum);
  return Number(value);
}

/** The settings as a person reads them: mode first, never a secret. */
export function describeSettings(settings: StripeSettings): string {
  if (!settings.configured) {
    return (
      'Stripe is not configured: clients cannot pay online.\n' +
      'Run `caseflow stripe configure` with the keys from the Stripe dashboard (Developers → API keys).\n' +
      `Webhook endpoint to add in Stripe: ${settings.webhook_url}\n`
    );
  }
  const mode = settings.mode === 'live' ? 'LIVE mode (real payments)' : 'TEST mode (no real money moves)';
  const lines = [
    `Stripe: ${mode}${settings.stripe_account_id ? `, account ${settings.stripe_account_id}` : ''}`,
    `Online payments: ${settings.enabled ? 'enabled' : 'disabled'}`,
    `Secret key: …${settings.secret_key_last4}`,
    `Publishable key: ${settings.publishable_key}`,
    `Webhook signing secret: ${settings.webhook_secret_set ? 'set' : 'missing'}`,
    `Partial payments: ${
      settings.allow_partial_payments ? `allowed, from ${settings.partial_payment_minimum} minor units` : 'not allowed'
    }`,
    `Webhook endpoint (Stripe dashboard → Developers → Webhooks): ${settings.webhook_url}`,
    `  with the events: ${settings.webhook_events.join(', ')}`,
  ];
  return lines.join('\n') + '\n';
}

function show(settings: StripeSettings, flags: OutputFlags): void {
  if (flags.json) printJson(settings);
  else process.stdout.write(describeSettings(settings));
}

interface ConfigureFlags extends OutputFlags {
  publishableKey?: string;
  secretKeyStdin?: boolean;
  webhookSecretStdin?: boolean;
  allowPartial?: boolean;
  partial?: boolean;
  minimum?: number;
  verify?: boolean;
}

/** The secrets from standard input: one line each, secret key first, in the order of the flags given. */
async function secretsFromStdin(flags: ConfigureFlags): Promise<{ secretKey?: string; webhookSecret?: string }> {
  const wanted = [flags.secretKeyStdin && 'secretKey', flags.webhookSecretStdin && 'webhookSecret'].filter(
    (x): x is 'secretKey' | 'webhookSecret' => Boolean(x),
  );
  if (wanted.length === 0) return {};
  const text = await readStdin();
  if (!text.trim()) throw new CliError(messages.stdinEmpty);
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length !== wanted.length) throw new CliError(messages.stdinLines(wanted.length, lines.length));
  return Object.fromEntries(wanted.map((name, i) => [name, lines[i]]));
}

/** `caseflow stripe …`: the firm's Stripe connection (admins). */
export function registerStripe(program: Command): void {
  const stripe = program
    .command('stripe')
    .description('Connect the firm’s Stripe account for online payments (admins)');

  withAdmin(
    stripe
      .command('configure')
      .description(
        'Connect or reconfigure Stripe and enable online payments. On a terminal it asks for the keys it needs; ' +
          'in scripts pipe the secrets in (never as flags, which end up in shell history)',
      )
      .option('--publishable-key <pk>', 'the publishable key, pk_live_… or pk_test_…')
      .option('--secret-key-stdin', 'read the secret key (sk_…) from standard input')
      .option(
        '--webhook-secret-stdin',
        'read the webhook signing secret (whsec_…) from standard input (after the secret key when both)',
      )
      .option('--allow-partial', 'let clients pay part of an invoice (needs --minimum the first time)')
      .option('--no-partial', 'clients pay the whole balance only')
      .option('--minimum <minor-units>', 'smallest partial payment in minor units, e.g. 5000 for 50.00', minorUnits)
      .option('--no-verify', 'save the secret key without checking it with Stripe'),
  ).action(async (flags: ConfigureFlags) => {
    if (flags.allowPartial && flags.partial === false) throw new CliError(messages.partialBoth);
    const admin = adminClient(flags);
    const piped = await secretsFromStdin(flags);
    const current = await admin.stripe.retrieve();
    const ask = interactive();
    const secretKey =
      piped.secretKey ??
      (ask && !flags.webhookSecretStdin
        ? await askOptionalSecret(messages.prompts.secretKey(current.configured))
        : undefined);
    const publishableKey =
      flags.publishableKey ??
      (ask ? await askOptionalText(messages.prompts.publishableKey(current.configured)) : undefined);
    const webhookSecret =
      piped.webhookSecret ??
      (ask && !flags.secretKeyStdin
        ? await askOptionalSecret(messages.prompts.webhookSecret(current.configured, current.webhook_url))
        : undefined);
    // commander sets `partial` to true by default (because of --no-partial); only an explicit choice counts.
    const partial = flags.allowPartial ? true : flags.partial === false ? false : undefined;
    const body: StripeConfigureRequest = {
      ...(secretKey ? { secret_key: secretKey } : {}),
      ...(publishableKey ? { publishable_key: publishableKey } : {}),
      ...(webhookSecret ? { webhook_secret: webhookSecret } : {}),
      ...(partial !== undefined ? { allow_partial_payments: partial } : {}),
      ...(flags.minimum !== undefined ? { partial_payment_minimum: flags.minimum } : {}),
      ...(flags.verify === false ? { verify: false } : {}),
    };
    show(await admin.stripe.configure(body), flags);
  });

  withAdmin(
    stripe.command('status').description('Show the Stripe settings: mode, key ending, webhook URL (never a secret)'),
  ).action(async (flags: OutputFlags) => show(await adminClient(flags).stripe.retrieve(), flags));

  withAdmin(stripe.command('disable').description('Stop online payments (the keys are kept for late webhooks)')).action(
    async (flags: OutputFlags) => {
      const settings = await adminClient(flags).stripe.disable();
      if (flags.json) printJson(settings);
      else process.stdout.write(messages.disabled);
    },
  );
}
