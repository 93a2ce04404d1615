import type { z } from 'zod';
import type { Row } from '../../../db/model.js';
import type { Previewer } from '../../impersonations/previewer.js';
import type { CheckoutSessionModel, StripeAccountModel } from '../models.js';
import { STRIPE_WEBHOOK_EVENTS, type CheckoutSession, type StripeSettings } from '../../../../sdk/schemas/payments.js';

/** The firm's Stripe row as the services read it: all but the tenant and the creation time. */
export type StripeAccountRow = Omit<Row<StripeAccountModel>, 'tenant_id' | 'created_at'>;

/** The admin's allow-list: never a secret or its sealed form, only the key's last four characters. */
export function stripeSettings(row: StripeAccountRow | undefined, webhookUrl: string): z.input<typeof StripeSettings> {
  return {
    configured: row !== undefined,
    enabled: row?.enabled ?? false,
    mode: row?.mode ?? null,
    secret_key_last4: row?.secret_key_last4 ?? null,
    publishable_key: row?.publishable_key ?? null,
    webhook_secret_set: row !== undefined,
    stripe_account_id: row?.stripe_account_id ?? null,
    allow_partial_payments: row?.allow_partial_payments ?? false,
    partial_payment_minimum: row?.partial_payment_minimum ?? null,
    webhook_url: webhookUrl,
    webhook_events: [...STRIPE_WEBHOOK_EVENTS],
    updated_at: row ? row.updated_at.toISOString() : null,
  };
}

/** A session as the portal's answer shows it, with the previewing admin's name. */
export type CheckoutRow = Pick<Row<CheckoutSessionModel>, 'amount' | 'currency'> & {
  stripe_session_id: string;
  url: string;
  expires_at: Date;
  previewed_by: Previewer | null;
};

export function checkoutSession(row: CheckoutRow): z.input<typeof CheckoutSession> {
  return {
    id: row.stripe_session_id,
    url: row.url,
    amount: row.amount,
    currency: row.currency,
    expires_at: row.expires_at.toISOString(),
    previewed_by: row.previewed_by,
  };
}
