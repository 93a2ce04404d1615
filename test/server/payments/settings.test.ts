import test from 'ava';
import { ConflictError, PermissionError, ValidationError } from '../../../sdk/errors.js';
import { demo, demoStaff, startTestServer, type TestServer } from '../../helpers/server.js';
import { stripeKeys } from '../../helpers/stripe.js';

let s: TestServer;
test.before(async () => {
  s = await startTestServer({ stripe: true });
});
test.after.always(async () => s?.close());

const unconfigured = (url: string) => ({
  configured: false,
  enabled: false,
  mode: null,
  secret_key_last4: null,
  publishable_key: null,
  webhook_secret_set: false,
  stripe_account_id: null,
  allow_partial_payments: false,
  partial_payment_minimum: null,
  webhook_url: url,
  webhook_events: [
    'checkout.session.completed',
    'checkout.session.async_payment_succeeded',
    'checkout.session.expired',
    'payment_intent.succeeded',
    'charge.refunded',
    'refund.created',
    'refund.updated',
    'charge.refund.updated',
  ],
  updated_at: null,
});

test.serial('GET /admin/stripe — an unconfigured firm: nothing set, the webhook URL to add in Stripe', async (t) => {
  const admin = await s.staffLogin(demoStaff.bea);
  t.deepEqual(await admin.stripe.retrieve(), unconfigured(`${s.server.origin}/api/v1/webhooks/stripe/bluebird`));
  const nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  const me = await nora.me();
  t.is(me.firm.payments_enabled, false);
  t.is(me.firm.partial_payment_minimum, null);
});

test.serial(
  'PUT /admin/stripe — configures test keys, checks the key with Stripe, never answers a secret',
  async (t) => {
    const admin = await s.staffLogin(demoStaff.ada);
    const keys = stripeKeys('test');
    const settings = await admin.stripe.configure({
      ...keys,
      allow_partial_payments: true,
      partial_payment_minimum: 5000,
    });
    t.truthy(settings.updated_at);
    t.deepEqual(
      { ...settings, updated_at: 'x' },
      {
        ...unconfigured(`${s.server.origin}/api/v1/webhooks/stripe/acme`),
        configured: true,
        enabled: true,
        mode: 'test',
        secret_key_last4: keys.secret_key.slice(-4),
        publishable_key: keys.publishable_key,
        webhook_secret_set: true,
        stripe_account_id: 'acct_fake0123456789',
        allow_partial_payments: true,
        partial_payment_minimum: 5000,
        updated_at: 'x',
      },
    );
    // The key went to Stripe once, as a bearer token, for GET /v1/account.
    const check = s.stripe!.requests.filter((r) => r.path === '/v1/account');
    t.is(check.length, 1);
    t.is(check[0]!.apiKey, keys.secret_key);

    // Stored sealed: neither secret appears in the row.
    const row = await s.db.owner('stripe_accounts').first();
    const stored = JSON.stringify(row) + Buffer.from(row.secret_key_sealed).toString('latin1');
    t.false(stored.includes(keys.secret_key));
    t.false(stored.includes(keys.webhook_secret));
    t.is(row.mode, 'test');

    // The portal sees payments on, with the minimum.
    const nora = s.portal('acme');
    await nora.auth.login(demo.nora);
    const me = await nora.me();
    t.is(me.firm.payments_enabled, true);
    t.is(me.firm.partial_payment_minimum, 5000);

    // Audit: which keys changed, never a value.
    const [event] = (await admin.auditEvents.list({ action: 'stripe.configured' })).data;
    t.deepEqual(event!.data, {
      mode: 'test',
      secret_key_changed: true,
      publishable_key_changed: true,
      webhook_secret_changed: true,
      allow_partial_payments: true,
      partial_payment_minimum: 5000,
      enabled: true,
    });

    // No endpoint answers a secret: not the settings, not the audit trail.
    const everything = JSON.stringify([
      await admin.stripe.retrieve(),
      await admin.auditEvents.list({ limit: 100 }),
      me,
    ]);
    t.false(everything.includes(keys.secret_key));
    t.false(everything.includes(keys.webhook_secret));
  },
);

