/**
 * Each firm's own Stripe account: the secret key and the webhook signing secret
 * sealed with the keyring (purpose stripe_secret), never returned by the API;
 * the mode follows the key prefixes. The portal reads only what a checkout and
 * /me need (the sealed secret key but never the webhook secret); the auth role
 * only whether payments are on, for the profile a login returns.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE stripe_accounts (
      tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
      mode text NOT NULL CHECK (mode IN ('test', 'live')),
      secret_key_sealed bytea NOT NULL,
      secret_key_last4 text NOT NULL CHECK (length(secret_key_last4) = 4),
      publishable_key text NOT NULL CHECK (publishable_key ~ '^pk_(test|live)_[A-Za-z0-9_]+$'),
      webhook_secret_sealed bytea NOT NULL,
      stripe_account_id text,
      allow_partial_payments boolean NOT NULL DEFAULT false,
      partial_payment_minimum bigint CHECK (partial_payment_minimum > 0),
      enabled boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (NOT allow_partial_payments OR partial_payment_minimum IS NOT NULL)
    );
    ALTER TABLE stripe_accounts ENABLE ROW LEVEL SECURITY;
    ALTER TABLE stripe_accounts FORCE ROW LEVEL SECURITY;
    GRANT SELECT, INSERT, UPDATE ON stripe_accounts TO caseflow_staff;
    GRANT SELECT (tenant_id, mode, secret_key_sealed, allow_partial_payments, partial_payment_minimum, enabled)
      ON stripe_accounts TO caseflow_portal;
    GRANT SELECT (tenant_id, allow_partial_payments, partial_payment_minimum, enabled)
      ON stripe_accounts TO caseflow_auth;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP TABLE stripe_accounts`);
}
