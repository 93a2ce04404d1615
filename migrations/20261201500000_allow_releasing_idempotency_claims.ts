/**
 * Endpoints that run their own short transactions (a checkout: one before
 * Stripe, one after) commit their idempotency claim before the work; when the
 * work fails, the request role deletes its own in-progress claim so a retry
 * does the work again. The policies already limit the row to the caller's.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`GRANT DELETE ON idempotency_keys TO caseflow_staff, caseflow_portal`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`REVOKE DELETE ON idempotency_keys FROM caseflow_staff, caseflow_portal`);
}
