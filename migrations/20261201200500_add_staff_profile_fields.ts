/**
 * Staff profile fields beyond the name: a phone number and an hourly rate in
 * minor units of the firm's currency (both optional). Column grants: staff and
 * the platform read and update them; the portal's grant stays the names only.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE staff_users
      ADD COLUMN phone text CHECK (length(phone) BETWEEN 1 AND 40),
      ADD COLUMN hourly_rate bigint CHECK (hourly_rate >= 0);
    GRANT SELECT (phone, hourly_rate), INSERT (phone, hourly_rate), UPDATE (phone, hourly_rate)
      ON staff_users TO caseflow_staff, caseflow_platform;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE SELECT (phone, hourly_rate), INSERT (phone, hourly_rate), UPDATE (phone, hourly_rate)
      ON staff_users FROM caseflow_staff, caseflow_platform;
    ALTER TABLE staff_users DROP COLUMN phone, DROP COLUMN hourly_rate;
  `);
}
