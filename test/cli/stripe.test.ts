import test from 'ava';
import type { StripeSettings } from '../../sdk/schemas/payments.js';
import { anApiKey } from '../helpers/factories/index.js';
import { isolatedEnv, runCli } from '../helpers/cli.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { stripeKeys } from '../helpers/stripe.js';

let s: TestServer;
const env: Record<string, NodeJS.ProcessEnv> = {};

/** An API key made with the owner connection (as `caseflow apikeys create` would). */
async function apiKey(slug: string, role: 'admin' | 'staff'): Promise<string> {
  return (await anApiKey(s, { firm: slug, role, name: `CLI stripe tests (${role})` })).token;
}

test.before(async () => {
  s = await startTestServer({ stripe: true });
  const make = async (slug: string, role: 'admin' | 'staff') =>
    isolatedEnv({ CASEFLOW_URL: s.baseUrl, CASEFLOW_TENANT: slug, CASEFLOW_API_KEY: await apiKey(slug, role) });
  env.acme = await make('acme', 'admin');
  env.staff = await make('acme', 'staff');
  env.bluebird = await make('bluebird', 'admin');
});
test.after.always(async () => s?.close());

const webhookUrl = (slug: string) => `${s.server.origin}/api/v1/webhooks/stripe/${slug}`;

test.serial('caseflow stripe status — not configured: says so and shows the webhook URL to add', async (t) => {
  const result = await runCli(['stripe', 'status'], env.acme!);
  t.is(result.code, 0, result.stderr);
  t.is(
    result.stdout,
    'Stripe is not configured: clients cannot pay online.\n' +
      'Run `caseflow stripe configure` with the keys from the Stripe dashboard (Developers → API keys).\n' +
      `Webhook endpoint to add in Stripe: ${webhookUrl('acme')}\n`,
  );
});

test.serial('caseflow stripe configure — secrets piped in, test mode shown, no secret printed', async (t) => {
  const keys = stripeKeys('test');
  const result = await runCli(
    [
      'stripe',
      'configure',
      '--publishable-key',
      keys.publishable_key,
      '--secret-key-stdin',
      '--webhook-secret-stdin',
      '--allow-partial',
      '--minimum',
      '50.00',
    ],
    env.acme!,
    { input: `${keys.secret_key}\n${keys.webhook_secret}\n` },
  );
  t.is(result.code, 0, result.stderr);
  t.is(
    result.stdout,
    [
      'Stripe: TEST mode (no real money moves), account acct_fake0123456789',
      'Online payments: enabled',
      `Secret key: …${keys.secret_key.slice(-4)}`,
      `Publishable key: ${keys.publishable_key}`,
      'Webhook signing secret: set',
      'Partial payments: allowed, from 50.00 USD',
      `Webhook endpoint (Stripe dashboard → Developers → Webhooks): ${webhookUrl('acme')}`,
      '  with the events: checkout.session.completed, checkout.session.async_payment_succeeded, checkout.session.expired, payment_intent.succeeded, charge.refunded, refund.created, refund.updated, charge.refund.updated',
      '',
    ].join('\n'),
  );
  // The key was checked with Stripe.
  t.true(s.stripe!.requests.some((r) => r.path === '/v1/account' && r.apiKey === keys.secret_key));

  const status = await runCli(['stripe', 'status', '--json'], env.acme!);
  t.is(status.code, 0, status.stderr);
  const settings = JSON.parse(status.stdout) as StripeSettings;
  t.like(settings, { configured: true, enabled: true, mode: 'test', partial_payment_minimum: 5000 });
  for (const output of [result.stdout, status.stdout]) {
    t.false(output.includes(keys.secret_key));
    t.false(output.includes(keys.webhook_secret));
  }
});

test.serial(
  'caseflow stripe configure — live keys are shown as LIVE; keys of different modes are refused',
  async (t) => {
    const live = stripeKeys('live');
    const ok = await runCli(
      ['stripe', 'configure', '--publishable-key', live.publishable_key, '--secret-key-stdin', '--no-partial'],
      env.acme!,
      { input: `${live.secret_key}\n` },
    );
    t.is(ok.code, 0, ok.stderr);
    t.regex(ok.stdout, /^Stripe: LIVE mode \(real payments\)/);
    t.regex(ok.stdout, /Partial payments: not allowed/);

    const mixed = await runCli(
      ['stripe', 'configure', '--publishable-key', stripeKeys('test').publishable_key, '--json'],
      env.acme!,
    );
    t.is(mixed.code, 1);
    t.is(
      mixed.stderr,
      'caseflow: The secret key is a live key but the publishable key is a test key: use both keys from the same mode (the dashboard\'s "Test mode" switch).\n',
    );
  },
);

test.serial('caseflow stripe configure — without a terminal, missing keys are a clear error', async (t) => {
  const result = await runCli(['stripe', 'configure'], env.bluebird!);
  t.is(result.code, 1);
  t.is(
    result.stderr,
    'caseflow: Stripe is not configured yet: give secret_key, publishable_key, webhook_secret (from the Stripe dashboard, Developers → API keys and Webhooks).\n',
  );
  const lines = await runCli(['stripe', 'configure', '--secret-key-stdin', '--webhook-secret-stdin'], env.bluebird!, {
    input: 'sk_test_only_one_line\n',
  });
  t.is(lines.code, 1);
  t.is(
    lines.stderr,
    'caseflow: Expected 2 line(s) on standard input (the secret key, then the webhook secret), got 1.\n',
  );
});

test.serial('caseflow stripe disable — payments off; status says so; staff keys are refused', async (t) => {
  const result = await runCli(['stripe', 'disable'], env.acme!);
  t.is(result.code, 0, result.stderr);
  t.regex(result.stdout, /^Online payments are disabled/);
  const status = await runCli(['stripe', 'status'], env.acme!);
  t.regex(status.stdout, /Online payments: disabled/);
  const staff = await runCli(['stripe', 'status'], env.staff!);
  t.is(staff.code, 1);
  t.is(staff.stderr, 'caseflow: Only firm admins may do this.\n');
});
