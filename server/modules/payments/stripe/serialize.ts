import type { z } from 'zod';
import { STRIPE_WEBHOOK_EVENTS, type CheckoutSession, type StripeSettings } from '../../../../sdk/schemas/payments.js';

export interface StripeAccountRow {
  mode: 'test' | 'live';
  secret_key_last4: string;
  publishable_key: string;
  stripe_account_id: string | null;
  allow_partial_payments: boolean;
  partial_payment_minimum: number | null;
  enabled: boolean;
  updated_at: Date;
  secret_key_sealed: Buffer;
  webhook_secret_sealed: Buffer;
}

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

export interface CheckoutRow {
  stripe_session_id: string;
  url: string;
  amount: number;
  currency: string;
  expires_at: Date;
  previewed_by: { id: string; name: string } | null;
}

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
