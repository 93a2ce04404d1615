import { Model } from 'objection';
import type Stripe from 'stripe';
import { TenantModel } from '../../db/model.js';

/**
 * Money received on an invoice: recorded by the firm (manual) or by Stripe's
 * webhooks, once per payment intent. Amounts are minor units of `currency`.
 */
export class PaymentModel extends TenantModel {
  static override tableName = 'payments';
  declare invoice_id: string;
  /** The invoice's client, kept on the payment for the portal's policies. */
  declare client_id: string;
  declare amount: number;
  declare currency: string;
  declare method: 'manual' | 'stripe';
  declare mode: 'bank_transfer' | 'cash' | 'check' | 'card' | 'other' | null;
  /** Unused since transaction_id (kept by the first migrations). */
  declare reference: string | null;
  declare transaction_id: string | null;
  /** Internal to the firm: never shown to the portal. */
  declare note: string | null;
  declare stripe_payment_intent_id: string | null;
  /** The paying contact (Stripe). */
  declare contact_id: string | null;
  declare refunded_amount: number;
  /** The staff user whose portal preview opened the checkout this payment came from. */
  declare previewed_by: string | null;
  declare paid_at: Date;
  declare created_at: Date;

  static override get relationMappings() {
    return {
      refunds: {
        relation: Model.HasManyRelation,
        modelClass: RefundModel,
        join: { from: ['payments.tenant_id', 'payments.id'], to: ['refunds.tenant_id', 'refunds.payment_id'] },
      },
      credit: {
        relation: Model.HasOneRelation,
        modelClass: ClientCreditModel,
        join: {
          from: ['payments.tenant_id', 'payments.id'],
          to: ['client_credits.tenant_id', 'client_credits.payment_id'],
        },
      },
    };
  }
}

/** A Stripe refund of a payment, recorded once per refund id. */
export class RefundModel extends TenantModel {
  static override tableName = 'refunds';
  declare payment_id: string;
  declare invoice_id: string;
  declare client_id: string;
  declare amount: number;
  declare currency: string;
  declare stripe_refund_id: string | null;
  declare created_at: Date;
}

/** Money received above an invoice's balance, owed to the client until a refund or the firm settles it. */
export class ClientCreditModel extends TenantModel {
  static override tableName = 'client_credits';
  declare client_id: string;
  declare invoice_id: string;
  declare payment_id: string;
  /** What is still open (0 once resolved). */
  declare amount: number;
  declare original_amount: number;
  declare currency: string;
  declare reason: 'overpayment';
  declare created_at: Date;
  declare resolved_at: Date | null;
  declare resolution: 'refunded' | 'refunded_manually' | 'written_off' | null;
}

/**
 * A Stripe Checkout Session of an invoice, from before Stripe is called
 * (`creating`) until it is paid, expired or failed.
 */
export class CheckoutSessionModel extends TenantModel {
  static override tableName = 'checkout_sessions';
  declare invoice_id: string;
  declare client_id: string;
  declare contact_id: string;
  declare stripe_session_id: string | null;
  declare amount: number;
  declare currency: string;
  declare status: 'creating' | 'open' | 'expiring' | 'complete' | 'expired' | 'failed';
  declare url: string | null;
  declare expires_at: Date | null;
  declare previewed_by: string | null;
  /** The key Stripe's create call was sent with, so the reconcile job can ask again. */
  declare stripe_idempotency_key: string | null;
  declare create_params: Stripe.Checkout.SessionCreateParams | null;
  declare created_at: Date;
  declare updated_at: Date;
}

/** A firm's Stripe configuration (one row per firm, keyed by it): keys sealed with the keyring. */
export class StripeAccountModel extends Model {
  static override tableName = 'stripe_accounts';
  static override idColumn = 'tenant_id';
  declare tenant_id: string;
  declare mode: 'test' | 'live';
  declare secret_key_sealed: Buffer;
  declare secret_key_last4: string;
  declare publishable_key: string;
  declare webhook_secret_sealed: Buffer;
  declare stripe_account_id: string | null;
  declare allow_partial_payments: boolean;
  declare partial_payment_minimum: number | null;
  declare enabled: boolean;
  declare created_at: Date;
  declare updated_at: Date;
}

/** A Stripe event as received (stored once per id), and what applying it did. */
export class StripeEventModel extends Model {
  static override tableName = 'stripe_events';
  static override idColumn = ['tenant_id', 'id'];
  declare tenant_id: string;
  /** Stripe's own id (evt_…). */
  declare id: string;
  declare type: string;
  declare livemode: boolean;
  declare outcome: 'pending' | 'applied' | 'ignored';
  /** The event as Stripe sent it (null for events stored before payloads were kept). */
  declare payload: Stripe.Event | null;
  declare received_at: Date;
  declare processed_at: Date | null;
}
