/**
 * A firm settles an open client credit itself: it returned the money outside
 * Stripe (`refunded_manually`) or agreed with the client to write it off
 * (`written_off`). `refunded` stays for credits a Stripe refund used up.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE client_credits DROP CONSTRAINT client_credits_resolution_check;
    ALTER TABLE client_credits ADD CONSTRAINT client_credits_resolution_check
      CHECK (resolution IN ('refunded', 'refunded_manually', 'written_off'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    UPDATE client_credits SET resolution = 'refunded' WHERE resolution IN ('refunded_manually', 'written_off');
    ALTER TABLE client_credits DROP CONSTRAINT client_credits_resolution_check;
    ALTER TABLE client_credits ADD CONSTRAINT client_credits_resolution_check CHECK (resolution IN ('refunded'));
  `);
}
