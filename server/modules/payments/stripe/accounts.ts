/**
 * A firm's Stripe configuration (admins only): keys sealed with the keyring,
 * the mode from their prefixes, partial-payment settings, on/off. Nothing here
 * ever returns a secret: the serializer shows the key's last four characters.
 */
import type { z } from 'zod';
import Stripe from 'stripe';
import type { StripeConfigureRequest, StripeSettings } from '../../../../sdk/schemas/payments.js';
import { apiOrigin, type Config } from '../../../config.js';
import type { RequestDb } from '../../../db/request-db.js';
import type { TenantScope } from '../../../db/request-transaction.js';
import { currentTenant, type Row } from '../../../db/model.js';
import { StripeAccountModel } from '../models.js';
import { AppError, BadRequestError, ConflictError } from '../../../errors.js';
import type { AdminAct } from '../../../http/context.js';
import type { Keyring } from '../../../security/keyring.js';
import { adminActor, recordAudit } from '../../audit/service.js';
import { keyMode, type StripeFactory } from './client.js';
import { stripeSettings, type StripeAccountRow } from './serialize.js';
import { recordEvent } from '../../../jobs/events.js';

export const accountMessages = {
  keysRequired: (missing: string[]) =>
    `Stripe is not configured yet: give ${missing.join(', ')} (from the Stripe dashboard, Developers → API keys and Webhooks).`,
  modeMismatch: (secret: 'test' | 'live', publishable: 'test' | 'live') =>
    `The secret key is a ${secret} key but the publishable key is a ${publishable} key: use both keys from the same mode (the dashboard's "Test mode" switch).`,
  minimumRequired: 'To allow partial payments, also set the smallest partial payment a client may make.',
  keyRejected: 'Stripe rejected this secret key: copy it again from the dashboard (Developers → API keys).',
  unreachable:
    'Stripe could not be reached to check the secret key; try again, or save it unchecked with verify: false.',
  notConfigured: 'Stripe is not configured for this firm.',
};

/** Everything the services need to reach Stripe for a firm. */
export interface StripeDeps {
  config: Config;
  keyring: Keyring;
  stripe: StripeFactory;
}

const columns = [
  'mode',
  'secret_key_last4',
  'publishable_key',
  'stripe_account_id',
  'allow_partial_payments',
  'partial_payment_minimum',
  'enabled',
  'updated_at',
  'secret_key_sealed',
  'webhook_secret_sealed',
] as const;

/** The firm's own row: the policies show each firm only its own, and the key is the firm. */
const ofTheFirm = (db: RequestDb) =>
  StripeAccountModel.query(db.knex).where('tenant_id', StripeAccountModel.raw('caseflow.current_tenant()'));

/** The URL a firm adds as its webhook endpoint: the bare API host, since the path names the firm. */
export function webhookUrl(config: Config, slug: string): string {
  return `${apiOrigin(config)}/api/v1/webhooks/stripe/${slug}`;
}

async function readAccount(db: RequestDb, lock = false): Promise<StripeAccountRow | undefined> {
  const query = ofTheFirm(db)
    .select(...columns)
    .first();
  if (lock) query.forUpdate();
  return query.castTo<StripeAccountRow | undefined>();
}

export async function retrieve(
  db: RequestDb,
  config: Config,
  tenant: TenantScope,
): Promise<z.input<typeof StripeSettings>> {
  return stripeSettings(await readAccount(db), webhookUrl(config, tenant.tenant_slug));
}

/** Asks Stripe who the key belongs to (GET /v1/account): a wrong key is a clear 400, not a broken checkout later. */
async function verifyKey(deps: StripeDeps, secretKey: string): Promise<string | null> {
  try {
    const account = await deps.stripe(secretKey).accounts.retrieveCurrent();
    return account.id;
  } catch (error) {
    if (
      error instanceof Stripe.errors.StripeAuthenticationError ||
      error instanceof Stripe.errors.StripePermissionError
    ) {
      throw new BadRequestError('stripe_key_invalid', accountMessages.keyRejected);
    }
    throw new AppError(502, 'api_error', 'stripe_unavailable', accountMessages.unreachable);
  }
}

/**
 * Connects or reconfigures Stripe, and (re-)enables payments. Keys left out keep
 * their stored values; the first configuration needs all three.
 */
