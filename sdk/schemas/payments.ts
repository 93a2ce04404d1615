import { z } from 'zod';
import {
  CalendarDate,
  Currency,
  Id,
  ListQuery,
  MinorUnits,
  PreviewedBy,
  Timestamp,
  listOf,
  Text,
  Url,
} from './common.js';
import { endpoint, type Endpoint } from './endpoint.js';
import { AdminCredit, AdminInvoice, AdminPayment, IdParams, PaymentMode } from './invoices.js';

const SecretKey = Text()
  .trim()
  .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)')
  .describe('Secret (or restricted) key from the Stripe dashboard, Developers → API keys');
const PublishableKey = Text()
  .trim()
  .regex(/^pk_(test|live)_[A-Za-z0-9_]{8,}$/, 'must be a Stripe publishable key (pk_test_… or pk_live_…)');
const WebhookSecret = Text()
  .trim()
  .regex(/^whsec_[A-Za-z0-9_]{8,}$/, 'must be a Stripe webhook signing secret (whsec_…)')
  .describe("The signing secret of the webhook endpoint you added in Stripe (reveal it on the endpoint's page)");

export const StripeMode = z.enum(['test', 'live']);
export type StripeMode = z.infer<typeof StripeMode>;

/**
 * Connects (or reconfigures) the firm's Stripe account. The three keys are
 * required the first time; afterwards each may be left out to keep the stored one.
 */
export const StripeConfigureRequest = z
  .object({
    secret_key: SecretKey.optional(),
    publishable_key: PublishableKey.optional(),
    webhook_secret: WebhookSecret.optional(),
    allow_partial_payments: z
      .boolean()
      .optional()
      .describe('Let clients pay part of an invoice (at least partial_payment_minimum); default false'),
    partial_payment_minimum: MinorUnits.min(1)
      .nullable()
      .optional()
      .describe(
        "Smallest partial payment, in minor units of the invoice's currency; required to allow partial payments",
      ),
    verify: z
      .boolean()
      .optional()
      .describe('Check the secret key with Stripe (GET /v1/account) before saving; default true'),
  })
  .strict()
  .meta({ id: 'StripeConfigureRequest' });
export type StripeConfigureRequest = z.input<typeof StripeConfigureRequest>;

/** What the firm's Stripe configuration looks like from outside: never a secret, only its last four characters. */
export const StripeSettings = z
  .object({
    configured: z.boolean(),
    enabled: z.boolean().describe('Clients can pay online (configured and not disabled)'),
    mode: StripeMode.nullable().describe('test or live, from the keys’ prefixes'),
    secret_key_last4: Text().nullable(),
    publishable_key: Text().nullable(),
    webhook_secret_set: z.boolean(),
    stripe_account_id: Text().nullable().describe('acct_… as Stripe reported it when the key was verified'),
    allow_partial_payments: z.boolean(),
    partial_payment_minimum: MinorUnits.nullable(),
    webhook_url: Text().describe('Add this URL as a webhook endpoint in the Stripe dashboard'),
    webhook_events: z.array(Text()).describe('The events to enable on that endpoint'),
    updated_at: Timestamp.nullable(),
  })
  .strict()
  .meta({ id: 'StripeSettings' });
export type StripeSettings = z.infer<typeof StripeSettings>;

/** Body of `POST /portal/invoices/:id/checkout`. */
export const CheckoutRequest = z
  .object({
    amount: MinorUnits.min(1)
      .optional()
      .describe('Partial payment in minor units, between the firm’s minimum and the balance; default the balance'),
    return_url: Url()
      .max(2000)
      .optional()
      .describe('Where Stripe sends the client back: the hosted portal or an origin the firm allowed'),
  })
  .strict()
  .meta({ id: 'CheckoutRequest' });
export type CheckoutRequest = z.input<typeof CheckoutRequest>;

export const CheckoutSession = z
  .object({
    id: Text().describe('Stripe Checkout Session id (cs_…)'),
    url: Text().describe('Send the client here to pay'),
    amount: MinorUnits,
    currency: Currency,
    expires_at: Timestamp,
    previewed_by: PreviewedBy,
  })
  .strict()
  .meta({ id: 'CheckoutSession' });
