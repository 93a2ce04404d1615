/**
 * A checkout opened in an admin preview records the admin who was previewing
 * (DESIGN §2: anything a preview writes shows as "by {admin}, previewing" to both
 * sides). NULL for the client's own checkouts. The portal inserts it (from its
 * session, never from input): the table-level INSERT grant covers the new column.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE checkout_sessions
      ADD COLUMN previewed_by uuid,
      ADD CONSTRAINT checkout_sessions_previewed_by_fkey
        FOREIGN KEY (tenant_id, previewed_by) REFERENCES staff_users (tenant_id, id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE checkout_sessions DROP COLUMN previewed_by`);
}