test.serial('PUT /admin/stripe — live keys show as live; keys left out keep their values', async (t) => {
  const admin = await s.staffLogin(demoStaff.ada);
  const keys = stripeKeys('live');
  t.is((await admin.stripe.configure(keys)).mode, 'live');
  const after = await admin.stripe.configure({ allow_partial_payments: false });
  t.is(after.mode, 'live');
  t.is(after.secret_key_last4, keys.secret_key.slice(-4));
  t.is(after.allow_partial_payments, false);
  t.is(after.partial_payment_minimum, 5000);
  const nora = s.portal('acme');
  await nora.auth.login(demo.nora);
  t.is((await nora.me()).firm.partial_payment_minimum, null);
});

test.serial('PUT /admin/stripe — refuses keys of different modes, and nothing changes', async (t) => {
  const admin = await s.staffLogin(demoStaff.ada);
  const before = await admin.stripe.retrieve();
  const error = await t.throwsAsync(
    admin.stripe.configure({
      secret_key: stripeKeys('test').secret_key,
      publishable_key: stripeKeys('live').publishable_key,
    }),
    { instanceOf: ValidationError },
  );
  t.is(error.code, 'stripe_mode_mismatch');
  t.is(
    error.message,
    'The secret key is a test key but the publishable key is a live key: use both keys from the same mode (the dashboard\'s "Test mode" switch).',
  );
  t.deepEqual(await admin.stripe.retrieve(), before);
});

test.serial('PUT /admin/stripe — a key Stripe rejects is a 400 and is not saved', async (t) => {
  const admin = await s.staffLogin(demoStaff.ada);
  const before = await admin.stripe.retrieve();
  const bad = stripeKeys('live');
  s.stripe!.rejectedKeys.add(bad.secret_key);
  const error = await t.throwsAsync(admin.stripe.configure(bad), { instanceOf: ValidationError });
  t.is(error.code, 'stripe_key_invalid');
  t.deepEqual(await admin.stripe.retrieve(), before);
});

test.serial(
  'PUT /admin/stripe — validation: the first configuration needs all three keys; malformed keys; partial without minimum',
  async (t) => {
    const bea = await s.staffLogin(demoStaff.bea);
    const keys = stripeKeys();
    const missing = await t.throwsAsync(bea.stripe.configure({ secret_key: keys.secret_key }), {
      instanceOf: ValidationError,
    });
    t.is(missing.code, 'stripe_keys_required');
    t.regex(missing.message, /give publishable_key, webhook_secret/);
    const malformed = await t.throwsAsync(bea.stripe.configure({ ...keys, secret_key: 'pk_test_123456789' }), {
      instanceOf: ValidationError,
    });
    t.is(malformed.code, 'validation_failed');
    const partial = await t.throwsAsync(bea.stripe.configure({ ...keys, allow_partial_payments: true }), {
      instanceOf: ValidationError,
    });
    t.is(partial.code, 'partial_minimum_required');
    const unknown = await t.throwsAsync(bea.stripe.configure({ ...keys, secret: 'x' } as never), {
      instanceOf: ValidationError,
    });
    t.is(unknown.code, 'validation_failed');
    t.is((await bea.stripe.retrieve()).configured, false);
  },
);

test.serial(
  'POST /admin/stripe/disable — payments off (keys kept), /me says so; configure enables again',
  async (t) => {
    const admin = await s.staffLogin(demoStaff.ada);
    const disabled = await admin.stripe.disable();
    t.is(disabled.enabled, false);
    t.is(disabled.configured, true);
    t.is(disabled.webhook_secret_set, true);
    const nora = s.portal('acme');
    await nora.auth.login(demo.nora);
    t.is((await nora.me()).firm.payments_enabled, false);
    t.is((await admin.auditEvents.list({ action: 'stripe.disabled' })).data.length, 1);
    t.is((await admin.stripe.configure({})).enabled, true);
    t.is((await nora.me()).firm.payments_enabled, true);
  },
);

test.serial('POST /admin/stripe/disable — 409 when the firm never configured Stripe', async (t) => {
  const bea = await s.staffLogin(demoStaff.bea);
  const error = await t.throwsAsync(bea.stripe.disable(), { instanceOf: ConflictError });
  t.is(error.code, 'stripe_not_configured');
});

test.serial('/admin/stripe — staff who are not admins are refused', async (t) => {
  const sam = await s.staffLogin(demoStaff.sam);
  for (const call of [
    () => sam.stripe.retrieve(),
    () => sam.stripe.configure(stripeKeys()),
    () => sam.stripe.disable(),
  ]) {
    const error = await t.throwsAsync(call(), { instanceOf: PermissionError });
    t.is(error.code, 'admin_required');
  }
});