export async function configure(
  deps: StripeDeps,
  act: AdminAct,
  body: z.output<typeof StripeConfigureRequest>,
): Promise<z.input<typeof StripeSettings>> {
  const { db, admin } = act;
  const current = await readAccount(db, true);
  if (!current) {
    const missing = (['secret_key', 'publishable_key', 'webhook_secret'] as const).filter((k) => !body[k]);
    if (missing.length) throw new BadRequestError('stripe_keys_required', accountMessages.keysRequired(missing));
  }
  const secretMode = body.secret_key ? keyMode(body.secret_key) : current!.mode;
  const publishableKey = body.publishable_key ?? current!.publishable_key;
  const publishableMode = keyMode(publishableKey);
  if (secretMode !== publishableMode) {
    throw new BadRequestError('stripe_mode_mismatch', accountMessages.modeMismatch(secretMode, publishableMode));
  }
  const allowPartial = body.allow_partial_payments ?? current?.allow_partial_payments ?? false;
  const minimum =
    body.partial_payment_minimum !== undefined
      ? body.partial_payment_minimum
      : (current?.partial_payment_minimum ?? null);
  if (allowPartial && minimum === null)
    throw new BadRequestError('partial_minimum_required', accountMessages.minimumRequired);

  let accountId = current?.stripe_account_id ?? null;
  if (body.secret_key && body.verify !== false) accountId = await verifyKey(deps, body.secret_key);
  else if (body.secret_key) accountId = null;

  const seal = (value: string) => deps.keyring.seal(db, admin.tenant_id, 'stripe_secret', value);
  const secretSealed = body.secret_key ? await seal(body.secret_key) : current!.secret_key_sealed;
  const webhookSealed = body.webhook_secret ? await seal(body.webhook_secret) : current!.webhook_secret_sealed;
  const settings = {
    mode: secretMode,
    secret_key_sealed: secretSealed,
    secret_key_last4: body.secret_key ? body.secret_key.slice(-4) : current!.secret_key_last4,
    publishable_key: publishableKey,
    webhook_secret_sealed: webhookSealed,
    stripe_account_id: accountId,
    allow_partial_payments: allowPartial,
    partial_payment_minimum: minimum,
    enabled: true,
  };
  await StripeAccountModel.query(db.knex)
    .insert({ tenant_id: currentTenant(), ...settings } as never)
    .onConflict('tenant_id')
    .merge({ ...settings, updated_at: StripeAccountModel.fn.now() } as never);
  await recordAudit(
    db,
    {
      action: current ? 'stripe.reconfigured' : 'stripe.configured',
      ...adminActor(admin),
      subjectType: 'tenant',
      subjectId: admin.tenant_id,
      // Which keys changed, never their values.
      data: {
        mode: secretMode,
        secret_key_changed: Boolean(body.secret_key),
        publishable_key_changed: Boolean(body.publishable_key),
        webhook_secret_changed: Boolean(body.webhook_secret),
        allow_partial_payments: allowPartial,
        partial_payment_minimum: minimum,
        enabled: true,
      },
    },
    act.meta,
  );
  return retrieve(db, deps.config, admin);
}

/**
 * Stops new checkouts. The keys stay: webhooks of payments already under way
 * must still verify, because money Stripe took is never lost.
 */
export async function disable(deps: StripeDeps, act: AdminAct): Promise<z.input<typeof StripeSettings>> {
  const { db, admin } = act;
  const current = await readAccount(db, true);
  if (!current) throw new ConflictError('stripe_not_configured', accountMessages.notConfigured);
  if (current.enabled) {
    await ofTheFirm(db).patch({ enabled: false, updated_at: StripeAccountModel.fn.now() } as never);
    await recordAudit(
      db,
      { action: 'stripe.disabled', ...adminActor(admin), subjectType: 'tenant', subjectId: admin.tenant_id },
      act.meta,
    );
    // Sessions already open would still take money: they expire after commit (expire-checkout-sessions).
    await recordEvent(db, {
      type: 'stripe.disabled',
      data: {},
      subjectType: 'tenant',
      subjectId: admin.tenant_id,
      ...adminActor(admin),
    });
  }
  return retrieve(db, deps.config, admin);
}

/** What a checkout needs: the opened secret key and the partial-payment rule; undefined when payments are off. */
export async function paymentSettings(
  deps: StripeDeps,
  db: RequestDb,
  tenantId: string,
): Promise<{ secretKey: string; allowPartial: boolean; minimum: number | null } | undefined> {
  const row = await ofTheFirm(db)
    .select('secret_key_sealed', 'allow_partial_payments', 'partial_payment_minimum')
    .where('enabled', true)
    .first()
    .castTo<
      | Pick<Row<StripeAccountModel>, 'secret_key_sealed' | 'allow_partial_payments' | 'partial_payment_minimum'>
      | undefined
    >();
  if (!row) return undefined;
  const secretKey = (await deps.keyring.open(db, tenantId, 'stripe_secret', row.secret_key_sealed)).toString('utf8');
  return { secretKey, allowPartial: row.allow_partial_payments, minimum: row.partial_payment_minimum };
}

/** The webhook's view (staff role): both secrets, whether or not payments are currently enabled. */
export async function webhookSecrets(
  deps: StripeDeps,
  db: RequestDb,
  tenantId: string,
): Promise<{ webhookSecret: string; secretKey: string } | undefined> {
  const row = await readAccount(db);
  if (!row) return undefined;
  const open = async (sealed: Buffer) =>
    (await deps.keyring.open(db, tenantId, 'stripe_secret', sealed)).toString('utf8');
  return { webhookSecret: await open(row.webhook_secret_sealed), secretKey: await open(row.secret_key_sealed) };
}
