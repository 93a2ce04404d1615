/**
 * A Stripe payment made through a checkout opened in an admin preview records the
 * admin who was previewing, so the firm and the client both see "by {admin},
 * previewing" (DESIGN §2). The webhook (caseflow_staff) writes it with the
 * payment; the portal may read it.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE payments
      ADD COLUMN previewed_by uuid,
      ADD CONSTRAINT payments_previewed_by_fkey
        FOREIGN KEY (tenant_id, previewed_by) REFERENCES staff_users (tenant_id, id);
    GRANT SELECT (previewed_by) ON payments TO caseflow_portal;
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    REVOKE SELECT (previewed_by) ON payments FROM caseflow_portal;
    ALTER TABLE payments DROP COLUMN previewed_by;
  `);
}
