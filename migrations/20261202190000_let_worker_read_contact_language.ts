/**
 * The jobs that email a contact (the password reset link, the Stripe payment
 * receipt) run as caseflow_worker and write the email in the contact's own
 * language: the worker reads that one more column of contacts, as it already
 * reads their name and email.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`GRANT SELECT (language) ON contacts TO caseflow_worker`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`REVOKE SELECT (language) ON contacts FROM caseflow_worker`);
}
