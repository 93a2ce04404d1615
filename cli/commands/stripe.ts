import type { Command } from 'commander';
import type { AdminClient } from '../../sdk/admin-client.js';
import type { StripeConfigureRequest, StripeSettings } from '../../sdk/schemas/payments.js';
import { formatMoney, parseMajor } from '../../sdk/format.js';
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
  badMinimum: (currency: string, why: string) => `--minimum must be an amount in ${currency} such as 50.00: ${why}.`,
  minimumNotPositive: (currency: string) =>
    `--minimum must be more than zero (an amount in ${currency} such as 50.00).`,
  disabled:
    'Online payments are disabled: clients see no Pay button and open checkouts expire.\n' +
    'The keys are kept, so webhooks of payments already made are still recorded. `caseflow stripe configure` enables them again.\n',
};

/** `--minimum 50.00` in the firm's currency, as the API's minor units (never rounded). */
function minimumOf(text: string, currency: string): number {
  let amount: number;
  try {
    amount = parseMajor(text, currency);
  } catch (error) {
    throw new CliError(messages.badMinimum(currency, (error as Error).message.replace(/\.$/, '')));
  }
  if (amount <= 0) throw new CliError(messages.minimumNotPositive(currency));
  return amount;
}

/** The settings as a person reads them: mode first, never a secret. */
export function describeSettings(settings: StripeSettings, currency: string): string {
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
      settings.allow_partial_payments && settings.partial_payment_minimum !== null
        ? `allowed, from ${formatMoney(settings.partial_payment_minimum, currency)}`
        : settings.allow_partial_payments
          ? 'allowed'
          : 'not allowed'
    }`,
    `Webhook endpoint (Stripe dashboard → Developers → Webhooks): ${settings.webhook_url}`,
    `  with the events: ${settings.webhook_events.join(', ')}`,
  ];
  return lines.join('\n') + '\n';
}

/** Amounts are the API's minor units: the firm's currency turns them into 50.00 USD for people. */
async function show(admin: AdminClient, settings: StripeSettings, flags: OutputFlags): Promise<void> {
  if (flags.json) return printJson(settings);
  process.stdout.write(describeSettings(settings, (await admin.me()).firm.currency));
}

interface ConfigureFlags extends OutputFlags {
  publishableKey?: string;
  secretKeyStdin?: boolean;
  webhookSecretStdin?: boolean;
  allowPartial?: boolean;
  partial?: boolean;
  minimum?: string;
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
      .option('--minimum <amount>', "smallest partial payment in the firm's currency, e.g. 50.00")
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
      ...(flags.minimum !== undefined
        ? { partial_payment_minimum: minimumOf(flags.minimum, (await admin.me()).firm.currency) }
        : {}),
      ...(flags.verify === false ? { verify: false } : {}),
    };
    await show(admin, await admin.stripe.configure(body), flags);
  });

  withAdmin(
    stripe.command('status').description('Show the Stripe settings: mode, key ending, webhook URL (never a secret)'),
  ).action(async (flags: OutputFlags) => {
    const admin = adminClient(flags);
    await show(admin, await admin.stripe.retrieve(), flags);
  });

  withAdmin(stripe.command('disable').description('Stop online payments (the keys are kept for late webhooks)')).action(
    async (flags: OutputFlags) => {
      const settings = await adminClient(flags).stripe.disable();
      if (flags.json) printJson(settings);
      else process.stdout.write(messages.disabled);
    },
  );
}