export type CheckoutSession = z.infer<typeof CheckoutSession>;

/** What Stripe posts: an Event. Documented here; the server verifies the raw bytes against Stripe-Signature itself. */
export const StripeWebhookEvent = z
  .object({ id: Text(), object: z.literal('event'), type: Text() })
  .loose()
  .describe('A Stripe Event, signed in the Stripe-Signature header with the firm’s webhook signing secret')
  .meta({ id: 'StripeWebhookEvent' });

export const StripeWebhookParams = z.object({ tenant: Text().min(1).max(63) }).strict();
export const StripeWebhookAnswer = z
  .object({ received: z.literal(true), duplicate: z.boolean().optional(), ignored: z.boolean().optional() })
  .strict()
  .meta({ id: 'StripeWebhookAnswer' });

/** The Stripe events the webhook acts on; the firm enables these on its endpoint. */
export const STRIPE_WEBHOOK_EVENTS = [
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.expired',
  'payment_intent.succeeded',
  'charge.refunded',
  'refund.created',
  'refund.updated',
  'charge.refund.updated',
] as const;

const CheckoutParams = z.object({ id: Id }).strict();

export const stripeEndpoints = {
  adminRetrieveStripe: endpoint({
    operationId: 'adminRetrieveStripe',
    method: 'GET',
    path: '/admin/stripe',
    audience: 'admin',
    authenticated: true,
    summary:
      "The firm's Stripe settings (admins): mode, last four characters of the key, the webhook URL; never a secret",
    response: StripeSettings,
    status: 200,
  }),
  adminConfigureStripe: endpoint({
    operationId: 'adminConfigureStripe',
    method: 'PUT',
    path: '/admin/stripe',
    audience: 'admin',
    authenticated: true,
    summary:
      'Connect or reconfigure Stripe (admins); keys of different modes are refused (400 stripe_mode_mismatch), a key Stripe rejects is 400 stripe_key_invalid',
    body: StripeConfigureRequest,
    response: StripeSettings,
    status: 200,
  }),
  adminDisableStripe: endpoint({
    operationId: 'adminDisableStripe',
    method: 'POST',
    path: '/admin/stripe/disable',
    audience: 'admin',
    authenticated: true,
    summary:
      'Stop online payments (admins): no new checkouts, open ones expire; the keys stay so late webhooks still record money Stripe took. PUT /admin/stripe enables again',
    response: StripeSettings,
    status: 200,
  }),
  portalCreateCheckout: endpoint({
    operationId: 'portalCreateCheckout',
    method: 'POST',
    path: '/portal/invoices/:id/checkout',
    audience: 'portal',
    authenticated: true,
    idempotent: true,
    // Stripe answers with no transaction open: one short transaction before the call, one after.
    transactions: 'own',
    summary:
      'Open a Stripe Checkout Session for the balance (or a partial amount); 409 payments_not_configured, 409 invoice_not_payable, 409 checkout_in_progress (another checkout of the invoice is under way)',
    params: CheckoutParams,
    body: CheckoutRequest,
    response: CheckoutSession,
    status: 201,
  }),
  stripeWebhook: endpoint({
    operationId: 'stripeWebhook',
    method: 'POST',
    path: '/webhooks/stripe/:tenant',
    audience: 'public',
    authenticated: false,
    summary:
      "Stripe's webhook for one firm: the raw body is verified with the firm's signing secret (400 when it does not match)",
    params: StripeWebhookParams,
    kind: 'raw',
    accepts: 'application/json',
    maxBytes: 1024 * 1024,
    body: StripeWebhookEvent,
    response: StripeWebhookAnswer,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;

/** One payment in the client's history, with the invoice it paid. */
export const PortalPaymentHistoryItem = z
  .object({
    id: Id,
    invoice_id: Id,
    invoice_number: Text(),
    amount: MinorUnits,
    currency: Currency,
    method: z.enum(['manual', 'stripe']),
    mode: PaymentMode.describe(
      'How the money arrived: card (every online payment), bank_transfer, cash, check or other',
    ),
    paid_at: Timestamp,
    refunded_amount: MinorUnits.describe('The part of this payment refunded so far (0 when none)'),
    previewed_by: PreviewedBy,
  })
  .strict()
  .meta({ id: 'PortalPaymentHistoryItem' });
export type PortalPaymentHistoryItem = z.infer<typeof PortalPaymentHistoryItem>;

export const PortalPaymentList = listOf(PortalPaymentHistoryItem).meta({ id: 'PortalPaymentList' });

export const PortalPaymentListQuery = ListQuery;
export interface PortalPaymentListQuery {
  limit?: number;
  starting_after?: string;
}

/** The client's payment history. */
export const portalPaymentEndpoints = {
  portalListPayments: endpoint({
    operationId: 'portalListPayments',
    method: 'GET',
    path: '/portal/payments',
    audience: 'portal',
    authenticated: true,
    summary: "Every payment on the client's issued invoices, newest first",
    query: PortalPaymentListQuery,
    response: PortalPaymentList,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;

// ─── Manual payments and client credits (admin side) ──────────────────────

export const ManualPaymentRequest = z
  .object({
    amount: MinorUnits.min(1).optional().describe('Default: the balance due'),
    paid_at: z
      .union([Timestamp, CalendarDate])
      .optional()
      .describe('When the money arrived (a date or a timestamp); default: now'),
    mode: PaymentMode.optional(),
    transaction_id: Text().trim().min(1).max(255).optional(),
    note: Text().trim().min(1).max(2000).optional().describe('Internal'),
  })
  .strict()
  .meta({ id: 'ManualPaymentRequest' });
export type ManualPaymentRequest = z.input<typeof ManualPaymentRequest>;

export const ManualPaymentResult = z
  .object({ payment: AdminPayment, invoice: AdminInvoice })
  .strict()
  .meta({ id: 'ManualPaymentResult' });
export type ManualPaymentResult = z.infer<typeof ManualPaymentResult>;

export const AdminCreditList = listOf(AdminCredit).meta({ id: 'AdminCreditList' });
/** How the firm settled a credit itself (a Stripe refund settles one on its own). */
export const AdminCreditResolveRequest = z
  .object({
    resolution: z
      .enum(['refunded_manually', 'written_off'])
      .describe(
        'refunded_manually: the money went back to the client outside Stripe; written_off: agreed with the client',
      ),
    note: Text().trim().min(1).max(500).optional().describe('Kept in the audit trail'),
  })
  .strict()
  .meta({ id: 'AdminCreditResolveRequest' });
export type AdminCreditResolveRequest = z.input<typeof AdminCreditResolveRequest>;

export const AdminCreditListQuery = ListQuery.extend({ client_id: Id.optional() }).strict();
export type AdminCreditListQuery = Partial<z.output<typeof AdminCreditListQuery>>;

/** Money the firm records itself, and the credits overpayments leave. */
export const adminPaymentEndpoints = {
  adminCreateInvoicePayment: endpoint({
    operationId: 'adminCreateInvoicePayment',
    method: 'POST',
    path: '/admin/invoices/:id/payments',
    audience: 'admin',
    authenticated: true,
    summary:
      'Record a manual payment (default: the balance; 400 amount_exceeds_balance above it; Idempotency-Key honoured)',
    params: IdParams,
    body: ManualPaymentRequest,
    response: ManualPaymentResult,
    status: 201,
    idempotent: true,
  }),
  adminListCredits: endpoint({
    operationId: 'adminListCredits',
    method: 'GET',
    path: '/admin/credits',
    audience: 'admin',
    authenticated: true,
    summary: 'Open client credits (overpayments), newest first',
    query: AdminCreditListQuery,
    response: AdminCreditList,
    status: 200,
  }),
  adminResolveCredit: endpoint({
    operationId: 'adminResolveCredit',
    method: 'POST',
    path: '/admin/credits/:id/resolve',
    audience: 'admin',
    authenticated: true,
    summary: 'Settle an open client credit: refunded outside Stripe, or written off',
    params: IdParams,
    body: AdminCreditResolveRequest,
    response: AdminCredit,
    status: 200,
  }),
} satisfies Record<string, Endpoint>;
