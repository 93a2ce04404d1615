/**
 * A firm's postal address, printed under its name on invoice PDFs. Free text,
 * several lines (street, city, country…), as firms write it themselves.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE tenants ADD COLUMN address text CHECK (length(address) BETWEEN 1 AND 1000);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`ALTER TABLE tenants DROP COLUMN address`);
}
